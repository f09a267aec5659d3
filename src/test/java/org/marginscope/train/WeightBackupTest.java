package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/** The backup an engine takes before each update, and the norms and finiteness checks it judges the update by. */
class WeightBackupTest {
    private static final NetworkSpec SPEC = TrainingEngineTest.small();

    @Test
    void restoringUndoesEveryChangeToWeightsAndBiasesSinceTheSave() {
        Network net = new Network(SPEC, DataType.FLOAT, 1);
        Parameters saved = net.parameters();
        WeightBackup backup = new WeightBackup(net);
        backup.save(net);
        PerturbationSchedule.addNoise(net, SPEC, 0.5, 2);
        net.liveBiases(1)[3] = Double.NaN;
        net.syncWeights();
        assertNotEquals(saved, net.parameters());
        backup.restoreInto(net);
        assertEquals(saved, net.parameters(), "the live arrays and the synced copy");
    }

    /** A dtype change replaces the network by one of the same shape: the backup serves it as well. */
    @Test
    void theBackupRestoresIntoAnotherNetworkOfTheSameShape() {
        Network a = new Network(SPEC, DataType.DOUBLE, 1), b = new Network(SPEC, DataType.DOUBLE, 2);
        WeightBackup backup = new WeightBackup(a);
        backup.save(a);
        backup.restoreInto(b);
        assertEquals(a.parameters(), b.parameters());
    }

    @Test
    void layerNormsAreTheWeightNormsAndANonFiniteBiasShows() {
        Network net = new Network(SPEC, DataType.DOUBLE, 3);
        double[] norms = LayerNorms.weights(net);
        for (int k = 0; k < norms.length; k++) {
            assertEquals(net.parameters().weightNorm(k), norms[k], 1e-12 * norms[k]);
        }
        assertTrue(LayerNorms.finite(net) && org.marginscope.model.Parameters.finite(norms));
        net.liveBiases(0)[0] = Double.POSITIVE_INFINITY;
        assertFalse(LayerNorms.finite(net));
        assertTrue(Double.isNaN(LayerNorms.weights(net)[0]), "the overflow test sees a bad bias in the norms");
        assertFalse(org.marginscope.model.Parameters.finite(LayerNorms.weights(net)));
    }
}
