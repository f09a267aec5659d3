package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The square loss's limit on fixed features against independent solvers and against gradient descent itself. */
class SquareLossLimitTest {
    private static double[] gaussian(Random r, int len, double scale) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = scale * r.nextGaussian();
        }
        return a;
    }

    /** The design matrix with its column of ones. */
    private static RealMatrix design(double[] f, int n, int m) {
        RealMatrix phi = new Array2DRowRealMatrix(n, m + 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                phi.setEntry(i, j, f[i * m + j]);
            }
            phi.setEntry(i, m, 1);
        }
        return phi;
    }

    private static RealMatrix column(double[] v) {
        return new Array2DRowRealMatrix(v);
    }

    /**
     * More features than points: the limit is the interpolant nearest the start, W0 + Phi^T (Phi Phi^T)^-1
     * (Y - Phi W0), here solved by an LU of the Gram matrix instead of the class's SVD pseudo-inverse.
     */
    @Test
    void overparameterisedLimitIsTheInterpolantNearestTheStart() {
        Random r = new Random(5);
        int n = 12, m = 30;
        double[] f = gaussian(r, n * m, 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(2);
        }
        double[] w = gaussian(r, m, 0.3), b = {0.7};
        double[] got = SquareLossLimit.of(f, n, m, true).limit(w, b, 1, SquareLossLimit.targets(labels, n, 1));

        RealMatrix phi = design(f, n, m);
        double[] w0 = java.util.Arrays.copyOf(w, m + 1);
        w0[m] = b[0];
        double[] y = SquareLossLimit.targets(labels, n, 1);
        RealMatrix gap = column(y).subtract(phi.multiply(column(w0)));
        RealMatrix z = new LUDecomposition(phi.multiply(phi.transpose())).getSolver().solve(gap);
        double[] expected = column(w0).add(phi.transpose().multiply(z)).getColumn(0);
        assertArrayEquals(expected, got, 1e-9);
        assertArrayEquals(y, phi.multiply(column(got)).getColumn(0), 1e-9, "it interpolates");
    }

    /** More points than features: one least-squares solution, whatever the start (Commons Math's QR). */
    @Test
    void underparameterisedLimitIsTheLeastSquaresFitWhateverTheStart() {
        Random r = new Random(9);
        int n = 25, m = 4, k = 3;
        double[] f = gaussian(r, n * m, 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
        }
        double[] t = SquareLossLimit.targets(labels, n, k);
        SquareLossLimit solver = SquareLossLimit.of(f, n, m, true);
        double[] a = solver.limit(gaussian(r, m * k, 1), gaussian(r, k, 1), k, t);
        double[] b = solver.limit(gaussian(r, m * k, 5), gaussian(r, k, 5), k, t);
        assertArrayEquals(a, b, 1e-9);
        RealMatrix ls = new QRDecomposition(design(f, n, m)).getSolver().solve(new Array2DRowRealMatrix(n, k)
                .add(matrix(t, n, k)));
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= m; i++) {
                double expected = ls.getEntry(i, j);
                double actual = i < m ? a[i * k + j] : a[m * k + j];
                assertTrue(Math.abs(expected - actual) < 1e-9, "(" + i + "," + j + "): " + expected + " vs " + actual);
            }
        }
    }

    private static RealMatrix matrix(double[] a, int n, int k) {
        RealMatrix x = new Array2DRowRealMatrix(n, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x.setEntry(i, j, a[i * k + j]);
            }
        }
        return x;
    }

    /**
     * Plain gradient descent on the mean square loss, run in the test for long enough on well-conditioned features,
     * ends at the limit computed from its start; and the limit computed from any point of the run is the same.
     */
    @Test
    void gradientDescentEndsAtTheLimitOfItsStartAndEveryStepPointsThere() {
        Random r = new Random(2);
        int n = 6, m = 20;
        double[] f = gaussian(r, n * m, 1);
        int[] labels = {0, 1, 1, 0, 1, 0};
        double[] y = SquareLossLimit.targets(labels, n, 1);
        double[] w = gaussian(r, m, 0.5);
        double[] b = {0.2};
        SquareLossLimit solver = SquareLossLimit.of(f, n, m, true);
        double[] fromStart = solver.limit(w, b, 1, y);
        double lr = 0.05;
        for (int step = 1; step <= 20_000; step++) {
            double[] residual = new double[n];
            for (int i = 0; i < n; i++) {
                double out = b[0];
                for (int j = 0; j < m; j++) {
                    out += f[i * m + j] * w[j];
                }
                residual[i] = (out - y[i]) / n;
            }
            for (int j = 0; j < m; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += f[i * m + j] * residual[i];
                }
                w[j] -= lr * g;
            }
            double gb = 0;
            for (double e : residual) {
                gb += e;
            }
            b[0] -= lr * gb;
            if (step == 7) {
                assertArrayEquals(fromStart, solver.limit(w, b, 1, y), 1e-9, "the limit seen from step 7");
            }
        }
        double[] end = java.util.Arrays.copyOf(w, m + 1);
        end[m] = b[0];
        assertArrayEquals(fromStart, end, 1e-7);
    }
}
