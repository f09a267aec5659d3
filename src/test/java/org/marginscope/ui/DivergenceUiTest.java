package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 23: a run wrecked by its learning rate stops, says why, marks the step and offers a lower rate. */
class DivergenceUiTest extends AppWindowTest {
    @Override
    protected javafx.geometry.Dimension2D size() {
        return new javafx.geometry.Dimension2D(1400, 860);
    }
    @Test
    void aHugeLearningRateStopsTheRunAndTheOfferTrainsItAgain(FxRobot robot) throws Exception {
        Session session = window.session();
        robot.clickOn(robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Training"))
                .queryLabeled());
        robot.clickOn("#learning-rate");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("1000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, session.configProperty().get().learningRate());
        Button retry = robot.lookup("#retry-lower-learning-rate").queryButton();
        assertFalse(retry.isVisible(), "nothing to offer before a divergence");

        robot.clickOn("#play");
        waitUntil(() -> session.divergenceProperty().get() != null, "the run is stopped", 30);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Training stopped: the loss grew from ")
                && message.getText().endsWith("the learning rate 1000 is too large - try 100"), message.getText());
        assertFalse(session.trainer().isRunning());
        assertTrue(retry.isVisible());
        assertEquals("Retry with learning rate 100", retry.getText());
        long at = session.divergenceProperty().get().step();
        waitUntil(() -> Double.isFinite(window.charts().divergenceMarkerSceneX()), "the loss chart marks the step", 30);
        assertEquals(window.charts().lossChartSceneX(at), window.charts().divergenceMarkerSceneX(), 1.0);

        // each offer lowers the rate ten times; from 0.1 on this net trains (1 still kills its bottleneck)
        double lr = 1000;
        while (session.divergenceProperty().get() != null) {
            assertTrue(lr > 0.1, "the offers reach a learning rate that trains");
            robot.clickOn("#retry-lower-learning-rate");
            WaitForAsyncUtils.waitForFxEvents();
            lr /= 10;
            assertEquals(lr, session.configProperty().get().learningRate(), 1e-12 * lr);
            assertNull(session.divergenceProperty().get());
            assertFalse(retry.isVisible());
            assertTrue(Double.isNaN(window.charts().divergenceMarkerSceneX()), "the marker goes with the reset");
            waitUntil(() -> session.trainer().settled() && session.trainer().latest().step() == 0, "the model is reset", 30);
            robot.clickOn("#play");
            waitUntil(() -> session.divergenceProperty().get() != null || session.trainer().latest().step() >= 300,
                    "the run either stops or trains on", 30);
        }
        assertEquals(0.1, lr, 1e-12);
        robot.clickOn("#play"); // pause
        waitUntil(() -> !session.trainer().isRunning(), "paused", 30);
        assertTrue(session.trainer().latest().trainAccuracy() > 0.9, "it learns: " + session.trainer().latest().trainAccuracy());
    }
}
