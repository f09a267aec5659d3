package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.probes.SvmAlignmentProbe;
import org.marginscope.render.TransformedFrame;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.views.BoundaryView;

/**
 * Issue 22: a point of class 3 clicked into two-class data (classes 0 and 1). Classes keep their numbers, so the
 * net gets four outputs, but class 2 has no points: the SVM, Li's angles and the separability verdict are those of
 * classes 0, 1 and 3. Once the net classifies every training point, its own last layer separates the transformed
 * points, so the verdict must say separable.
 */
class EmptyClassTest extends AppWindowTest {
    /** Two moons and a 2-32-32-1 tanh net (the playground: Li's SVM probe on): it reaches 100% in a few thousand steps. */
    @Override
    protected String preset() {
        return "moon-small-net";
    }

    @Test
    void aClassThreePointInTwoClassDataLeavesClassTwoOut(FxRobot robot) throws Exception {
        BoundaryView v = window.view();
        WaitForAsyncUtils.asyncFx(v::requestFocus).get(10, TimeUnit.SECONDS);
        robot.type(KeyCode.DIGIT4); // draw class 3
        int before = window.session().dataset().size();
        // near the top right corner of the view
        Point2D corner = v.localToScreen(BoundaryView.LEFT + 0.93 * v.plotW(), BoundaryView.TOP + 0.07 * v.plotH());
        robot.moveTo(corner).clickOn(MouseButton.PRIMARY);
        waitUntil(() -> window.session().dataset().size() == before + 1, "the click adds a point");
        assertEquals(3, window.session().dataset().trainLabel(before));
        waitUntil(() -> window.session().specProperty().get().outputWidth() == 4, "the net has an output per class up to 3");
        assertArrayEquals(new int[] {0, 1, 3}, window.session().dataset().presentClasses());
        String message = window.session().messageProperty().get();
        assertTrue(message.contains("points of 3 classes (0, 1, 3)") && message.contains("Class 2 has no points"), message);

        var trainer = window.session().trainer();
        Snapshot s = null;
        for (int round = 0; round < 12 && (s == null || s.trainAccuracy() < 1); round++) {
            trainer.step(1000);
            trainer.awaitIdle();
            s = trainer.latest();
        }
        assertEquals(1.0, s.trainAccuracy(), "the net learns the lone class-3 point (step " + s.step() + ")");
        assertEquals(1.0, s.metric(SvmAlignmentProbe.SEPARABLE), "a net at 100% has separable transformed points");
        for (int c : new int[] {0, 1, 3}) {
            assertTrue(Double.isFinite(s.metric(SvmAlignmentProbe.angleKey(c))), "an angle for class " + c);
        }
        assertFalse(s.metrics().containsKey(SvmAlignmentProbe.angleKey(2)), "no angle for the empty class 2");
        double mean = (s.metric(SvmAlignmentProbe.angleKey(0)) + s.metric(SvmAlignmentProbe.angleKey(1))
                + s.metric(SvmAlignmentProbe.angleKey(3))) / 3;
        assertEquals(mean, SvmAlignmentProbe.meanAngle(s.metrics()), 1e-9, "the chart's angle is the present classes' mean");

        long step = s.step();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            TransformedFrame f = window.transformedView().currentFrame();
            return f != null && f.step() == step && f.alignment() != null;
        });
        TransformedFrame f = window.transformedView().currentFrame();
        assertTrue(f.alignment().separable(), "the transformed view's verdict: separable");
        assertTrue(Double.isNaN(f.alignment().angleDeg()[2]));
    }
}
