package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/** Textbook toy sets: XOR, two circles and two spirals, on [-1,1]^2. */
final class ClassicGenerators {
    private static final Bounds SQUARE = new Bounds(-1, 1, -1, 1);
    private static final List<String> TWO = List.of("0", "1");

    private ClassicGenerators() {
    }

    /** Uniform points with a gap of 0.1 around both axes; class 1 where x*y < 0. */
    static final class Xor extends DatasetGenerator {
        Xor() {
            super("xor", "XOR: four quadrants, opposite quadrants share a class", 400, SQUARE, TWO);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            do {
                uniform(SQUARE, rnd, xy);
            } while (Math.abs(xy[0]) < 0.05 || Math.abs(xy[1]) < 0.05);
            return trueClass(xy[0], xy[1]);
        }

        @Override
        protected int trueClass(double x, double y) {
            return x * y < 0 ? 1 : 0;
        }
    }

    /** Class 0 uniform in the disc r < 0.4, class 1 uniform in the ring 0.6 < r < 1; truth splits at r = 0.5. */
    static final class Circles extends DatasetGenerator {
        Circles() {
            super("circles", "Two circles: a disc inside a ring", 400, SQUARE, TWO);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            double r0 = c == 0 ? 0 : 0.6, r1 = c == 0 ? 0.4 : 1.0;
            // uniform in area: r = sqrt(U(r0^2, r1^2))
            double r = Math.sqrt(r0 * r0 + rnd.nextDouble() * (r1 * r1 - r0 * r0));
            double a = 2 * Math.PI * rnd.nextDouble();
            xy[0] = r * Math.cos(a);
            xy[1] = r * Math.sin(a);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            return Math.hypot(x, y) < 0.5 ? 0 : 1;
        }
    }

    /**
     * Two interleaved arms: arm c at t in [0.05, 1] is radius t, angle 3.5 pi t + c pi. The true
     * class of a point is the arm whose angle at that radius is nearest.
     */
    static final class Spiral extends DatasetGenerator {
        private static final double TURN = 3.5 * Math.PI;

        Spiral() {
            super("spiral", "Two interleaved spirals (1.75 turns)", 400, SQUARE, TWO);
        }

        @Override
        protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
            int c = i % 2;
            double t = 0.05 + 0.95 * rnd.nextDouble();
            double a = TURN * t + c * Math.PI;
            xy[0] = t * Math.cos(a);
            xy[1] = t * Math.sin(a);
            return c;
        }

        @Override
        protected int trueClass(double x, double y) {
            double r = Math.hypot(x, y);
            double phase = (Math.atan2(y, x) - TURN * r) / Math.PI;
            double m = ((phase % 2) + 2) % 2; // in [0, 2): near 0 or 2 -> arm 0, near 1 -> arm 1
            return m > 0.5 && m < 1.5 ? 1 : 0;
        }
    }
}
