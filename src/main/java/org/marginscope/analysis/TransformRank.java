package org.marginscope.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Whether the transformed points (the last hidden layer's outputs) span their space, which Li et al.'s comparison
 * of the last layer with the SVM needs to mean anything. On points that lie on one line the last layer's component
 * across the line never receives a gradient, so its "angle to the SVM" is only that of its initial weights (issue
 * 21: Li Fig 2 Blob with seed 1, singular values 357 vs 0.07).
 *
 * @param rankRatio sigma_2 / sigma_1 of the centred points (NaN in one dimension)
 * @param deadUnits units whose output is the same on every point (a ReLU that never fires)
 */
public record TransformRank(double rankRatio, int deadUnits) {
    /** Below this ratio the points are taken to lie on a line. */
    public static final double DEGENERATE_RATIO = 1e-3;

    /** Whether the comparison with the SVM is not meaningful on these points. */
    public boolean degenerate() {
        return deadUnits > 0 || rankRatio < DEGENERATE_RATIO;
    }

    /** For n points of dimension d, row-major. */
    public static TransformRank of(double[] delta, int n, int d) {
        double[] mean = new double[d];
        double[] lo = new double[d], hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = delta[i * d + j];
                mean[j] += v / n;
                lo[j] = Math.min(lo[j], v);
                hi[j] = Math.max(hi[j], v);
            }
        }
        int dead = 0;
        for (int j = 0; j < d; j++) {
            dead += n > 0 && hi[j] == lo[j] ? 1 : 0;
        }
        if (d < 2 || n < 2) {
            return new TransformRank(Double.NaN, dead);
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                double a = delta[i * d + p] - mean[p];
                for (int q = p; q < d; q++) {
                    cov[p][q] += a * (delta[i * d + q] - mean[q]);
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < p; q++) {
                cov[p][q] = cov[q][p];
            }
        }
        for (double[] row : cov) {
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    return new TransformRank(Double.NaN, dead);
                }
            }
        }
        double l1, l2;
        if (d == 2) { // the eigenvalues of a symmetric 2 x 2 matrix in closed form
            double m = (cov[0][0] + cov[1][1]) / 2, r = Math.hypot((cov[0][0] - cov[1][1]) / 2, cov[0][1]);
            l1 = m + r;
            l2 = Math.max(0, m - r);
        } else {
            // singular values of the (symmetric, positive semi-definite) covariance are its eigenvalues, sorted
            double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(cov, false)).getSingularValues();
            l1 = sv[0];
            l2 = sv[1];
        }
        return new TransformRank(l1 <= 0 ? 0 : Math.sqrt(l2 / l1), dead);
    }
}
