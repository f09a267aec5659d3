package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.views.BoundaryView;

/**
 * A reset, a data edit that rebuilds the net, or another preset while training never leaves a curve of the run
 * before it: at every moment no chart plots a step beyond the trainer's newest snapshot. (Li's angle chart used
 * to follow the transformed view's last frame, which after a reset still held the old run's step.)
 */
class ChartResetTest extends AppWindowTest {
    @Override
    protected javafx.geometry.Dimension2D size() {
        return new javafx.geometry.Dimension2D(1280, 820);
    }
    /** Samples the charts on the FX thread for a while: every plotted step is one the run has reached. */
    private void noPointBeyondTheRun(String after) throws Exception {
        for (int i = 0; i < 25; i++) {
            long[] seen = WaitForAsyncUtils.asyncFx(() -> {
                var latest = window.session().trainer().latest();
                return new long[] {window.charts().maxPlottedStep(), latest == null ? -1 : latest.step()};
            }).get(10, TimeUnit.SECONDS);
            assertTrue(seen[0] <= seen[1], after + ": a chart plots step " + seen[0] + " while the run is at step " + seen[1]);
            Thread.sleep(40);
        }
    }

    private void trainPast(long step) throws Exception {
        waitUntil(() -> window.session().trainer().latest() != null && window.session().trainer().latest().step() > step
                && window.charts().anglePointCount() > 0, "training past step " + step + " with Li's angle plotted", 60);
        // the charts take the run in at 10 Hz, and the small net trains over 10,000 steps a second: they follow
        // within a tick or two, not at the instant the run passes the step
        waitUntil(() -> plottedUpTo() > step / 2, "the charts follow the run past step " + step / 2, 10);
    }

    private long plottedUpTo() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> window.charts().maxPlottedStep()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void resetsEditsAndPresetsLeaveNoCurveOfTheRunBefore(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        trainPast(3000);
        robot.clickOn(window.view()).type(KeyCode.R); // reset
        noPointBeyondTheRun("Reset");
        robot.clickOn("#play");
        trainPast(3000);
        // a point of a new class: the net gets another output and restarts
        robot.type(KeyCode.DIGIT4);
        BoundaryView v = window.view();
        Point2D p = v.localToScreen(v.sx(0.5), v.sy(0.5));
        robot.moveTo(p).clickOn(MouseButton.PRIMARY);
        robot.type(KeyCode.SPACE);
        noPointBeyondTheRun("a point of a new class");
        trainPast(200);
        // another preset while training
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("moon-small-net")))
                .get(10, TimeUnit.SECONDS);
        robot.clickOn("#play");
        noPointBeyondTheRun("loading another preset");
    }
}
