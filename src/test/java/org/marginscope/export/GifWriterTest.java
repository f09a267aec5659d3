package org.marginscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.render.Figure;

/** Animated GIFs read back with ImageIO's reader: frame count, size, delay, frame content, cancel. */
class GifWriterTest {
    /** Frame i is a bar i*10 px wide on white, so each frame differs from the others. */
    private static GifWriter.Frames bars(int n) {
        return new GifWriter.Frames() {
            @Override
            public int count() {
                return n;
            }

            @Override
            public Figure frame(int i) {
                return new Figure() {
                    public int width() {
                        return 120;
                    }

                    public int height() {
                        return 40;
                    }

                    public void paint(Graphics2D g) {
                        g.setColor(Color.WHITE);
                        g.fillRect(0, 0, 120, 40);
                        g.setColor(Color.BLACK);
                        g.fillRect(0, 0, 10 * i + 1, 40);
                    }
                };
            }
        };
    }

    @Test
    void hasTheRequestedFramesSizeAndDelay(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.gif");
        AtomicInteger seen = new AtomicInteger();
        GifWriter.write(bars(7), f, 5, seen::set, null);
        assertEquals(7, seen.get(), "progress reached the last frame");
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(7, r.getNumImages(true));
            for (int i = 0; i < 7; i++) {
                var img = r.read(i);
                assertEquals(120, img.getWidth());
                assertEquals(40, img.getHeight());
                int black = 0;
                for (int x = 0; x < 120; x++) {
                    black += (img.getRGB(x, 20) & 0xFFFFFF) == 0 ? 1 : 0;
                }
                assertEquals(10 * i + 1, black, "frame " + i + " is the " + i + "th picture");
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                var gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("20", gce.getAttribute("delayTime"), "5 frames/s = 20 hundredths of a second");
            }
        }
    }

    @Test
    void cancelLeavesNoFileAndBadSettingsAreRefused(@TempDir Path dir) {
        Path f = dir.resolve("c.gif");
        AtomicInteger n = new AtomicInteger();
        assertThrows(CancellationException.class, () -> GifWriter.write(bars(10), f, 5, n::set, () -> n.get() >= 3));
        assertEquals(3, n.get());
        assertFalse(Files.exists(f));
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(bars(2), f, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(bars(0), f, 5, null, null));
    }
}
