package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 23: separable data at any finite scale are reported separable, with the closed-form solution.
 * For points of opposite classes at p (class 1) and q (class 0) the hard-margin SVM is
 * w = 2 (p - q) / |p - q|^2, b = (|q|^2 - |p|^2) / |p - q|^2, margin |p - q| / 2.
 */
class LinearSvmScaleTest {
    static final double[] SCALES = {5e-324, 1e-320, Double.MIN_NORMAL, 1e-300, 1e-200, 1e-154, 1e-100, 1e-10, 1,
            3, 1e10, 1e100, 1e154, 1e200, 1e300, 1.7e308, Double.MAX_VALUE};

    @Test
    void twoPointsAtPlusAndMinusVAreSeparableAtEveryScale() {
        for (double v : SCALES) {
            SvmSolution s = LinearSvm.fit(new double[] {v, -v}, 2, 1, new int[] {1, 0});
            String at = "v = " + v;
            assertTrue(s.separable(), at);
            assertEquals(v, s.margin(), 1e-6 * v, at);
            assertEquals(0, s.bias(), 1e-6, at);
            assertWeight(1 / v, s.w()[0], at);
            assertEquals(2, s.supportVectors(), at);
        }
    }

    @Test
    void aBiasIsMappedBackUnchanged() {
        for (double v : SCALES) {
            if (3 * v > Double.MAX_VALUE) {
                continue;
            }
            // class 1 at 3v, class 0 at v: w = 1/v, b = -2, margin v
            SvmSolution s = LinearSvm.fit(new double[] {3 * v, v}, 2, 1, new int[] {1, 0});
            String at = "v = " + v;
            assertTrue(s.separable(), at);
            assertEquals(v, s.margin(), 1e-6 * v, at);
            if (v >= 1e-300) { // below, 3v carries too few bits for b to come out as -2 exactly
                assertEquals(-2, s.bias(), 1e-5, at);
            }
            assertWeight(1 / v, s.w()[0], at);
        }
    }

    @Test
    void twoPointsInThePlane() {
        for (double v : SCALES) {
            // class 1 at (v, 0), class 0 at (0, v): w = (1/v, -1/v), b = 0, margin v / sqrt 2
            SvmSolution s = LinearSvm.fit(new double[] {v, 0, 0, v}, 2, 2, new int[] {1, 0});
            String at = "v = " + v;
            assertTrue(s.separable(), at);
            assertEquals(v / Math.sqrt(2), s.margin(), 1e-6 * v, at);
            assertEquals(0, s.bias(), 1e-6, at);
            assertWeight(1 / v, s.w()[0], at);
            assertWeight(-1 / v, s.w()[1], at);
        }
    }

    /** Over 400 points the active set fits; the nearest pair, +-v, decides the solution. */
    @Test
    void manyPointsGoThroughTheActiveSetAtEveryScale() {
        int n = 500;
        for (double v : new double[] {1e-300, 1e-10, 1e10, 1e300}) {
            double[] x = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 2;
                x[i] = (y[i] == 1 ? v : -v) * (1 + i / 100.0);
            }
            SvmSolution s = LinearSvm.fit(x, n, 1, y);
            String at = "v = " + v;
            assertTrue(s.separable(), at);
            // the nearest points are x_1 = v * 1.01 and x_0 = -v
            assertEquals(v * 2.01 / 2, s.margin(), 1e-5 * v, at);
            assertWeight(2 / (2.01 * v), s.w()[0], at);
        }
    }

    /** Crammer-Singer on the unit vectors times v: W = (I - J/3) / v, margin v / sqrt 2. */
    @Test
    void threeClassesAtEveryScale() {
        for (double v : new double[] {1e-300, 1e-100, 1e100, 1e300}) {
            SvmSolution s = LinearSvm.fit(new double[] {v, 0, 0, 0, v, 0, 0, 0, v}, 3, 3, new int[] {0, 1, 2});
            assertTrue(s.separable(), "v = " + v);
            assertEquals(v / Math.sqrt(2), s.margin(), 2e-3 * v, "v = " + v);
            assertEquals((2.0 / 3) / v, s.weights()[0][0], 2e-3 / v, "v = " + v);
        }
    }

    /** A soft fit of data x s with C is the fit of x with C s^2, scaled back: the same numbers, exactly. */
    @Test
    void aSoftMarginFitIsEquivariantWithItsC() {
        double[] x = {0, 0, 0, 1, 3, 0, 3, 1, 0.2, 0.5};
        int[] y = {0, 0, 1, 1, 1};
        SvmSolution base = LinearSvm.fit(x, 5, 2, y, 1.0);
        double[] big = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            big[i] = Math.scalb(x[i], 500);
        }
        SvmSolution s = LinearSvm.fit(big, 5, 2, y, Math.scalb(1.0, -1000));
        assertEquals(base.separable(), s.separable());
        assertEquals(base.bias(), s.bias());
        assertEquals(Math.scalb(base.margin(), 500), s.margin());
        assertEquals(Math.scalb(base.w()[0], -500), s.w()[0]);
    }

    /** w = 1/v where that is a double; below about 5.6e-309 it is not, and comes out as +-infinity. */
    private static void assertWeight(double expected, double actual, String at) {
        if (Double.isInfinite(expected)) {
            assertEquals(expected, actual, at);
        } else {
            assertEquals(expected, actual, 1e-6 * Math.abs(expected), at);
        }
    }
}
