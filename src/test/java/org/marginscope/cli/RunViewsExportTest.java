package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.render.Palette;

/** {@code run --views neurons,regions}: the Neurons and Regions tabs of a net that is not Sarussi-shaped, as figures. */
class RunViewsExportTest {
    @TempDir
    Path dir;

    /** Pixels within 30 of the colour in every channel. */
    private static int near(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                boolean close = true;
                for (int s = 0; s <= 16; s += 8) {
                    close &= Math.abs(((p >> s) & 0xFF) - ((rgb >> s) & 0xFF)) <= 30;
                }
                n += close ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void moonSmallNetsNeuronsAndUnitMapsAreExported() throws Exception {
        Path out = dir.resolve("moon");
        CommandLineTest.Result r = CommandLineTest.run("run", "--preset", "moon-small-net", "--steps", "300", "--quiet",
                "--out", out.toString(), "--figure", "png,svg", "--png-scale", "1", "--views", "neurons,regions");
        assertEquals(0, r.code(), r.err());
        BufferedImage png = javax.imageio.ImageIO.read(out.resolve("neurons.png").toFile());
        assertEquals(720, png.getWidth());
        // the 32 first-layer units are dots in the two sign colours, not a sentence on a blank page
        int plus = near(png, Palette.colour(1) & 0xFFFFFF), minus = near(png, Palette.colour(0) & 0xFFFFFF);
        assertTrue(plus > 60 && minus > 60, "dots of both signs: " + plus + " / " + minus);
        assertTrue(Files.size(out.resolve("neurons.svg")) > 5_000, "the SVG holds the drawing");
        // the Regions tab's unit maps: 32 + 32 + 1 panels of shaded pixels, most of the page not white
        BufferedImage regions = javax.imageio.ImageIO.read(out.resolve("regions.png").toFile());
        int white = near(regions, 0xFFFFFF), all = regions.getWidth() * regions.getHeight();
        assertTrue(white < 0.8 * all, "unit maps drawn: " + white + " of " + all + " pixels white");

        CommandLineTest.Result unknown = CommandLineTest.run("run", "--preset", "moon-small-net", "--steps", "1",
                "--out", out.toString(), "--figure", "png", "--views", "neurons,spiders");
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("spiders") && unknown.err().contains("neurons"), unknown.err());
        CommandLineTest.Result noFormat = CommandLineTest.run("run", "--preset", "moon-small-net", "--steps", "1",
                "--out", out.toString(), "--views", "neurons");
        assertNotEquals(0, noFormat.code());
        assertTrue(noFormat.err().contains("--figure"), noFormat.err());
    }
}
