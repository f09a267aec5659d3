package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.marginscope.model.LossKind;
import org.testfx.api.FxRobot;

/** Model > Differential training of the last layer: the loss and the frozen layers as a user sees them, undone by Reset. */
class DifferentialMenuTest extends AppWindowTest {
    @Test
    void theMenuFreezesTheLayersBelowAndResetUndoesIt(FxRobot robot) throws Exception {
        var tr = window.session().trainer();
        tr.step(300);
        tr.awaitIdle();
        double[] first = tr.latest().parameters().weights(0);
        robot.clickOn("Model").clickOn("Differential training of the last layer (Nar Thm 5)");
        waitUntil(() -> window.session().configProperty().get().loss() == LossKind.DIFFERENTIAL, "the loss shown");
        tr.step(200);
        tr.awaitIdle();
        assertArrayEquals(first, tr.latest().parameters().weights(0), 0.0, "the first layer no longer moves");
        assertNotNull(tr.latest().retiredParameters(), "the transformed view gets the layer before to compare");
        robot.clickOn("#reset");
        waitUntil(() -> window.session().configProperty().get().loss() == LossKind.CROSS_ENTROPY, "reset: cross-entropy again");
        tr.sync();
        tr.step(50);
        tr.awaitIdle();
        assertEquals(LossKind.CROSS_ENTROPY, window.session().configProperty().get().loss());
        double[] w = tr.latest().parameters().weights(0);
        tr.step(20);
        tr.awaitIdle();
        assertEquals(false, java.util.Arrays.equals(w, tr.latest().parameters().weights(0)), "every layer trains again");
    }
}
