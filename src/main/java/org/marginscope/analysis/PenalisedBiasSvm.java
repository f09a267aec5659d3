package org.marginscope.analysis;

/**
 * The limit of a linear classifier with a trained bias under gradient descent on the cross-entropy (logistic)
 * loss: min |w|^2 + b^2 s.t. y_i (w.x_i + b) >= 1 - the hard-margin SVM of the points z = [x; 1] with no bias of
 * its own (Nar et al. 2019, Sec 3, after Soudry et al. 2018's implicit bias of GD). Unlike the SVM with a free bias
 * it pays for b, so its boundary leans towards the origin and its margin is smaller wherever the data sit far from
 * the origin.
 *
 * <p>Solved exactly as the point of least norm in the convex hull of u_i = y_i z_i (the classic duality: if p is
 * that point, v = p / |p|^2 meets every constraint, as p.u_i >= |p|^2 on the hull, and any feasible v has
 * v.p >= 1, so |v| >= 1 / |p|), found by Wolfe's algorithm (1976): a few points at a time, each step the affine
 * minimum of a small "corral", finite and exact up to rounding. 0 in the hull means no hyperplane through [x; 1]
 * separates. The points are first scaled by one factor s, constant included - the problem is homogeneous in z,
 * so the solution maps back exactly (v = s v').
 *
 * @param w         the normal (d entries)
 * @param b         the bias
 * @param margin    min_i y_i (w.x_i + b) / |w|: the geometric margin of its boundary on the points
 * @param separable whether a hard-margin solution exists (the dual converged and every constraint holds)
 */
public record PenalisedBiasSvm(double[] w, double b, double margin, boolean separable) {
    /** Wolfe's major iterations at most (each adds a point to the corral; a handful are usual). */
    private static final int MAX_ITERATIONS = 10_000;
    /** Relative tolerance of the optimality test p.u_j >= |p|^2 and of "p is 0". */
    private static final double EPS = 1e-12;

    /** [w; b], the direction GD's [w; b] converges to. */
    public double[] augmented() {
        double[] a = java.util.Arrays.copyOf(w, w.length + 1);
        a[w.length] = b;
        return a;
    }

    /** Solves it for n points of dimension d (row-major), labels 0/1 (class 1 positive). */
    public static PenalisedBiasSvm fit(double[] x, int n, int d, int[] y) {
        if (n == 0) {
            throw new IllegalArgumentException("no points");
        }
        double scale = 1;
        for (int i = 0; i < n * d; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        double s = 1 / scale;
        int dz = d + 1;
        double[] u = new double[n * dz];
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            sign[i] = y[i] == 1 ? 1 : -1;
            for (int j = 0; j < d; j++) {
                u[i * dz + j] = sign[i] * s * x[i * d + j];
            }
            u[i * dz + d] = sign[i] * s;
        }
        double[] p = MinNormPoint.of(u, n, dz, MAX_ITERATIONS, EPS);
        double pp = p == null ? 0 : Vectors.dot(p, p);
        double[] w = new double[d];
        double b = Double.NaN;
        boolean solved = p != null && pp > EPS;
        if (solved) {
            for (int j = 0; j < d; j++) {
                w[j] = s * p[j] / pp;
            }
            b = s * p[d] / pp;
        }
        double nw = Math.sqrt(Vectors.dot(w, w));
        double margin = Double.POSITIVE_INFINITY, slack = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n && solved; i++) {
            double f = b;
            for (int j = 0; j < d; j++) {
                f += w[j] * x[i * d + j];
            }
            margin = Math.min(margin, sign[i] * f / nw);
            slack = Math.min(slack, sign[i] * f);
        }
        boolean separable = solved && slack > 1 - 1e-6;
        return new PenalisedBiasSvm(w, b, separable ? margin : Double.NaN, separable);
    }
}
