package org.marginscope.train;

import java.util.Arrays;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Training only the last layer on the features the layers below have learnt, the rest frozen: Li et al.
 * Fig 3's retraining of a fresh last layer (now, or scheduled at a step) and Nar et al. Thm 5's
 * differential training of the current one. Either keeps the whole network as it was ("retired") for the
 * views to compare, and remembers the config before, which a reset goes back to. It works through the
 * engine's commands: its network, its config and {@link TrainingEngine#restartOptimiser}.
 */
final class LastLayerSchedule {
    private final TrainingEngine engine;
    /** Li et al. Fig 3: the step to retrain at (-1: none) and the fresh layer's seed. */
    private long retrainAt = -1, retrainSeed;
    private Parameters retired;
    private TrainingConfig configBefore;

    LastLayerSchedule(TrainingEngine engine) {
        this.engine = engine;
    }

    /** Li et al. Fig 3 as a schedule: retrain when the step count reaches {@code atStep}; a negative step cancels it. */
    void retrainAt(long atStep, long seed) {
        retrainAt = atStep;
        retrainSeed = seed;
    }

    boolean scheduled() {
        return retrainAt >= 0;
    }

    /** Whether the scheduled retraining happens before this step (once per run: not if the layer was already replaced). */
    boolean dueAt(long step) {
        return step == retrainAt && retired == null;
    }

    void retrainNow() {
        reinitialiseAndFreezeRest(retrainSeed);
    }

    /** The whole network as it was when only its last layer began to train (null if it has not). */
    Parameters retired() {
        return retired;
    }

    /** Li et al. Fig 3: a new random last layer (bias 0), every other layer frozen. */
    void reinitialiseAndFreezeRest(long seed) {
        TrainingConfig config = engine.config();
        if (configBefore == null) {
            configBefore = config;
        }
        Network net = engine.network();
        retired = net.parameters();
        int last = net.layers() - 1;
        Network fresh = new Network(engine.spec(), config.dtype().nd4j(), seed);
        System.arraycopy(fresh.liveWeights(last), 0, net.liveWeights(last), 0, net.liveWeights(last).length);
        if (net.liveBiases(last) != null) {
            Arrays.fill(net.liveBiases(last), 0);
        }
        net.syncWeights();
        engine.setConfig(config.trainingOnlyLast(net.layers()));
        engine.restartOptimiser(); // a fresh last layer may start above the first loss: not a divergence
    }

    /** Nar et al. Thm 5, Eq 8: the current last layer trains by the differential loss, the layers below frozen. */
    void differentialAndFreezeRest() {
        NetworkSpec spec = engine.spec();
        Network net = engine.network();
        if (spec.outputWidth() != 1) {
            throw new IllegalArgumentException("differential training needs two classes (one output logit)");
        }
        if (!spec.layers().get(net.layers() - 1).trainable()) {
            throw new IllegalArgumentException("this network's last layer is fixed by its architecture: there is"
                    + " nothing for differential training to train");
        }
        TrainingConfig before = engine.config();
        engine.setConfig(before.withLoss(LossKind.DIFFERENTIAL).trainingOnlyLast(net.layers())); // validates first
        if (configBefore == null) {
            configBefore = before;
        }
        retired = engine.network().parameters();
        engine.restartOptimiser();
    }

    /**
     * A reset: nothing is retired any more; returns the config from before the last layer trained alone,
     * which the new run trains the whole network with again (null: nothing to go back to).
     */
    TrainingConfig restart() {
        TrainingConfig back = configBefore;
        configBefore = null;
        retired = null;
        return back;
    }

    /** Another run was loaded: the settings before are not its own to go back to. */
    void forgetConfig() {
        configBefore = null;
    }
}
