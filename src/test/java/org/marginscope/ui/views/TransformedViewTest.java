package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.render.Shading;
import org.marginscope.render.TransformedFrame;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.MarginScopeApp;
import org.marginscope.ui.Session;

/** The transformed-space view (Li et al.) driven by its toggles, read back as pixels. */
class TransformedViewTest extends AppWindowTest {
    /** The SVM's purple (boundary, margins, support-vector rings). */
    private static final int SVM_RGB = 0x7a1fa2;
    /** Rows above this hold the view's header text (whose measures line is also purple). */
    private static final int PLOT_TOP = 60;

    private WritableImage pixels(FxRobot robot) throws Exception {
        Canvas c = robot.lookup("#transformed-canvas").queryAs(Canvas.class);
        return WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    private int count(FxRobot robot, IntPredicate rgb) throws Exception {
        WritableImage img = pixels(robot);
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = PLOT_TOP; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if (rgb.test(r.getArgb(x, y) & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int a, int b, int tol) {
        return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) <= tol && Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) <= tol
                && Math.abs((a & 0xFF) - (b & 0xFF)) <= tol;
    }

    private int purple(FxRobot robot) throws Exception {
        return count(robot, c -> near(c, SVM_RGB, 40));
    }

    /** Pixels of the plot area that got darker from one image to the next (lines drawn over the shading). */
    private static int darkened(WritableImage a, WritableImage b) {
        int n = 0;
        for (int y = PLOT_TOP; y < (int) Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x++) {
                if (luma(b.getPixelReader().getArgb(x, y)) < luma(a.getPixelReader().getArgb(x, y)) - 10) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double luma(int argb) {
        return 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
    }

    private void click(FxRobot robot, String id) {
        robot.clickOn(robot.lookup(id).queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void svmOverlayAppearsAfterTrainingAndEachToggleChangesThePixels(FxRobot robot) throws Exception {
        robot.clickOn("#step-100");
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == 100, "a transformed frame of step 100");
        TransformedFrame f = window.transformedView().currentFrame();
        assertEquals(2, f.dim(), "the default preset has a 2-unit last hidden layer");
        assertFalse(f.projected());
        assertNotNull(f.svm());
        assertTrue(f.svm().separable(), "after 100 steps the blobs are separated in the transformed plane");
        assertEquals(window.session().dataset().size() + window.session().dataset().testSize(), f.labels().length);
        waitUntil(() -> window.charts().anglePointCount() > 0, "the angle is charted");

        int withSvm = purple(robot);
        assertTrue(withSvm > 200, "the SVM's boundary, margins and rings are drawn: " + withSvm + " purple pixels");
        click(robot, "#show-svm");
        click(robot, "#show-support");
        waitUntil(() -> {
            try {
                return purple(robot) < withSvm / 10;
            } catch (Exception e) {
                return false;
            }
        }, "the SVM overlay goes when its toggles are off");
        click(robot, "#show-svm");
        click(robot, "#show-support");
        waitUntil(() -> {
            try {
                return purple(robot) > withSvm / 2;
            } catch (Exception e) {
                return false;
            }
        }, "and comes back");

        WritableImage before = pixels(robot);
        click(robot, "#show-grid");
        waitUntil(() -> {
            try {
                return darkened(before, pixels(robot)) > 2000;
            } catch (Exception e) {
                return false;
            }
        }, "the warped grid's lines darken the plot along the folded grid");
        click(robot, "#show-grid");

        int tint0 = Shading.tint(0) & 0xFFFFFF, tint1 = Shading.tint(1) & 0xFFFFFF;
        int flatBefore = count(robot, c -> c == tint0 || c == tint1);
        click(robot, "#show-svm-panel");
        waitUntil(() -> {
            try {
                return count(robot, c -> c == tint0 || c == tint1) > flatBefore + 5000;
            } catch (Exception e) {
                return false;
            }
        }, "a second panel shaded by the SVM's two flat label colours");
        Canvas c = robot.lookup("#transformed-canvas").queryAs(Canvas.class);
        WritableImage img = pixels(robot);
        int gap = img.getPixelReader().getArgb((int) (c.getWidth() / 2) + 20, (int) (c.getHeight() / 2)) & 0xFFFFFF;
        assertEquals(0xFFFFFF, gap, "between the two panels lies the second panel's white axis margin");
    }

    /** A preset that schedules Li's Fig 3(c) retraining does so when the app opens with it, not only from the menu. */
    @Test
    void openingWithARetrainPresetDrawsTheOldLastLayerAfterTheRetrainStep(FxRobot robot) throws Exception {
        var base = PresetLibrary.byName(MarginScopeApp.DEFAULT_PRESET);
        var p = new org.marginscope.experiment.Preset("retrain-ui", 1, "", "li2018", base.dataset(), base.network(),
                base.training(), 400, null, java.util.List.of(), java.util.List.of(), 120, 200, null);
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(base)).get(5, TimeUnit.SECONDS);
        var session = new Session(p);
        try {
            session.trainer().step(300);
            session.trainer().awaitIdle();
            assertNotNull(session.trainer().latest().retiredParameters(), "the schedule ran at step 200");
        } finally {
            session.close();
        }
        // and in the window: a gray dash-dot line appears once the retrain step has passed (the grey
        // pixels before it are counted on the same run just before the retrain step, so the points sit alike)
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(p)).get(5, TimeUnit.SECONDS);
        window.session().trainer().step(190);
        window.session().trainer().awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == window.session().trainer().latest().step()
                && window.transformedView().currentFrame().retired() == null, "the view shows the step before the retrain");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the frame painted and uploaded
        int grey0 = count(robot, c -> near(c, 0x707070, 12));
        window.session().trainer().step(110);
        window.session().trainer().awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().retired() != null, "the view has the retired layer");
        waitUntil(() -> {
            try {
                return count(robot, c -> near(c, 0x707070, 12)) > grey0 + 60;
            } catch (Exception e) {
                return false;
            }
        }, "the retired boundary is drawn in grey");
    }
}
