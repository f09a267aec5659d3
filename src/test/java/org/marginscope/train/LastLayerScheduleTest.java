package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/** Li et al. Fig 3's retraining and Nar et al. Thm 5's differential mode: what they retire, freeze and give back. */
class LastLayerScheduleTest {
    private static final Dataset DATA = TrainingEngineTest.blobs(100);
    private static final NetworkSpec SPEC = TrainingEngineTest.small(); // 2-16-16-1
    private static final TrainingConfig CONFIG = TrainingConfig.gd(0.3).withOptimiser(OptimiserKind.MOMENTUM, 0)
            .withSeed(4);
    private static final int T = 30, LAST = 2;

    private static Snapshot at(TrainingEngine e, long step) {
        return e.timeline().snapshots().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    @Test
    void theScheduleRetiresTheWeightsOfStepTAndOnlyTheFreshLastLayerTrainsFromStepTPlusOne() {
        TrainingEngine plain = new TrainingEngine(DATA, SPEC, CONFIG);
        plain.run(T);
        Parameters atT = plain.network().parameters();

        TrainingEngine e = new TrainingEngine(DATA, SPEC, CONFIG);
        e.retrainLastLayerAt(T, 7);
        e.run(T);
        assertNull(e.retiredParameters(), "nothing happens before step T");
        assertTrue(e.run(5));
        assertEquals(T + 6, e.stepCount(), "the re-initialisation counts as a step of its own");
        assertEquals(atT, e.retiredParameters(), "exactly the weights of step T are retired");
        assertEquals(atT, at(e, T).parameters(), "the timeline keeps step T as it was");

        Parameters fresh = at(e, T + 1).parameters(), trained = e.network().parameters();
        Parameters seven = new Network(SPEC, CONFIG.dtype().nd4j(), 7).parameters();
        assertArrayEquals(seven.weights(LAST), fresh.weights(LAST), 0.0, "step T + 1 is the fresh layer of the seed");
        assertEquals(0, fresh.bias(LAST, 0));
        assertFalse(Arrays.equals(fresh.weights(LAST), trained.weights(LAST)), "the fresh layer trains");
        for (int k = 0; k < LAST; k++) {
            assertArrayEquals(atT.weights(k), trained.weights(k), 0.0, "layer " + k + " frozen");
            assertArrayEquals(atT.biases(k), trained.biases(k), 0.0, "layer " + k + " bias frozen");
        }
        assertNotNull(at(e, T + 2).retiredParameters());
    }

    @Test
    void aResetRunsTheScheduleAgainFromTheWholeNetworksConfig() {
        TrainingEngine e = new TrainingEngine(DATA, SPEC, CONFIG);
        e.retrainLastLayerAt(T, 7);
        e.run(T + 10);
        Parameters first = e.network().parameters();
        assertTrue(e.config().layer(0).frozen());

        e.reset(CONFIG.seed());
        assertEquals(CONFIG, e.config(), "a reset trains the whole network again");
        assertNull(e.retiredParameters());
        e.run(T + 10);
        assertEquals(first, e.network().parameters(), "the same schedule, the same run");
        e.retrainLastLayerAt(-1, 0);
        e.reset(CONFIG.seed());
        e.run(T + 10);
        assertNull(e.retiredParameters(), "a cancelled schedule retrains nothing");
    }

    @Test
    void differentialModeFreezesAllButTheLastLayerAndAResetGivesBackTheConfigBefore() {
        TrainingConfig before = CONFIG.withLoss(LossKind.SQUARE).withLayer(0, new LayerTraining(0.01, 0, false));
        TrainingEngine e = new TrainingEngine(DATA, SPEC, before);
        e.run(20);
        Parameters at20 = e.network().parameters();
        e.differentialLastLayerAndFreezeRest();
        assertEquals(LossKind.DIFFERENTIAL, e.config().loss());
        assertTrue(e.config().layer(0).frozen() && e.config().layer(1).frozen() && !e.config().layer(LAST).frozen());
        assertEquals(at20, e.retiredParameters(), "the network before is kept to compare");
        assertTrue(e.run(20));
        Parameters after = e.network().parameters();
        assertArrayEquals(at20.weights(0), after.weights(0), 0.0);
        assertFalse(Arrays.equals(at20.weights(LAST), after.weights(LAST)), "the last layer trains");

        e.reinitialiseLastLayerAndFreezeRest(3); // a second last-layer change: the config to go back to stays the first
        e.reset(1);
        assertEquals(before, e.config(), "the loss and the layer settings from before differential training");
        assertNull(e.retiredParameters());
    }

    @Test
    void differentialModeRefusedChangesNothing() {
        NetworkSpec threeClasses = NetworkSpec.mlp(2, 3, org.marginscope.model.Activation.RELU, 8);
        TrainingEngine e = new TrainingEngine(DATA, threeClasses, CONFIG);
        assertThrows(IllegalArgumentException.class, e::differentialLastLayerAndFreezeRest);
        assertEquals(CONFIG, e.config());
        assertNull(e.retiredParameters());
        e.reset(2);
        assertEquals(CONFIG, e.config());
    }
}
