package org.marginscope.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.marginscope.ui.AppWindowTest;

/** One click builds Sarussi's net on the current data; it trains with SGD batch 1 and its neurons get measured. */
class SarussiBuilderTest extends AppWindowTest {
    @Test
    void buildsTheFixedSignNetAndTrainsIt(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(n -> ((javafx.scene.control.Label) n).getText().equals("Network"))
                .queryAs(javafx.scene.Node.class));
        robot.clickOn("#build-sarussi");
        var spec = window.session().specProperty().get();
        assertEquals(2, spec.layers().size());
        assertEquals(100, spec.layers().get(0).width(), "2k = 100 hidden units by default");
        assertFalse(spec.layers().get(0).bias(), "no bias terms");
        assertTrue(spec.appendConstantInput(), "the bias through a constant input (App K)");
        var out = spec.layers().get(1);
        assertFalse(out.trainable(), "the second layer is fixed");
        assertEquals(1.0, out.weights()[0][0]);
        assertEquals(-1.0, out.weights()[99][0]);
        assertEquals(1, window.session().configProperty().get().batchSize(), "SGD with batch 1");
        window.session().trainer().step(400);
        window.session().trainer().awaitIdle();
        var s = window.session().trainer().latest();
        assertEquals(-1.0, s.parameters().weight(1, 99, 0), "still fixed after training");
        assertTrue(s.metrics().containsKey("max_cluster_angle_deg"), "the neurons are measured");
        assertTrue(s.trainAccuracy() > 0.95, "it learns the blobs: " + s.trainAccuracy());
    }
}
