package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;

/** Poggio's ensembles step as one batched read-out computation; it must be the same arithmetic as one by one. */
class EnsembleBatchTest {
    private static List<CompanionState> run(String preset, boolean batched, long steps) {
        boolean was = TrainingEngine.batchEnsembles;
        TrainingEngine.batchEnsembles = batched;
        try {
            Preset p = PresetLibrary.byName(preset);
            Dataset d = p.dataset().build();
            TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
            e.setCompanions(p.allCompanions());
            assertEquals(batched, e.companionsBatched(), preset + ": the path under test is the one taken");
            assertTrue(e.run(steps));
            return e.companionStates();
        } finally {
            TrainingEngine.batchEnsembles = was;
        }
    }

    @Test
    void newDataGiveNewFeatures() {
        Preset p = PresetLibrary.byName("poggio-ensemble-exp");
        Dataset d = p.dataset().build();
        TrainingEngine batched = new TrainingEngine(d, p.network(), p.training());
        batched.setCompanions(p.allCompanions());
        batched.run(50);
        double[] moved = d.trainX().clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] *= -1; // every point mirrored: same size, other features
        }
        Dataset other = new Dataset(d.name(), d.dim(), moved, d.trainY(), null, null, d.classNames(), null);
        batched.setDataset(other);
        batched.run(50);
        boolean was = TrainingEngine.batchEnsembles;
        TrainingEngine.batchEnsembles = false;
        try {
            TrainingEngine single = new TrainingEngine(d, p.network(), p.training());
            single.setCompanions(p.allCompanions());
            single.run(50);
            single.setDataset(other);
            single.run(50);
            var a = single.companionStates().get(3).parameters();
            var b = batched.companionStates().get(3).parameters();
            int last = a.layers() - 1;
            for (int i = 0; i < a.weights(last).length; i++) {
                assertEquals(a.weights(last)[i], b.weights(last)[i], 1e-12, "the batch saw the new data");
            }
        } finally {
            TrainingEngine.batchEnsembles = was;
        }
    }

    @Test
    void theBatchedStepsEqualTheSeparateOnes() {
        for (String preset : new String[] {"poggio-ensemble-exp", "poggio-ensemble-square"}) {
            List<CompanionState> one = run(preset, false, 600), all = run(preset, true, 600);
            assertEquals(7, all.size(), preset);
            for (int c = 0; c < all.size(); c++) {
                var a = one.get(c).parameters();
                var b = all.get(c).parameters();
                int last = a.layers() - 1;
                double scale = 0;
                for (double v : a.weights(last)) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < a.weights(last).length; i++) {
                    // float64 throughout; only the order of the sums differs: 1e-12 relative over 600 steps
                    assertEquals(a.weights(last)[i], b.weights(last)[i], 1e-12 * scale + 1e-15,
                            preset + " copy " + c + " weight " + i);
                }
                for (int k = 0; k < last; k++) {
                    assertTrue(java.util.Arrays.equals(a.weights(k), b.weights(k)), "the fixed features stay shared");
                }
                assertTrue(Math.abs(a.weights(last)[0]) > 0, "trained");
            }
        }
    }
}
