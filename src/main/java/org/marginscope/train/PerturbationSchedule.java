package org.marginscope.train;

import java.util.SplittableRandom;
import org.marginscope.data.Gaussian;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;

/**
 * When Poggio et al.'s Fig 5 noise is due: the step training first reached zero error, then every
 * {@link Perturbation#every()} steps after it up to {@link Perturbation#until()}, at most once a step, and the
 * noise itself ({@link #addNoise}). This keeps the schedule's state across resets and forks; the engine asks it
 * before each step ({@link TrainingEngine#perturb} adds the noise by hand).
 */
final class PerturbationSchedule {
    private Perturbation perturbation;
    private long zeroErrorAt = -1;
    private long perturbedAt = -1;
    private int count;

    void set(Perturbation p) {
        perturbation = p;
    }

    Perturbation perturbation() {
        return perturbation;
    }

    /** How many times the noise was added since the reset. */
    int count() {
        return count;
    }

    /** A new run from step 0. */
    void reset() {
        zeroErrorAt = -1;
        perturbedAt = -1;
        count = 0;
    }

    /** The full-batch error was zero at this step (only the first time counts). */
    void zeroError(long step) {
        if (zeroErrorAt < 0) {
            zeroErrorAt = step;
        }
    }

    /** The run continues from this step (a fork): a zero error seen later has not happened yet. */
    void restoredTo(long step) {
        if (step <= zeroErrorAt) {
            zeroErrorAt = -1;
        }
    }

    /** Whether the noise is due before this step. */
    boolean due(long step) {
        Perturbation p = perturbation;
        return p != null && zeroErrorAt >= 0 && step > zeroErrorAt && step <= p.until() && step != perturbedAt
                && (step - zeroErrorAt) % p.every() == 0;
    }

    /** The noise was added before this step. */
    void done(long step) {
        count++;
        perturbedAt = step;
    }

    /**
     * Adds Gaussian noise with std = f x (std of the layer's weights) to every weight of every layer
     * the architecture lets train.
     */
    static void addNoise(Network net, NetworkSpec spec, double f, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < net.layers(); k++) {
            if (!spec.layers().get(k).trainable()) {
                continue; // fixed by the architecture (Sarussi's +-1, van den Berg's A2)
            }
            double[] w = net.liveWeights(k);
            double mean = 0, var = 0;
            for (double v : w) {
                mean += v;
            }
            mean /= w.length;
            for (double v : w) {
                var += (v - mean) * (v - mean);
            }
            double std = f * Math.sqrt(var / Math.max(1, w.length - 1));
            for (int i = 0; i < w.length; i++) {
                w[i] += std * Gaussian.draw(rnd);
            }
        }
        net.syncWeights();
    }
}
