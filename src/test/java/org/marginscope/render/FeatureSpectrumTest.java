package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Poggio Fig 3's spectrum: the cumulative explained variance of the principal components, against a known covariance. */
class FeatureSpectrumTest {
    @Test
    void cumulativeSharesMatchTheEigenvaluesOfAKnownCovariance() {
        // 4-D points with standard deviations 3, 1, 0.5, 0 along axes, then rotated: the covariance's
        // eigenvalues are 9, 1, 0.25, 0 whatever the rotation, so the shares are 9/10.25, 10/10.25, 1, 1
        int n = 40_000, d = 4;
        double[] sd = {3, 1, 0.5, 0};
        double[][] rot = rotation(d, 7);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = sd[j] * gaussian(rnd);
            }
            for (int a = 0; a < d; a++) {
                double s = 5; // an offset the centring must remove
                for (int b = 0; b < d; b++) {
                    s += rot[a][b] * z[b];
                }
                x[i * d + a] = s;
            }
        }
        double[] cumulative = new double[d];
        double two = TransformedRenderer.principalAxes(x, n, d, new double[2][], cumulative);
        // sampling error of a variance from 40k points is ~ sqrt(2/n) = 0.7% relative: 0.01 absolute covers it
        assertEquals(9 / 10.25, cumulative[0], 0.01);
        assertEquals(10 / 10.25, cumulative[1], 0.01);
        assertEquals(1, cumulative[2], 1e-9);
        assertEquals(1, cumulative[3], 1e-9);
        assertEquals(cumulative[1], two, 1e-12, "the two axes' share is the spectrum's second entry");
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** An orthogonal matrix from Gram-Schmidt on random vectors. */
    private static double[][] rotation(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q[i][j] = gaussian(r);
            }
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += q[i][j] * q[k][j];
                }
                for (int j = 0; j < d; j++) {
                    q[i][j] -= dot * q[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += q[i][j] * q[i][j];
            }
            for (int j = 0; j < d; j++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /**
     * A wide last layer as training leaves it: most units dead (a zero column) and several identical, so the
     * covariance has a many-fold zero eigenvalue and repeated ones - where commons-math's EigenDecomposition
     * failed to converge in the window. The axes must be unit eigenvectors of the covariance for its two largest
     * eigenvalues, and the shares must end at 1.
     */
    @Test
    void deadAndRepeatedUnitsGiveTrueAxes() {
        int n = 400, d = 40;
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = 0.3 * r.nextGaussian();
            for (int j = 0; j < 6; j++) {
                x[i * d + j] = a; // six identical units
            }
            x[i * d + 6] = b;
            x[i * d + 7] = b; // two more, identical
            // units 8..39 dead: exactly 0
        }
        double[][] axes = new double[2][];
        double[] cumulative = new double[d];
        double share = TransformedRenderer.principalAxes(x, n, d, axes, cumulative);
        org.junit.jupiter.api.Assertions.assertEquals(1.0, share, 1e-9, "two directions carry all the variance");
        org.junit.jupiter.api.Assertions.assertEquals(1.0, cumulative[d - 1], 1e-12);
        double[][] cov = new double[d][d];
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += x[i * d + j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < d; c++) {
                    cov[a][c] += (x[i * d + a] - m[a]) * (x[i * d + c] - m[c]) / (n - 1);
                }
            }
        }
        for (double[] v : axes) {
            double norm = 0, rq = 0;
            double[] cv = new double[d];
            for (int a = 0; a < d; a++) {
                norm += v[a] * v[a];
                for (int c = 0; c < d; c++) {
                    cv[a] += cov[a][c] * v[c];
                }
            }
            for (int a = 0; a < d; a++) {
                rq += v[a] * cv[a];
            }
            org.junit.jupiter.api.Assertions.assertEquals(1.0, norm, 1e-9, "unit length");
            for (int a = 0; a < d; a++) {
                org.junit.jupiter.api.Assertions.assertEquals(rq * v[a], cv[a], 1e-9, "an eigenvector: entry " + a);
            }
            org.junit.jupiter.api.Assertions.assertTrue(rq > 0.05, "a direction with variance, not a dead unit's: " + rq);
        }
    }
}
