package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 2D sets of Li, Ding, Gao 2018 (Fig 2, Fig 5), after the authors' code (liyu95/NN_decision_boundary,
 * src/utils.py; see docs/paper-recipes-notes.md). Unlike their code, every set has exactly n points,
 * the classes alternating, so that the default is the paper's 5000.
 */
final class LiGenerators {
    private static final List<String> TWO = List.of("0", "1");

    private LiGenerators() {
    }

    /** Uniform in [0,100]^2 outside the band 90 < x+y < 110; class 0 above the band, class 1 below. */
    static final class Plate extends DatasetGenerator {
        Plate() {
            super("plate", "Li Fig 2 Plate: two half-squares split by a band of width 20 along x+y=100", 5000,
                    new Bounds(0, 100, 0, 100), TWO);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            do {
                uniform(domain(), rnd, xy);
            } while (c == 0 ? xy[0] + xy[1] < 110 : xy[0] + xy[1] > 90);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            return x + y >= 100 ? 0 : 1;
        }
    }

    /** Isotropic Gaussian blobs of equal std; the truth is the nearest centre. */
    static final class Blob extends DatasetGenerator {
        private final double[][] centres;
        private final double std;

        Blob(String name, String description, double[][] centres, double std, List<String> names) {
            super(name, description, 5000, new Bounds(0, 100, 0, 100), names);
            this.centres = centres;
            this.std = std;
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % centres.length;
            xy[0] = centres[c][0] + std * Gaussian.draw(rnd);
            xy[1] = centres[c][1] + std * Gaussian.draw(rnd);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = (x - centres[c][0]) * (x - centres[c][0]) + (y - centres[c][1]) * (y - centres[c][1]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best;
        }
    }

    static Blob blob() {
        return new Blob("blob", "Li Fig 2 Blob: Gaussians at (20,20) and (80,80), std 10",
                new double[][] {{20, 20}, {80, 80}}, 10, TWO);
    }

    static Blob blob3() {
        return new Blob("blob3", "Li Fig 5: three Gaussians at (10,10), (45,75), (80,10), std 5",
                new double[][] {{10, 10}, {45, 75}, {80, 10}}, 5, List.of("0", "1", "2"));
    }

    /**
     * Quarter discs in the positive quadrant of [0,400]^2: class 0 uniform in 0 < r <= 200, class 1
     * uniform in rMin <= r <= 400. rMin = 300 is linearly separable (x+y = 290 separates),
     * rMin = 240 is not.
     */
    static final class Sector extends DatasetGenerator {
        private final double outerMin;

        Sector(String name, String description, double outerMin) {
            super(name, description, 5000, new Bounds(0, 400, 0, 400), TWO);
            this.outerMin = outerMin;
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            double r0 = c == 0 ? 0.1 : outerMin, r1 = c == 0 ? 200 : 400;
            double r;
            do {
                uniform(domain(), rnd, xy);
                r = Math.hypot(xy[0], xy[1]);
            } while (r < r0 || r > r1);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            return Math.hypot(x, y) < (200 + outerMin) / 2 ? 0 : 1;
        }
    }

    /**
     * Two half-circle arcs (scikit-learn's make_moons without noise) scaled from [-1,2]x[-0.5,1] into
     * [0,100]x[0,50]: class 0 the upper arc, class 1 the lower; the truth is the nearer arc.
     */
    static final class Moon extends DatasetGenerator {
        private static final double S = 100.0 / 3;

        Moon() {
            super("moon", "Li Fig 2 Moon: two interleaved half circles (make_moons, no noise)", 5000,
                    new Bounds(0, 100, 0, 50), TWO);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            double t = Math.PI * rnd.nextDouble();
            double u = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double v = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            xy[0] = (u + 1) * S;
            xy[1] = (v + 0.5) * S;
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            double u = x / S - 1, v = y / S - 0.5;
            return arcDistance(u, v, 0, 0, true) <= arcDistance(u, v, 1, 0.5, false) ? 0 : 1;
        }

        /** Distance from (u,v) to the unit half circle centred at (cu,cv), upper or lower half. */
        private static double arcDistance(double u, double v, double cu, double cv, boolean upper) {
            double du = u - cu, dv = v - cv;
            if (upper ? dv >= 0 : dv <= 0) {
                return Math.abs(Math.hypot(du, dv) - 1);
            }
            return Math.min(Math.hypot(du - 1, dv), Math.hypot(du + 1, dv));
        }
    }
}
