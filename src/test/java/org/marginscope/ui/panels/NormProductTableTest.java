package org.marginscope.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Poggio's norm-product table: a row per run at the loss the user sets, equal to the run's own snapshot. */
class NormProductTableTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "poggio-fig7-depth1";
    }

    private NormProductTable table() {
        return window.trainingPanel().normProducts();
    }

    private void trainUntilBelow(double level) throws Exception {
        var tr = window.session().trainer();
        tr.sync(); // a preset just loaded: its first snapshot, not the last run's
        for (int i = 0; i < 40 && !(tr.latest() != null && tr.latest().loss() <= level); i++) {
            tr.step(2000);
            tr.awaitIdle();
        }
        assertTrue(tr.latest().loss() <= level, "the run reaches loss " + level + ": " + tr.latest().loss());
    }

    @Test
    void eachRunGetsARowAtTheSetLossAndDeeperNetsHaveTheLargerProduct(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        TextField level = robot.lookup("#norm-product-level").queryAs(TextField.class);
        robot.clickOn(level).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("0.05")
                .type(KeyCode.ENTER);
        waitUntil(() -> table().level() == 0.05, "the level typed in: " + level.getText());
        trainUntilBelow(0.05);
        waitUntil(() -> table().table().getItems().size() == 1, "a row for the first run");
        NormProductTable.Row one = table().table().getItems().get(0);
        // the row is the first kept snapshot at or below the level, product of its own norms
        List<Snapshot> kept = window.session().trainer().timeline().snapshots();
        Snapshot first = kept.stream().filter(s -> s.loss() <= 0.05).findFirst().orElseThrow();
        assertEquals(first.step(), one.step());
        assertEquals(first.normProduct(), one.product(), 1e-12 * first.normProduct());
        assertTrue(kept.stream().filter(s -> s.step() < first.step()).allMatch(s -> s.loss() > 0.05),
                "no earlier snapshot was already there");
        assertTrue(one.run().startsWith("poggio-fig7-depth1"), one.run());
        Thread.sleep(600);
        assertEquals(1, table().table().getItems().size(), "one row per run, however long it trains on");
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("poggio-fig7-depth3")))
                .get(10, TimeUnit.SECONDS);
        trainUntilBelow(0.05);
        waitUntil(() -> table().table().getItems().size() == 2, "a row for the second run");
        NormProductTable.Row three = table().table().getItems().get(1);
        assertTrue(three.run().startsWith("poggio-fig7-depth3"), three.run());
        assertEquals(3, three.norms().split(",").length, "three layer norms");
        // Poggio Fig 7 at equal loss: the deeper net's product is the larger one
        assertTrue(three.product() > one.product(), one.product() + " vs " + three.product());
    }
}
