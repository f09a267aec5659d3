package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.marginscope.ui.AppWindowTest;

/** Scrubbing training time with keys, the mouse and chart clicks; forking the run from a past moment. */
class TimelineScrubberTest extends AppWindowTest {
    @AfterEach
    void restoreProperties() {
        System.clearProperty("marginscope.noConfirm");
    }

    private void train(long steps) throws Exception {
        window.session().trainer().step(steps);
        window.session().trainer().awaitIdle();
        long target = window.session().trainer().latest().step();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == target, "the view caught up with training");
    }

    private List<Snapshot> kept() {
        return window.session().trainer().timeline().snapshots();
    }

    /** Every view shows the given step: the original-space frame, the transformed frame and the status bar. */
    private void assertShows(FxRobot robot, long step) throws Exception {
        waitUntil(() -> window.view().currentFrame() != null && window.view().currentFrame().step() == step,
                "the original-space view shows step " + step);
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == step, "the transformed view shows step " + step);
        Label status = robot.lookup("#status-step").queryAs(Label.class);
        waitUntil(() -> status.getText().contains("step " + step), "status bar names step " + step);
    }

    @Test
    void keysMoveThroughSnapshotsAndEndGoesLive(FxRobot robot) throws Exception {
        train(400);
        long newest = window.session().trainer().latest().step();
        assertEquals(400, newest);

        robot.type(KeyCode.HOME);
        Snapshot first = kept().get(0);
        assertEquals(first, window.session().viewedProperty().get(), "Home pins the first snapshot");
        assertShows(robot, first.step());
        assertTrue(robot.lookup("#status-step").queryAs(Label.class).getText().contains("viewing"));

        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        Snapshot third = kept().get(2);
        assertEquals(third.step(), window.session().shown().step(), "two Rights move two snapshots on");
        assertShows(robot, third.step());
        robot.type(KeyCode.LEFT);
        assertEquals(kept().get(1).step(), window.session().shown().step());

        robot.type(KeyCode.END);
        assertNull(window.session().viewedProperty().get(), "End goes live");
        assertShows(robot, newest);
    }

    @Test
    void draggingTheScrubberPicksTheNearestSnapshotOnALogAxis(FxRobot robot) throws Exception {
        train(1000);
        Canvas c = robot.lookup("#scrubber-canvas").queryAs(Canvas.class);
        var b = c.localToScreen(c.getBoundsInLocal());
        // the axis runs from 14 px to width-14 px over log(1+step) from 0 to log(1+1000)
        double w = b.getWidth() - 28;
        double x100 = b.getMinX() + 14 + w * Math.log1p(100) / Math.log1p(1000);
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 16, b.getMinY() + 12)).press(javafx.scene.input.MouseButton.PRIMARY);
        assertEquals(kept().get(0).step(), window.session().shown().step(), "the left end is the first snapshot");
        robot.moveTo(new javafx.geometry.Point2D(x100, b.getMinY() + 12)).release(javafx.scene.input.MouseButton.PRIMARY);
        long at = window.session().shown().step();
        // the timeline keeps 64 snapshots per octave: the nearest one to 100 is within a few steps
        assertTrue(Math.abs(at - 100) <= 3, "dragged to step 100, got " + at);
        assertShows(robot, at);

        // the chart cursor sits at the same step on the log axis: further right for a later step
        waitUntil(() -> Double.isFinite(window.charts().cursorSceneX(0)), "the loss chart shows a cursor");
        double cx100 = window.charts().cursorSceneX(0);
        robot.type(KeyCode.RIGHT);
        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.RIGHT);
        }
        long later = window.session().shown().step();
        assertTrue(later > at, "Right moved on");
        waitUntil(() -> window.charts().cursorSceneX(0) > cx100 + 2, "the cursor moved right with the step");

        robot.clickOn("#scrub-live");
        assertNull(window.session().viewedProperty().get());
        waitUntil(() -> Double.isNaN(window.charts().cursorSceneX(0)), "no cursor while live");
    }

    @Test
    void continueFromHereForksTheRunAndDropsTheLaterTimeline(FxRobot robot) throws Exception {
        System.setProperty("marginscope.noConfirm", "true");
        train(300);
        robot.type(KeyCode.HOME);
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.RIGHT);
        }
        Snapshot pinned = window.session().viewedProperty().get();
        assertNotNull(pinned);
        assertTrue(pinned.step() > 0 && pinned.step() < 300, "pinned inside the run: " + pinned.step());
        robot.clickOn("#scrub-fork");
        window.session().trainer().sync();
        Snapshot now = window.session().trainer().latest();
        assertEquals(pinned.step(), now.step(), "training goes on from the pinned step");
        assertEquals(pinned.step(), kept().get(kept().size() - 1).step(), "the later snapshots are gone");
        assertEquals(pinned.parameters().weightNorm(0), now.parameters().weightNorm(0), 1e-6,
                "with the pinned weights");
        assertNull(window.session().viewedProperty().get(), "and the views are live again");
        train(10);
        assertEquals(pinned.step() + 10, window.session().trainer().latest().step());
    }
}
