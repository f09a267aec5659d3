package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.Loss;
import org.marginscope.model.Network;

/** Snapshots carry the loss on the held-out points (Poggio Fig 5 plots it beside the training loss). */
class TestLossMetricTest {
    @Test
    void theTestLossIsTheLossOfTheTestPointsUnderTheSnapshotsWeights() {
        Preset p = PresetLibrary.byName("li-blob-small-net"); // a quarter of the points held out
        Dataset d = p.dataset().build();
        assertTrue(d.testSize() > 0);
        TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
        e.run(300);
        Snapshot s = e.evaluate();
        Network net = new Network(p.network(), org.nd4j.linalg.api.buffer.DataType.DOUBLE, s.parameters());
        double expected = new Loss(p.training().loss(), p.training().meanLoss())
                .evaluate(net.logits(d.testX(), d.testSize()), d.testSize(), 1, d.testY(), null);
        assertEquals(expected, s.metric("test_loss"), 1e-5 * expected, "float32 run, float64 check");
        assertTrue(Math.abs(s.metric("test_loss") - s.loss()) > 1e-6, "not the training loss");
        TrainingEngine noTest = new TrainingEngine(PresetLibrary.byName("nar-fig2").dataset().build(),
                PresetLibrary.byName("nar-fig2").network(), PresetLibrary.byName("nar-fig2").training());
        assertFalse(noTest.evaluate().metrics().containsKey("test_loss"), "no held-out points, no test loss");
    }
}
