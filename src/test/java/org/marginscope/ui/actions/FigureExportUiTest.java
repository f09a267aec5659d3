package org.marginscope.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.export.FigureWriter;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.Settings;

/** Exporting the paper figure of a scrubbed moment from the window, and a failed export that loses nothing. */
class FigureExportUiTest extends AppWindowTest {
    private String message() {
        return window.session().messageProperty().get();
    }

    @Test
    void exportsTheScrubbedMomentAndReportsAFailureWithoutLosingTheRun(FxRobot robot, @TempDir Path dir) throws Exception {
        window.session().trainer().step(200);
        window.session().trainer().awaitIdle();
        Snapshot early = window.session().trainer().timeline().atOrBefore(20);
        WaitForAsyncUtils.asyncFx(() -> window.session().view(early)).get(5, TimeUnit.SECONDS);
        Path pdf = dir.resolve("fig.pdf");
        WaitForAsyncUtils.asyncFx(() -> window.figureExport().export(window.session().shown(), window.session().dataset(),
                "test", FigureWriter.Format.PDF, pdf, 1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message().startsWith("Saved"));
        assertTrue(Files.size(pdf) > 10_000);
        assertEquals(early, window.session().viewedProperty().get(), "the export leaves the scrubbed moment shown");

        int kept = window.session().trainer().timeline().size();
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        Path bad = blocker.resolve("fig.svg");
        WaitForAsyncUtils.asyncFx(() -> window.figureExport().export(window.session().shown(), window.session().dataset(),
                "test", FigureWriter.Format.SVG, bad, 1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message().startsWith("Not saved"));
        assertTrue(message().contains("not-a-dir"), message());
        assertFalse(Files.exists(bad));
        assertEquals(kept, window.session().trainer().timeline().size(), "the timeline is intact");
        assertEquals(200, window.session().trainer().latest().step(), "and so is the model");
        robot.lookup("#error-dialog").tryQuery().ifPresent(n -> robot.type(javafx.scene.input.KeyCode.ESCAPE));
    }

    @Test
    void animationExportWritesTheChosenFramesInTheBackgroundAndCancels(@TempDir Path dir) throws Exception {
        System.setProperty("marginscope.noConfirm", "true");
        try {
            window.session().trainer().step(300);
            window.session().trainer().awaitIdle();
            Path gif = dir.resolve("run.gif");
            var done = WaitForAsyncUtils.asyncFx(() -> window.animationExport().export(
                    new AnimationExportAction.Settings(10, 300, 12, 6), gif)).get(5, TimeUnit.SECONDS);
            assertTrue(done.get(60, TimeUnit.SECONDS), message());
            try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
                var r = javax.imageio.ImageIO.getImageReaders(in).next();
                r.setInput(in);
                assertEquals(12, r.getNumImages(true), "the requested frame count");
            }
            Path cancelled = dir.resolve("cancelled.gif");
            var late = WaitForAsyncUtils.asyncFx(() -> {
                var f = window.animationExport().export(new AnimationExportAction.Settings(0, 300, 200, 6), cancelled);
                window.animationExport().cancel();
                return f;
            }).get(5, TimeUnit.SECONDS);
            assertFalse(late.get(60, TimeUnit.SECONDS), "cancelled");
            assertFalse(Files.exists(cancelled), "a cancelled export leaves no file");
            assertTrue(message().contains("cancelled"), message());
            assertEquals(300, window.session().trainer().latest().step(), "the run is untouched");
        } finally {
            System.clearProperty("marginscope.noConfirm");
        }
    }

    /** The workspace figure: both views of the moment shown above the run's charts, as PNG and as SVG. */
    @Test
    void theWorkspaceExportHoldsBothViewsOverTheCharts(@TempDir Path dir) throws Exception {
        window.session().trainer().step(150);
        window.session().trainer().awaitIdle();
        Snapshot shown = window.session().trainer().latest();
        var run = window.session().trainer().timeline().snapshots();
        var data = window.session().dataset();
        var views = org.marginscope.experiment.SnapshotFigures.paper(data, shown, "test").withPanels(java.util.List.of(
                org.marginscope.render.PaperFigure.Kind.ORIGINAL, org.marginscope.render.PaperFigure.Kind.TRANSFORMED));
        var charts = org.marginscope.experiment.TrainingChartsFigure.of(run, "test");
        Path png = dir.resolve("workspace.png"), svg = dir.resolve("workspace.svg");
        for (Path file : new Path[] {png, svg}) {
            WaitForAsyncUtils.asyncFx(() -> window.figureExport().exportWorkspace(shown, data, run, "test",
                    FigureWriter.Format.ofFile(file), file, 2)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file) && message().startsWith("Saved"));
            WaitForAsyncUtils.asyncFx(() -> window.session().messageProperty().set("")).get(5, TimeUnit.SECONDS);
        }
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int w = Math.max(views.width(), charts.width());
        assertEquals(2 * w, img.getWidth(), "as wide as the wider part, at scale 2");
        assertTrue(img.getHeight() > 2 * (views.height() + charts.height()), "both parts, one above the other: " + img.getHeight());
        // the views on top: both classes' markers; the charts below: the training-loss curve's colour
        int viewsBottom = 2 * views.height(), chartsTop = img.getHeight() - 2 * charts.height();
        assertTrue(count(img, 0, viewsBottom, org.marginscope.render.Palette.colour(1)) > 200, "class-1 markers on top");
        assertTrue(count(img, 0, viewsBottom, org.marginscope.render.Palette.colour(0)) > 200, "class-0 markers on top");
        assertTrue(count(img, chartsTop, img.getHeight(), org.marginscope.render.Palette.colour(0)) > 200, "curves below");
        var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        var doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertEquals(w, (int) Double.parseDouble(doc.getDocumentElement().getAttribute("width").replace("px", "")),
                "the SVG page is the same figure");
        assertTrue(doc.getElementsByTagName("path").getLength() > 50, "vector lines and markers");
    }

    private static int count(java.awt.image.BufferedImage img, int y0, int y1, int rgb) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((c & 255) - (rgb & 255)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
