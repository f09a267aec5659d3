package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;

/**
 * The companions collaborator on its own: each companion is exactly the engine one would build for it
 * alone (the main run's config with its seed offset and its loss), through steps, a config change and a fork.
 */
class CompanionsTest {
    private static final Dataset DATA = TrainingEngineTest.blobs(120);
    private static final NetworkSpec SPEC = TrainingEngineTest.small(); // every layer trainable: nothing is shared
    /** Mini-batches and momentum, so a wrong seed shows in the batch order and a lost config in the optimiser. */
    private static final TrainingConfig MAIN = TrainingConfig.gd(0.1).withOptimiser(OptimiserKind.MOMENTUM, 16).withSeed(5);
    private static final List<Companion> LIST = List.of(Companion.seedCopy(1),
            new Companion("square", null, LossKind.SQUARE, 2));

    private static TrainingEngine alone(long seedOffset, LossKind loss) {
        TrainingConfig c = MAIN.withSeed(MAIN.seed() + seedOffset);
        return new TrainingEngine(DATA, SPEC, loss == null ? c : c.withLoss(loss));
    }

    private static Companions started() {
        Companions cs = new Companions();
        cs.replace(LIST, DATA, SPEC, MAIN);
        cs.reset(MAIN.seed(), new Network(SPEC, MAIN.dtype().nd4j(), MAIN.seed()));
        return cs;
    }

    private static void steps(Companions cs, int n) {
        double[] x = DATA.trainX();
        int[] y = DATA.trainY();
        for (int i = 0; i < n; i++) {
            cs.step(x, y);
        }
    }

    @Test
    void eachCompanionStepsAsItsOwnEngineWouldThroughAConfigChange() {
        Companions cs = started();
        TrainingEngine copy = alone(1, null), square = alone(2, LossKind.SQUARE);
        steps(cs, 40);
        copy.run(40);
        square.run(40);
        cs.setConfig(MAIN.withLearningRate(0.03));
        copy.setConfig(copy.config().withLearningRate(0.03));
        square.setConfig(square.config().withLearningRate(0.03));
        steps(cs, 30);
        copy.run(30);
        square.run(30);

        List<CompanionState> states = cs.states();
        assertEquals(copy.network().parameters(), states.get(0).parameters(), "the seed copy");
        assertEquals(square.network().parameters(), states.get(1).parameters(), "the square-loss companion");
        assertEquals(LossKind.SQUARE, states.get(1).loss());
        assertNull(states.get(0).divergence());
        assertNotEquals(states.get(0).parameters(), states.get(1).parameters());
    }

    /** A fork restarts the optimiser and the batch order from the step: the companion does as its own engine does. */
    @Test
    void aForkedCompanionContinuesAsItsOwnEngineForkedThere() {
        Companions straight = started();
        steps(straight, 25);
        List<CompanionState> at25 = straight.states();

        Companions forked = started();
        forked.restore(at25, 25);
        steps(forked, 25);
        TrainingEngine copy = alone(1, null), square = alone(2, LossKind.SQUARE);
        copy.restore(at25.get(0).parameters(), 25);
        square.restore(at25.get(1).parameters(), 25);
        copy.run(25);
        square.run(25);
        assertEquals(copy.network().parameters(), forked.states().get(0).parameters());
        assertEquals(square.network().parameters(), forked.states().get(1).parameters());
        assertEquals(copy.stepCount(), 50);
    }
}
