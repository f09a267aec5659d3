package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.NarTwoPoint;
import org.marginscope.data.Dataset;
import org.marginscope.render.TwoPointLimit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.views.BoundaryView;

/**
 * Nar Thm 1 as the demo a teacher drags: the preset opens with the move tool, dragging a point moves it
 * (one undo step), the overlay's closed-form angle follows the new points, and long training ends within
 * 1 degree of the overlay's limit direction.
 */
class TwoPointDemoTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "nar-two-points";
    }

    private Point2D screenOf(double x, double y) {
        BoundaryView v = window.view();
        return v.localToScreen(v.sx(x), v.sy(y));
    }

    @Test
    void draggingAPointMovesItAndTheClosedFormFollows(FxRobot robot) throws Exception {
        assertEquals(BoundaryView.Tool.MOVE, window.view().toolProperty().get(), "the demo starts with the move tool");
        window.session().trainer().pause();
        waitUntil(() -> window.view().twoPoint() != null, "the overlay applies to two points and a linear model");
        TwoPointLimit before = window.view().twoPoint();
        assertEquals(22.62, before.limitToSvmDeg(), 0.01, "the closed form for (1,2) vs (3,1)");
        Dataset original = window.session().dataset();
        double[][] xp = NarTwoPoint.pointsOf(original);
        // drag the positive point from (1, 2) to about (0, 3.5)
        Point2D from = screenOf(xp[0][0], xp[0][1]), to = screenOf(0, 3.5);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double[][] moved = NarTwoPoint.pointsOf(window.session().dataset());
        assertNotNull(moved, "still one point per class");
        assertEquals(0, moved[0][0], 0.05, "the point went where the mouse did");
        assertEquals(3.5, moved[0][1], 0.05);
        assertEquals(xp[1][0], moved[1][0], 0.0, "the other point stayed");
        assertEquals(2, window.session().dataset().size(), "moving adds no point");
        waitUntil(() -> Math.abs(window.view().twoPoint().x()[1] - moved[0][1]) < 1e-12, "the overlay redrawn for the new points");
        double expected = NarTwoPoint.angleToSvmDeg(moved[0], moved[1]);
        assertEquals(expected, window.view().twoPoint().limitToSvmDeg(), 1e-9);
        assertTrue(Math.abs(expected - before.limitToSvmDeg()) > 1, "a different angle: " + expected);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> NarTwoPoint.pointsOf(window.session().dataset())[0][1] == xp[0][1], "one undo takes the whole drag back");
    }

    @Test
    void longTrainingEndsWithinOneDegreeOfTheOverlaysLimit() throws Exception {
        var tr = window.session().trainer();
        tr.pause();
        tr.reset(1);
        tr.step(30_000);
        tr.awaitIdle();
        waitUntil(() -> window.view().twoPoint() != null && window.view().currentFrame() != null
                && window.view().currentFrame().step() == tr.latest().step(), "the overlay of the trained net");
        WaitForAsyncUtils.waitForFxEvents();
        TwoPointLimit r = TwoPointLimit.of(window.session().dataset(), tr.latest().spec(), tr.latest().parameters());
        // GD converges to the limit direction like 1/log t; 30k steps of lr 0.1 bring it under a degree
        assertTrue(r.networkToLimitDeg() < 1, "network vs closed form: " + r.networkToLimitDeg());
        assertEquals(r.networkToLimitDeg(), window.view().twoPoint().networkToLimitDeg(), 0.05, "the overlay shows it");
    }
}
