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

    /**
     * Sarussi Fig 4 (our reading; the figure's settings are lost in the text): positives ~ N((2,1), 0.5^2 I)
     * kept where <(2,1),x> >= 0.5, negatives their exact reflections -x, so the set is symmetric.
     */
    static final class SymmetricGaussians extends DatasetGenerator {
        SymmetricGaussians() {
            super("symmetric-gaussians", "Sarussi Fig 4: N((2,1),0.25 I) and its mirror image -x", 100,
                    new Bounds(-4, 4, -3, 3), List.of("-1", "+1"));
        }

        /** The positive point of the current pair; generation runs sequentially on one thread. */
        private final ThreadLocal<double[]> pair = ThreadLocal.withInitial(() -> new double[2]);

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            double[] p = pair.get();
            boolean positive = i % 2 == 0;
            if (positive) {
                do {
                    p[0] = 2 + 0.5 * Gaussian.draw(rnd);
                    p[1] = 1 + 0.5 * Gaussian.draw(rnd);
                } while (2 * p[0] + p[1] < 0.5);
            }
            xy[0] = positive ? p[0] : -p[0];
            xy[1] = positive ? p[1] : -p[1];
            return positive ? 1 : 0;
        }

        @Override
        protected int trueClass(double x, double y) {
            return 2 * x + y > 0 ? 1 : 0;
        }
    }

    /**
     * Sarussi Fig 9 (our reading): N(+-(2,0), 0.25 I), 50 each, plus one positive outlier at (-0.3, 2.5), just on
     * the negative side of the teacher line x1 = 0 (at (0.2, 2.5) the net reaches full PAR: no contrast).
     */
    static final class AntipodalWithOutlier extends DatasetGenerator {
        AntipodalWithOutlier() {
            super("antipodal-outlier", "Sarussi Fig 9: Gaussians at +-(2,0), std 0.5, one positive outlier (-0.3,2.5)",
                    101, new Bounds(-4, 4, -3, 3), List.of("-1", "+1"));
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            if (i == n - 1) {
                xy[0] = -0.3;
                xy[1] = 2.5;
                return 1;
            }
            int c = i % 2 == 0 ? 1 : 0;
            xy[0] = (c == 1 ? 2 : -2) + 0.5 * Gaussian.draw(rnd);
            xy[1] = 0.5 * Gaussian.draw(rnd);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            // the teacher x1 > 0, except at the outlier, which is a positive on purpose
            return x > 0 || (Math.abs(x + 0.3) < 1e-12 && Math.abs(y - 2.5) < 1e-12) ? 1 : 0;
        }
    }

    /**
     * Sarussi Fig 1 (our reading): a linear teacher w* = (1,-1)/sqrt 2 through the origin, points uniform
     * in [-1,1]^2 with margin |<w*,x>| >= 0.1, labelled by the teacher.
     */
    static final class LinearTeacher extends DatasetGenerator {
        private static final double R = Math.sqrt(0.5);

        LinearTeacher() {
            super("linear-teacher", "Sarussi Fig 1: separable points of the teacher (1,-1)/sqrt2, margin 0.1", 40,
                    new Bounds(-1, 1, -1, 1), List.of("-1", "+1"));
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            double s;
            do {
                uniform(domain(), rnd, xy);
                s = R * (xy[0] - xy[1]);
            } while (Math.abs(s) < 0.1 || (s > 0) != (c == 1));
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            return x - y > 0 ? 1 : 0;
        }
    }

    /**
     * Nar Fig 1 (our reading): five points per class on the line x2 = x1 + 40, class A (label 1) at
     * x1 = 10..20, class B (label 0) at x1 = 30..40, evenly spaced; n is ignored below 10.
     */
    static final class AffineLine extends DatasetGenerator {
        AffineLine() {
            super("nar-affine", "Nar Fig 1: two classes on the line x2 = x1 + 40, far from the origin", 10,
                    new Bounds(0, 50, 30, 90), List.of("B", "A"));
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int perClass = Math.max(1, n / 2);
            boolean a = i < perClass;
            int k = a ? i : i - perClass;
            double step = perClass > 1 ? 10.0 / (perClass - 1) : 0;
            xy[0] = (a ? 10 : 30) + k * step;
            xy[1] = xy[0] + 40;
            return a ? 1 : 0;
        }

        @Override
        protected int trueClass(double x, double y) {
            return x + y < 90 ? 1 : 0;
        }
    }

    /**
     * Nar et al. Thm 1's setting: one positive point x (label 1) and one negative point p (label 0),
     * repeated when more points are asked for; the true classes are the SVM's sides (the perpendicular
     * bisector of x and p).
     */
    static final class TwoPoints extends DatasetGenerator {
        private final double[] x;
        private final double[] p;

        TwoPoints(String name, String description, double[] x, double[] p, Bounds domain) {
            super(name, description, 2, domain, List.of("negative", "positive"));
            this.x = x.clone();
            this.p = p.clone();
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            double[] src = i % 2 == 0 ? x : p;
            xy[0] = src[0];
            xy[1] = src[1];
            return i % 2 == 0 ? 1 : 0;
        }

        @Override
        protected int trueClass(double a, double b) {
            double mx = (x[0] + p[0]) / 2, my = (x[1] + p[1]) / 2;
            return (a - mx) * (x[0] - p[0]) + (b - my) * (x[1] - p[1]) > 0 ? 1 : 0;
        }
    }

    static DatasetGenerator twoPoints() {
        return new TwoPoints("nar-two-points", "Nar Thm 1: x = (1,2) positive, p = (3,1) negative", new double[] {1, 2},
                new double[] {3, 1}, new Bounds(-1, 5, -1, 4));
    }

    /** Corollary 1: x.p = -1 and |x| much smaller than |p|, so the limit is almost orthogonal to the SVM's. */
    static DatasetGenerator twoPointsFar() {
        return new TwoPoints("nar-two-points-far", "Nar Cor 1: x = (1,0) positive, p = (-1,20) negative (x.p = -1)",
                new double[] {1, 0}, new double[] {-1, 20}, new Bounds(-12, 12, -3, 23));
    }
}
