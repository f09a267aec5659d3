package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;

/** The SVM wrapper against closed forms and the KKT conditions of its own answer. */
class LinearSvmTest {
    @Test
    void twoPoints() {
        // class 1 at (1,2), class 0 at (3,1): w = 2 (x - p) / |x - p|^2, margin |x - p| / 2
        SvmSolution s = LinearSvm.fit(new double[] {1, 2, 3, 1}, 2, 2, new int[] {1, 0});
        double[] dx = {-2, 1};
        double sq = 5;
        assertArrayEquals(new double[] {2 * dx[0] / sq, 2 * dx[1] / sq}, s.w(), 1e-5);
        assertEquals(Math.sqrt(sq) / 2, s.margin(), 1e-5);
        assertEquals(0, s.decision(new double[] {2, 1.5}), 1e-5, "the midpoint lies on the boundary");
        assertEquals(1, s.decision(new double[] {1, 2}), 1e-5);
        assertEquals(-1, s.decision(new double[] {3, 1}), 1e-5);
        assertEquals(2, s.supportVectors());
        assertTrue(s.separable());
    }

    @Test
    void symmetricFourPoints() {
        double[] x = {1, 1, 1, -1, -1, 1, -1, -1};
        SvmSolution s = LinearSvm.fit(x, 4, 2, new int[] {1, 1, 0, 0});
        assertArrayEquals(new double[] {1, 0}, s.w(), 1e-5);
        assertEquals(0, s.bias(), 1e-5);
        assertEquals(1, s.margin(), 1e-5);
        // far from the origin and scaled up: the hard margin is equivariant
        double[] big = new double[8];
        for (int i = 0; i < 8; i++) {
            big[i] = 100 * x[i] + (i % 2 == 0 ? 500 : -300);
        }
        SvmSolution t = LinearSvm.fit(big, 4, 2, new int[] {1, 1, 0, 0});
        assertArrayEquals(new double[] {0.01, 0}, t.w(), 1e-7);
        assertEquals(-5, t.bias(), 1e-4);
        assertEquals(100, t.margin(), 1e-3);
    }

    /** Hard-margin KKT: alpha >= 0, sum alpha y = 0, w = sum alpha y x, y f >= 1, y f = 1 where alpha > 0. */
    @Test
    void solutionOnSeparableDataSatisfiesTheKktConditions() {
        Dataset d = Generators.byName("blob").generate(new GeneratorParams(300, 0, 4, Scale.LARGE));
        assertKkt(d.trainX(), d.trainY(), LinearSvm.fit(d.trainX(), d.size(), 2, d.trainY()));
    }

    /** Large sets go through the active set; its answer must be the full LIBSVM fit's and satisfy KKT on all points. */
    @Test
    void activeSetFitOfManyPointsIsTheFullHardMarginFit() {
        for (int d : new int[] {2, 5}) {
            int n = 3000;
            double[] x = new double[n * d];
            int[] y = new int[n];
            java.util.Random r = new java.util.Random(11 + d);
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = r.nextGaussian();
            }
            for (int i = 0; i < n; ) {
                double f = 0.3;
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = 3 * r.nextGaussian() + 1;
                    f += u[j] * x[i * d + j];
                }
                if (Math.abs(f) > 0.2) { // a band left empty: separable with a margin
                    y[i++] = f > 0 ? 1 : 0;
                }
            }
            assertTrue(n > LinearSvm.ACTIVE_SET_MIN);
            SvmSolution full = LinearSvm.fitAllPoints(x, n, d, y);
            assertTrue(ActiveSetHardMargin.fit(PowerOfTwoScale.of(x).down(x), n, d, y) != null, "the active set answers");
            SvmSolution quick = LinearSvm.fit(x, n, d, y);
            assertTrue(full.separable() && quick.separable(), "d=" + d);
            double[] a = full.w(), b = quick.w();
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < d; j++) {
                dot += a[j] * b[j];
                na += a[j] * a[j];
                nb += b[j] * b[j];
            }
            assertEquals(0, Math.toDegrees(Math.acos(Math.min(1, dot / Math.sqrt(na * nb)))), 0.05, "direction, d=" + d);
            assertEquals(full.margin(), quick.margin(), 1e-3 * full.margin(), "margin, d=" + d);
            assertEquals(full.bias() / Math.sqrt(na), quick.bias() / Math.sqrt(nb), 1e-3, "bias, d=" + d);
            if (d == 2) {
                assertKkt(x, y, LinearSvm.fit(x, n, d, y));
            }
        }
    }

    /** Data that are not separable are not answered by the active set; the full soft fit says so. */
    @Test
    void activeSetDeclinesDataThatAreNotSeparable() {
        Dataset d = Generators.byName("xor").generate(new GeneratorParams(1000, 0, 3, Scale.LARGE));
        assertEquals(null, ActiveSetHardMargin.fit(d.trainX(), d.size(), 2, d.trainY()));
        assertFalse(LinearSvm.fit(d.trainX(), d.size(), 2, d.trainY()).separable());
    }

    private static void assertKkt(double[] x, int[] y, SvmSolution s) {
        int n = y.length;
        assertTrue(s.separable());
        double[] w = s.w();
        double[] fromDual = new double[2];
        double sumAlphaY = 0, scale = 0;
        for (int i = 0; i < n; i++) {
            double ay = s.dual()[i], sign = y[i] == 1 ? 1 : -1;
            assertTrue(ay * sign >= -1e-9, "alpha_" + i + " >= 0");
            sumAlphaY += ay;
            scale = Math.max(scale, Math.abs(ay));
            fromDual[0] += ay * x[2 * i];
            fromDual[1] += ay * x[2 * i + 1];
            double margin = sign * s.decision(new double[] {x[2 * i], x[2 * i + 1]});
            assertTrue(margin >= 1 - 1e-3, "point " + i + " inside the margin: " + margin);
            if (Math.abs(ay) > 1e-6 * scale) {
                assertEquals(1, margin, 1e-3, "support vector " + i + " sits on the margin");
            }
        }
        assertEquals(0, sumAlphaY, 1e-6 * Math.max(1, scale));
        assertArrayEquals(w, fromDual, 1e-4 * Math.hypot(w[0], w[1]));
        assertEquals(1 / Math.hypot(w[0], w[1]), s.margin(), 1e-4 * s.margin());
    }

    @Test
    void nonSeparableDataAreReportedWithTheSoftMargin() {
        double[] x = {0, 0, 1, 1, 0, 1, 1, 0}; // XOR: no line separates it
        SvmSolution s = LinearSvm.fit(x, 4, 2, new int[] {0, 0, 1, 1}, 1.0);
        assertFalse(s.separable());
        assertTrue(s.margin() <= 0, "margin " + s.margin());
        // one point moved across: still reported, with the soft margin's negative margin
        SvmSolution t = LinearSvm.fit(new double[] {0, 0, 0, 1, 3, 0, 3, 1, 0.2, 0.5}, 5, 2, new int[] {0, 0, 1, 1, 1}, 1.0);
        assertFalse(t.separable());
        assertTrue(t.margin() < 0, "margin " + t.margin());
    }

    /** Crammer-Singer without bias on e1, e2, e3: by symmetry W = I - J/3 (J all ones), |W|_F^2 = 2. */
    @Test
    void threeClassesOnTheUnitVectors() {
        double[] x = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        SvmSolution s = LinearSvm.fit(x, 3, 3, new int[] {0, 1, 2});
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals((r == c ? 1 : 0) - 1.0 / 3, s.weights()[r][c], 2e-3, "W[" + r + "][" + c + "]");
            }
        }
        assertEquals(1 / Math.sqrt(2), s.margin(), 2e-3);
        assertTrue(s.separable());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LinearSvm.fit(new double[] {1, 2, 3, 4}, 2, 2, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> LinearSvm.fit(new double[] {1, 2}, 1, 2, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.fit(new double[] {1, 2, 3, 4}, 2, 2, new int[] {0, 1}, Double.NaN));
    }
}
