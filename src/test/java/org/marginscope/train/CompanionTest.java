package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.LossKind;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/** Companion networks train in lockstep with the main one, keep their own seed and loss, and fork with it. */
class CompanionTest {
    private static final Dataset DATA = TrainingEngineTest.blobs(80);

    /** 2-16-1: a frozen random ReLU layer (shared by the copies) and a trainable read-out. */
    private static NetworkSpec randomFeatures() {
        return new NetworkSpec(2, false, List.of(
                new LayerSpec(16, Activation.RELU, true, false, Initialiser.NORMAL, 1.0, 0, null, null),
                new LayerSpec(1, Activation.LINEAR, true, true, Initialiser.NORMAL, 0.5, 0, null, null)));
    }

    private static TrainingEngine engine(List<Companion> companions) {
        TrainingEngine e = new TrainingEngine(DATA, randomFeatures(), TrainingConfig.gd(0.1).withSeed(5));
        e.setCompanions(companions);
        return e;
    }

    @Test
    void aCompanionWithTheMainSeedAndLossStaysIdenticalToTheMainNetwork() {
        TrainingEngine e = engine(List.of(new Companion("twin", null, null, 0)));
        assertTrue(e.run(300));
        for (Snapshot s : e.timeline().snapshots()) {
            assertEquals(1, s.companions().size());
            assertParametersEqual(s.parameters(), s.companions().get(0).parameters());
        }
        assertTrue(e.timeline().snapshots().size() > 10);
    }

    /**
     * A divergence stops the main network where it is noticed (rolled back one step when its own weights are bad):
     * its companions stay on the same step with it.
     */
    @Test
    void aRolledBackDivergenceTakesTheCompanionsBackToo() {
        TrainingEngine e = new TrainingEngine(DATA, randomFeatures(),
                TrainingConfig.gd(1e6).withLoss(LossKind.SQUARE).withSeed(5));
        e.setCompanions(List.of(new Companion("twin", null, null, 0)));
        boolean diverged = false;
        for (int i = 0; i < 50 && !diverged; i++) {
            diverged = !e.step();
        }
        assertTrue(diverged, "the square loss at lr 1e6 diverges");
        assertTrue(e.divergence().contains("learning rate"), e.divergence());
        Snapshot s = e.recordCurrent();
        assertEquals(e.stepCount(), s.step());
        assertParametersEqual(s.parameters(), s.companions().get(0).parameters());
    }

    @Test
    void seedCopiesShareTheFixedLayerAndDifferInTheTrainedOne() {
        TrainingEngine e = engine(List.of(Companion.seedCopy(1), Companion.seedCopy(2)));
        Snapshot s = e.recordCurrent();
        for (var c : s.companions()) {
            assertArrayEquals(s.parameters().weights(0), c.parameters().weights(0), 0.0);
            assertArrayEquals(s.parameters().biases(0), c.parameters().biases(0), 0.0);
            assertFalse(java.util.Arrays.equals(s.parameters().weights(1), c.parameters().weights(1)));
        }
        // the copies train: their read-outs move in the run
        assertTrue(e.run(50));
        Snapshot later = e.recordCurrent();
        assertFalse(java.util.Arrays.equals(s.companions().get(1).parameters().weights(1),
                later.companions().get(1).parameters().weights(1)));
    }

    @Test
    void aCompanionTrainsWithItsOwnLoss() {
        TrainingEngine e = engine(List.of(new Companion("square", null, LossKind.SQUARE, 0)));
        assertTrue(e.run(20));
        Snapshot s = e.recordCurrent();
        assertEquals(LossKind.SQUARE, s.companions().get(0).loss());
        assertFalse(java.util.Arrays.equals(s.parameters().weights(1), s.companions().get(0).parameters().weights(1)),
                "same start, different loss, different path");
    }

    @Test
    void forkingFromASnapshotRestoresTheCompanionsToo() {
        TrainingEngine a = engine(List.of(Companion.seedCopy(1)));
        assertTrue(a.run(64));
        Snapshot at40 = a.timeline().atOrBefore(40);
        assertNotNull(at40);
        assertTrue(at40.step() > 20);
        Snapshot at64 = a.recordCurrent();

        TrainingEngine b = engine(List.of(Companion.seedCopy(1)));
        b.restore(at40.parameters(), at40.step());
        b.restoreCompanions(at40.companions(), at40.step());
        assertTrue(b.run(64 - at40.step()));
        Snapshot again = b.recordCurrent();
        assertEquals(64, again.step());
        assertParametersEqual(at64.companions().get(0).parameters(), again.companions().get(0).parameters());
    }

    @Test
    void perturbationStartsAfterZeroTrainingErrorAndStopsAtItsLastStep() {
        TrainingEngine plain = new TrainingEngine(DATA, TrainingEngineTest.small(), TrainingConfig.gd(0.5));
        TrainingEngine noisy = new TrainingEngine(DATA, TrainingEngineTest.small(), TrainingConfig.gd(0.5));
        noisy.setPerturbation(new Perturbation(0.25, 20, 200));
        long zeroAt = -1;
        for (int i = 0; i < 400; i++) {
            assertTrue(plain.step());
            assertTrue(noisy.step());
            if (zeroAt < 0 && plain.lastBatchAccuracy() == 1.0) {
                zeroAt = plain.stepCount() - 1;
            }
            if (zeroAt < 0 || noisy.stepCount() <= zeroAt + 20) {
                // nothing is added before the first zero-error step plus one period
                assertParametersEqual(plain.network().parameters(), noisy.network().parameters());
            }
        }
        assertTrue(zeroAt >= 0 && zeroAt < 180, "blobs are separated early: " + zeroAt);
        long expected = (200 - zeroAt) / 20;
        assertEquals(expected, noisy.perturbations());
        assertFalse(java.util.Arrays.equals(plain.network().parameters().weights(0),
                noisy.network().parameters().weights(0)));
    }

    private static void assertParametersEqual(Parameters a, Parameters b) {
        assertEquals(a.layers(), b.layers());
        for (int k = 0; k < a.layers(); k++) {
            assertArrayEquals(a.weights(k), b.weights(k), 0.0);
            if (a.hasBias(k)) {
                assertArrayEquals(a.biases(k), b.biases(k), 0.0);
            }
        }
    }
}
