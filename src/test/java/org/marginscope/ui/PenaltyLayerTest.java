package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** van den Berg Fig 16's tools per layer: the L2 penalty and the row-norm bound go on the layer the user picks. */
class PenaltyLayerTest extends AppWindowTest {
    private void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(f).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text).type(KeyCode.ENTER);
    }

    @Test
    void theChosenLayerGetsThePenaltyAndTheOthersKeepTheirs(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        @SuppressWarnings("unchecked")
        ComboBox<String> layer = robot.lookup("#penalty-layer").queryAs(ComboBox.class);
        assertEquals(4, layer.getItems().size(), "every layer, then the three layers of 2-32-2-1");
        robot.clickOn(layer).clickOn("layer 1");
        type(robot, "#l2-penalty", "0.01");
        waitUntil(() -> window.session().configProperty().get().layer(0).l2() == 0.01, "layer 1's L2");
        assertEquals(0, window.session().configProperty().get().layer(1).l2(), 0.0, "layer 2 untouched");
        robot.clickOn(layer).clickOn("layer 2");
        type(robot, "#max-row-norm", "3");
        waitUntil(() -> window.session().configProperty().get().layer(1).maxRowNorm() == 3, "layer 2's bound");
        assertEquals(0, window.session().configProperty().get().layer(0).maxRowNorm(), 0.0);
        assertEquals("0", robot.lookup("#l2-penalty").queryAs(TextField.class).getText(), "the field shows layer 2's L2");
        robot.clickOn(layer).clickOn("layer 1");
        assertEquals("0.01", robot.lookup("#l2-penalty").queryAs(TextField.class).getText(), "and layer 1's again");
        // the engine honours the bound: every unit of layer 2 stays within norm 3
        var tr = window.session().trainer();
        tr.step(300);
        tr.awaitIdle();
        for (double r : tr.latest().parameters().rowNorms(1)) {
            assertEquals(true, r <= 3 + 1e-9, "row norm " + r);
        }
    }
}
