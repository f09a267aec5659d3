package org.marginscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.render.PaperFigure;
import org.marginscope.render.Shading;
import org.marginscope.train.TrainingEngine;
import org.w3c.dom.Document;

/** The paper figure written as PNG, SVG and PDF, read back with independent readers. */
class FigureWriterTest {
    private static PaperFigure figure;
    private static Dataset data;

    @BeforeAll
    static void train() {
        Preset p = PresetLibrary.byName("li-blob-small-net");
        data = p.dataset().build();
        TrainingEngine e = new TrainingEngine(data, p.network(), p.training());
        e.run(300);
        figure = PaperFigure.of(data, p.network(), e.network().parameters(), null, 0, e.stepCount(), p.name());
    }

    @Test
    void pngHasTheRequestedPixelSizeAndShowsBothClassRegions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.png");
        FigureWriter.writePng(figure, f, 2);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(2 * figure.width(), img.getWidth());
        assertEquals(2 * figure.height(), img.getHeight());
        // panel B (the network in the original plane) holds the light tints of both classes' regions
        int near0 = 0, near1 = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                near0 += close(rgb, Shading.tint(0) & 0xFFFFFF) ? 1 : 0;
                near1 += close(rgb, Shading.tint(1) & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertTrue(near0 > 500 && near1 > 500, "both region tints: " + near0 + " / " + near1);
        assertThrows(IllegalArgumentException.class, () -> FigureWriter.writePng(figure, dir.resolve("x.png"), 5));
        assertFalse(Files.exists(dir.resolve("x.png")), "a refused export leaves no file");
    }

    private static boolean close(int a, int b) {
        for (int s = 0; s <= 16; s += 8) {
            if (Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) > 6) {
                return false;
            }
        }
        return true;
    }

    @Test
    void svgParsesAndHoldsVectorPointsContoursAndNoLooseText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.svg");
        FigureWriter.writeSvg(figure, f);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = dbf.newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(figure.width(), (int) Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        int points = data.size() + data.testSize();
        int shapes = doc.getElementsByTagName("path").getLength() + doc.getElementsByTagName("circle").getLength()
                + doc.getElementsByTagName("ellipse").getLength() + doc.getElementsByTagName("rect").getLength()
                + doc.getElementsByTagName("polygon").getLength();
        // every point is drawn in panels A, B, C and D: at least 4 vector shapes per point
        assertTrue(shapes >= 4 * points, shapes + " vector shapes for " + points + " points");
        assertTrue(doc.getElementsByTagName("image").getLength() >= 2, "the shaded fields are embedded images");
        assertEquals(0, doc.getElementsByTagName("text").getLength(), "text is drawn as outlines");
        var image = (org.w3c.dom.Element) doc.getElementsByTagName("image").item(0);
        String href = image.getAttribute("xlink:href");
        assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, Math.min(40, href.length())));
        BufferedImage field = ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getMimeDecoder().decode(href.substring(href.indexOf(',') + 1))));
        assertTrue(field.getWidth() >= 100, "the embedded field decodes as a PNG of " + field.getWidth() + " px");
    }

    @Test
    void pdfOpensWithThePageSizeOfTheFigureAndNoFonts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.pdf");
        FigureWriter.writePdf(figure, f);
        try (PDDocument doc = Loader.loadPDF(f.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            PDPage page = doc.getPage(0);
            assertEquals(figure.width(), page.getMediaBox().getWidth(), 0.01);
            assertEquals(figure.height(), page.getMediaBox().getHeight(), 0.01);
            int fonts = 0;
            for (var name : page.getResources().getFontNames()) {
                fonts++;
            }
            assertEquals(0, fonts, "text converted to paths: no font needed to print it");
        }
        assertTrue(Files.size(f) > 10_000, "the page holds the drawing");
    }

    @Test
    void formatsParseFromNamesAndFileExtensions() {
        assertEquals(FigureWriter.Format.SVG, FigureWriter.Format.parse(" SVG "));
        assertEquals(FigureWriter.Format.PDF, FigureWriter.Format.ofFile(Path.of("a/b.fig.pdf")));
        assertEquals(null, FigureWriter.Format.ofFile(Path.of("a/b.jpeg")));
        var e = assertThrows(IllegalArgumentException.class, () -> FigureWriter.Format.parse("eps"));
        assertTrue(e.getMessage().contains("eps"));
    }

    /** One view alone: narrower than the paper figure, and only the transformed view carries the SVM's purple. */
    @Test
    void singleViewFiguresHoldOnePanelAndTheirOwnOverlays() {
        var t = figure.withPanels(java.util.List.of(PaperFigure.Kind.TRANSFORMED));
        var o = figure.withPanels(java.util.List.of(PaperFigure.Kind.ORIGINAL));
        assertTrue(t.width() < figure.width() / 2, t.width() + " vs " + figure.width());
        int purpleT = purple(FigureWriter.raster(t, 1)), purpleO = purple(FigureWriter.raster(o, 1));
        assertTrue(purpleT > 300, "SVM lines and rings in the transformed view: " + purpleT);
        assertEquals(0, purpleO, "no SVM in the original-space view");
    }

    private static int purple(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += close(img.getRGB(x, y) & 0xFFFFFF, 0x7a1fa2) ? 1 : 0;
            }
        }
        return n;
    }
}
