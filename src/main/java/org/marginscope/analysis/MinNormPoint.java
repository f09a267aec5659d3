package org.marginscope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The point of least norm in the convex hull of n points (Wolfe 1976, "Finding the nearest point in a polytope").
 * A corral of at most dim + 1 affinely independent points carries the current point x as a convex combination; each
 * major step adds the point that x sees lowest, and minor steps move x to the corral's affine minimum, dropping the
 * points whose weight would turn negative, until x is that minimum with positive weights. It stops when no point
 * lies below x's supporting plane, p.u_j >= |p|^2 - eps max|u|^2: finite, and exact up to rounding.
 */
final class MinNormPoint {
    private MinNormPoint() {
    }

    /** The least-norm point of the hull of the rows of u (n x dim), or null if the iterations ran out. */
    static double[] of(double[] u, int n, int dim, int maxIterations, double eps) {
        double maxSq = 0;
        int first = 0;
        for (int i = 0; i < n; i++) {
            double sq = dot(u, i, u, i, dim);
            maxSq = Math.max(maxSq, sq);
            if (sq < dot(u, first, u, first, dim)) {
                first = i;
            }
        }
        List<Integer> corral = new ArrayList<>(List.of(first));
        List<Double> weight = new ArrayList<>(List.of(1.0));
        double[] x = row(u, first, dim);
        for (int it = 0; it < maxIterations; it++) {
            double xx = Vectors.dot(x, x);
            if (xx <= eps * maxSq) {
                return x; // 0 is in the hull
            }
            int j = -1;
            double lowest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int k = 0; k < dim; k++) {
                    v += x[k] * u[i * dim + k];
                }
                if (v < lowest) {
                    lowest = v;
                    j = i;
                }
            }
            if (lowest >= xx - eps * maxSq || corral.contains(j)) {
                return x;
            }
            corral.add(j);
            weight.add(0.0);
            while (true) { // minor cycle
                double[] mu = affineMinimum(u, corral, dim);
                if (mu == null) {
                    return x; // the corral lost affine independence to rounding: x is as good as it gets
                }
                boolean positive = true;
                for (double m : mu) {
                    positive &= m > eps;
                }
                if (positive) {
                    for (int k = 0; k < mu.length; k++) {
                        weight.set(k, mu[k]);
                    }
                    x = combination(u, corral, weight, dim);
                    break;
                }
                double theta = 1;
                for (int k = 0; k < mu.length; k++) {
                    double l = weight.get(k);
                    if (mu[k] <= eps && l - mu[k] > 0) {
                        theta = Math.min(theta, l / (l - mu[k]));
                    }
                }
                for (int k = 0; k < mu.length; k++) {
                    weight.set(k, (1 - theta) * weight.get(k) + theta * mu[k]);
                }
                for (int k = corral.size() - 1; k >= 0; k--) {
                    if (weight.get(k) <= eps) {
                        corral.remove(k);
                        weight.remove(k);
                    }
                }
                double sum = weight.stream().mapToDouble(Double::doubleValue).sum();
                for (int k = 0; k < weight.size(); k++) {
                    weight.set(k, weight.get(k) / sum);
                }
                x = combination(u, corral, weight, dim);
            }
        }
        return null;
    }

    /** The weights mu (summing to 1) of the point of least norm in the corral's affine hull, or null if degenerate. */
    private static double[] affineMinimum(double[] u, List<Integer> corral, int dim) {
        int m = corral.size();
        // [G 1; 1' 0] [mu; -t] = [0; 1], G the Gram matrix of the corral
        Array2DRowRealMatrix a = new Array2DRowRealMatrix(m + 1, m + 1);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a.setEntry(r, c, dot(u, corral.get(r), u, corral.get(c), dim));
            }
            a.setEntry(r, m, 1);
            a.setEntry(m, r, 1);
        }
        ArrayRealVector rhs = new ArrayRealVector(m + 1);
        rhs.setEntry(m, 1);
        QRDecomposition qr = new QRDecomposition(a, 1e-14);
        if (!qr.getSolver().isNonSingular()) {
            return null;
        }
        RealVector sol = qr.getSolver().solve(rhs);
        double[] mu = new double[m];
        for (int k = 0; k < m; k++) {
            mu[k] = sol.getEntry(k);
        }
        return mu;
    }

    private static double[] combination(double[] u, List<Integer> corral, List<Double> weight, int dim) {
        double[] x = new double[dim];
        for (int k = 0; k < corral.size(); k++) {
            int o = corral.get(k) * dim;
            for (int j = 0; j < dim; j++) {
                x[j] += weight.get(k) * u[o + j];
            }
        }
        return x;
    }

    private static double[] row(double[] u, int i, int dim) {
        double[] r = new double[dim];
        System.arraycopy(u, i * dim, r, 0, dim);
        return r;
    }

    private static double dot(double[] a, int i, double[] b, int j, int dim) {
        double r = 0;
        for (int k = 0; k < dim; k++) {
            r += a[i * dim + k] * b[j * dim + k];
        }
        return r;
    }
}
