package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/** Gaussian classes from Nar et al. and Sarussi et al. */
final class GaussianGenerators {
    private GaussianGenerators() {
    }

    /** Two isotropic Gaussians of equal variance; the true boundary is the means' perpendicular bisector. */
    static class TwoGaussians extends DatasetGenerator {
        private final double[] mean0;
        private final double[] mean1;
        private final double std;

        TwoGaussians(String name, String description, int defaultN, Bounds domain, double[] mean0, double[] mean1,
                     double variance, List<String> names) {
            super(name, description, defaultN, domain, names);
            this.mean0 = mean0;
            this.mean1 = mean1;
            this.std = Math.sqrt(variance);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i < (n + 1) / 2 ? 1 : 0;
            double[] m = c == 1 ? mean1 : mean0;
            xy[0] = m[0] + std * Gaussian.draw(rnd);
            xy[1] = m[1] + std * Gaussian.draw(rnd);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            double d0 = sq(x - mean0[0]) + sq(y - mean0[1]);
            double d1 = sq(x - mean1[0]) + sq(y - mean1[1]);
            return d1 < d0 ? 1 : 0;
        }
    }

    static double sq(double v) {
        return v * v;
    }

    /**
     * Nar et al. Fig 2: class A (label 1) ~ N((2,12), 25 I), class B (label 0) ~ N((40,50), 25 I),
     * 10 samples each by default.
     */
    static DatasetGenerator narGaussians() {
        return new TwoGaussians("nar-gaussians", "Nar Fig 2: N((2,12),25I) vs N((40,50),25I), 10 points each", 20,
                new Bounds(-20, 65, -10, 75), new double[] {40, 50}, new double[] {2, 12}, 25, List.of("B", "A"));
    }
}
