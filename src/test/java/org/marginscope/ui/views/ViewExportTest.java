package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.experiment.SnapshotFigures;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.Figure;
import org.marginscope.render.PaperFigure;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * File > Export view of the original and transformed views, as a user checks it: Nar's two-point overlay (the
 * orange dashed limit and the green dotted SVM) is in the exported PNG where the screen shows it, and the
 * transformed view's export agrees with its canvas, header lines included.
 */
class ViewExportTest extends AppWindowTest {
    private static final int LIMIT = 0xD55E00, SVM = 0x009E73;

    @TempDir
    Path dir;

    @Override
    protected String preset() {
        return "nar-two-points";
    }

    /** Pixels of the image within a small distance of the colour (sum over channels). */
    static int pixelsOf(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y), d = 0;
                for (int s = 0; s <= 16; s += 8) {
                    d += Math.abs(((c >> s) & 0xFF) - ((rgb >> s) & 0xFF));
                }
                n += d <= 30 ? 1 : 0;
            }
        }
        return n;
    }

    private static BufferedImage png(Figure f, Path file) throws Exception {
        FigureWriter.write(f, FigureWriter.Format.PNG, file, 1);
        return ImageIO.read(file.toFile());
    }

    @Test
    void theOriginalViewsExportHoldsNarsOverlayAsTheScreenDoes(FxRobot robot) throws Exception {
        var tr = window.session().trainer();
        tr.pause();
        tr.step(200);
        tr.awaitIdle();
        waitUntil(() -> window.view().twoPoint() != null && window.view().currentFrame().step() == tr.latest().step(),
                "the frame of the trained net, with its overlay");
        WaitForAsyncUtils.waitForFxEvents();
        Figure figure = WaitForAsyncUtils.asyncFx(() -> window.view().figure()).get(10, TimeUnit.SECONDS);
        BufferedImage exported = png(figure, dir.resolve("original.png"));
        assertTrue(pixelsOf(exported, LIMIT) > 60, "the limit's orange dashes: " + pixelsOf(exported, LIMIT));
        assertTrue(pixelsOf(exported, SVM) > 30, "the SVM's green dots: " + pixelsOf(exported, SVM));
        // the probe can fail: the paper figure (before, Export view of this view) has none of the overlay
        BufferedImage paper = png(SnapshotFigures.paper(window.session().dataset(), tr.latest(), "nar")
                .withPanels(List.of(PaperFigure.Kind.ORIGINAL)), dir.resolve("paper.png"));
        assertTrue(pixelsOf(paper, LIMIT) < 10, "the paper figure draws no overlay: " + pixelsOf(paper, LIMIT));
        double same = ScreenAndFigure.agreement(window.view(), figure);
        assertTrue(same > 0.9, "the export shows what the screen shows (both layers): " + same + " of the samples agree");
    }

    @Test
    void theTransformedViewsExportIsItsCanvas(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.showTab("Transformed")).get(10, TimeUnit.SECONDS);
        var tr = window.session().trainer();
        tr.pause();
        tr.step(200);
        tr.awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == tr.latest().step(), "the transformed frame");
        WaitForAsyncUtils.waitForFxEvents();
        Figure figure = WaitForAsyncUtils.asyncFx(() -> window.transformedView().figure()).get(10, TimeUnit.SECONDS);
        Canvas c = robot.lookup("#transformed-canvas").queryAs(Canvas.class);
        assertEquals((int) Math.ceil(c.getWidth()), figure.width(), "the page is the view's size");
        double same = ScreenAndFigure.agreement(c, figure);
        assertTrue(same > 0.9, "the figure shows what the screen shows: " + same + " of the samples agree");
        Path file = dir.resolve("transformed.png");
        FigureWriter.write(figure, FigureWriter.Format.PNG, file, 2);
        assertEquals(2 * figure.width(), ImageIO.read(file.toFile()).getWidth(), "PNG at twice the size");
        assertTrue(Files.size(file) > 1000);
    }
}
