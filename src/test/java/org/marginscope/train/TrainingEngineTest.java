package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;
import org.marginscope.model.Activation;
import org.marginscope.model.LossKind;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

class TrainingEngineTest {
    static Dataset blobs(int n) {
        return Generators.byName("blob").generate(new GeneratorParams(n, 0, 3, Scale.SMALL)).split(0.25, 1);
    }

    static NetworkSpec small() {
        return NetworkSpec.mlp(2, 2, Activation.RELU, 16, 16);
    }

    @Test
    void fullBatchGdLearnsBlobs() {
        TrainingEngine e = new TrainingEngine(blobs(200), small(), TrainingConfig.gd(0.5));
        Snapshot first = e.evaluate();
        assertTrue(e.run(400));
        Snapshot last = e.recordCurrent();
        assertTrue(last.loss() < 0.2 * first.loss(), first.loss() + " -> " + last.loss());
        assertEquals(1.0, last.trainAccuracy());
        assertTrue(last.testAccuracy() > 0.95);
        assertEquals(400, last.step());
    }

    @Test
    void deterministicForASeedInBothDtypesAndWithMiniBatches() {
        for (TrainingConfig cfg : List.of(TrainingConfig.gd(0.3),
                TrainingConfig.gd(0.3).withDtype(Dtype.FLOAT64),
                TrainingConfig.gd(0.05).withOptimiser(OptimiserKind.ADAM, 16),
                TrainingConfig.gd(0.1).withOptimiser(OptimiserKind.MOMENTUM, 7))) {
            Parameters a = trained(cfg.withSeed(5));
            Parameters b = trained(cfg.withSeed(5));
            Parameters c = trained(cfg.withSeed(6));
            assertEquals(a, b, "same seed, same weights: " + cfg.optimiser());
            assertNotEquals(a, c, "another seed, other weights");
        }
    }

    private static Parameters trained(TrainingConfig cfg) {
        TrainingEngine e = new TrainingEngine(blobs(120), small(), cfg);
        e.run(60);
        return e.network().parameters();
    }

    @Test
    void miniBatchesSampleWithoutReplacementPerEpoch() {
        TrainingConfig cfg = TrainingConfig.gd(0.1).withOptimiser(OptimiserKind.GD, 32);
        TrainingEngine e = new TrainingEngine(blobs(128), small(), cfg); // 96 training points: 3 batches an epoch
        double before = e.evaluate().loss();
        assertTrue(e.run(300));
        assertTrue(e.evaluate().loss() < before);
    }

    @Test
    void divergingLearningRateStopsWithTheLastGoodWeights() {
        TrainingConfig cfg = TrainingConfig.gd(1e9).withLoss(LossKind.EXPONENTIAL).withDtype(Dtype.FLOAT64);
        TrainingEngine e = new TrainingEngine(blobs(100), small(), cfg);
        boolean ok = e.run(50);
        assertFalse(ok, "a learning rate of 1e9 with the exponential loss must blow up");
        assertTrue(e.divergence().contains("learning rate"), e.divergence());
        assertTrue(e.divergence().contains("back at step " + e.stepCount()) || e.divergence().contains("step " + e.stepCount()),
                e.divergence());
        Parameters p = e.network().parameters();
        Snapshot s = e.recordCurrent();
        assertTrue(Double.isFinite(s.loss()), "the kept weights have a finite loss: " + s.loss());
        assertEquals(p, s.parameters());
        Snapshot onTimeline = e.timeline().atOrBefore(e.stepCount());
        assertEquals(e.stepCount(), onTimeline.step());
        assertEquals(p, onTimeline.parameters(), "the weights are those the timeline holds for that step");
        for (Snapshot t : e.timeline().snapshots()) {
            assertTrue(Double.isFinite(t.loss()), "no snapshot with a non-finite loss is kept");
        }
        long step = e.stepCount();
        assertFalse(e.run(10), "going on fails the same way instead of corrupting the model");
        assertEquals(step, e.stepCount());
        assertEquals(p, e.network().parameters());
    }

    @Test
    void frozenLayersDoNotMoveAndRetrainingTheLastLayerKeepsTheTransform() {
        TrainingEngine e = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.3));
        e.run(20);
        Parameters before = e.network().parameters();
        e.reinitialiseLastLayerAndFreezeRest(99);
        Parameters reinit = e.network().parameters();
        assertFalse(java.util.Arrays.equals(before.weights(2), reinit.weights(2)), "the last layer is new");
        assertEquals(0, reinit.bias(2, 0));
        e.run(30);
        Parameters after = e.network().parameters();
        assertArrayEquals(before.weights(0), after.weights(0));
        assertArrayEquals(before.biases(1), after.biases(1));
        assertFalse(java.util.Arrays.equals(reinit.weights(2), after.weights(2)), "the last layer trains");
    }

    @Test
    void rowNormConstraintHoldsAfterEveryStep() {
        TrainingConfig cfg = TrainingConfig.gd(2.0).withLayer(0, new LayerTraining(0, 0.5, false));
        TrainingEngine e = new TrainingEngine(blobs(100), small(), cfg);
        for (int i = 0; i < 30; i++) {
            e.step();
            for (double r : e.network().parameters().rowNorms(0)) {
                assertTrue(r <= 0.5 + 1e-12, "row norm " + r);
            }
        }
    }

    @Test
    void l2PenaltyKeepsWeightsSmaller() {
        TrainingEngine plain = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.5));
        TrainingEngine l2 = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.5)
                .withLayer(0, new LayerTraining(0.1, 0, false)));
        plain.run(300);
        l2.run(300);
        double a = plain.network().parameters().weightNorm(0), b = l2.network().parameters().weightNorm(0);
        assertTrue(b < 0.9 * a, "L2 norm " + b + " vs plain " + a);
        // one step from the same weights: the penalty adds exactly -lr * lambda * W to the update
        TrainingEngine p1 = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.5));
        TrainingEngine p2 = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.5)
                .withLayer(0, new LayerTraining(0.1, 0, false)));
        double[] w0 = p1.network().parameters().weights(0);
        p1.step();
        p2.step();
        double[] a1 = p1.network().parameters().weights(0), a2 = p2.network().parameters().weights(0);
        for (int i = 0; i < w0.length; i++) {
            assertEquals(-0.5 * 0.1 * w0[i], a2[i] - a1[i], 1e-6);
        }
    }

    @Test
    void perturbationHasTheRequestedRelativeStd() {
        NetworkSpec wide = NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2);
        TrainingEngine e = new TrainingEngine(blobs(100), wide, TrainingConfig.gd(0.1));
        double[] before = e.network().parameters().weights(0);
        e.perturb(0.25, 3);
        double[] after = e.network().parameters().weights(0);
        double std = std(before), dstd;
        double[] delta = new double[before.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = after[i] - before[i];
        }
        dstd = std(delta);
        // 4000 draws: the sample std is within ~3.4% (3 sigma of 1/sqrt(2n)) of the true one
        assertEquals(0.25 * std, dstd, 0.05 * 0.25 * std);
    }

    private static double std(double[] v) {
        double m = 0, s = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    @Test
    void dataCanChangeBetweenStepsAndIncompatibleDataIsRefusedUnchanged() {
        TrainingEngine e = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.3));
        e.run(5);
        Dataset more = blobs(140);
        e.setDataset(more);
        assertEquals(105, e.dataset().size());
        assertTrue(e.run(5));
        assertEquals(10, e.stepCount());
        Dataset threeD = Dataset.of("3d", 3, new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1});
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.setDataset(threeD));
        assertTrue(ex.getMessage().contains("3 features"));
        assertEquals(105, e.dataset().size(), "the old data stays");
    }

    @Test
    void resetRestartsFromTheSeed() {
        TrainingEngine e = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.3).withSeed(4));
        Parameters start = e.network().parameters();
        e.run(10);
        e.reset(4);
        assertEquals(start, e.network().parameters());
        assertEquals(0, e.stepCount());
        assertNull(e.timeline().latest());
    }

    @Test
    void aStepObserverCanStopBeforeTheUpdate() {
        TrainingEngine e = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.3));
        e.setObserver((step, loss, acc, full) -> step == 7);
        assertFalse(e.run(100));
        assertTrue(e.halted());
        assertNull(e.divergence());
        assertEquals(7, e.stepCount(), "the update of step 7 did not happen");
    }

    @Test
    void timelineHoldsTheWeightsOfEachStep() {
        TrainingEngine e = new TrainingEngine(blobs(100), small(), TrainingConfig.gd(0.3).withSeed(4));
        Parameters start = e.network().parameters();
        e.run(3);
        Snapshot s0 = e.timeline().snapshots().get(0);
        assertEquals(0, s0.step());
        assertEquals(start, s0.parameters(), "snapshot 0 holds the initial weights");
        assertEquals(3, e.timeline().size());
        assertTrue(e.timeline().snapshots().get(2).loss() < s0.loss());
    }
}
