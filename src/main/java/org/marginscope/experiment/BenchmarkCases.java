package org.marginscope.experiment;

import java.util.SplittableRandom;
import org.marginscope.data.Dataset;
import org.marginscope.model.Activation;
import org.marginscope.model.NetworkSpec;

/** The networks and data `bench` and `bench --ui` time: one definition for the engine's figures and the window's. */
public final class BenchmarkCases {
    private BenchmarkCases() {
    }

    /** Li et al.'s reference net: 2 -> 2000 ReLU -> 2 ReLU -> 1. */
    public static NetworkSpec wideSpec() {
        return NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2);
    }

    public static NetworkSpec smallSpec() {
        return NetworkSpec.mlp(2, 2, Activation.RELU, 16, 16);
    }

    /** Two Gaussian blobs in [0,100]^2 (the timing does not depend on the exact data). */
    public static Dataset blobLike(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double c = y[i] == 0 ? 30 : 70;
            x[2 * i] = c + 10 * org.marginscope.data.Gaussian.draw(rnd);
            x[2 * i + 1] = c + 10 * org.marginscope.data.Gaussian.draw(rnd);
        }
        return Dataset.of("bench", 2, x, y);
    }
}
