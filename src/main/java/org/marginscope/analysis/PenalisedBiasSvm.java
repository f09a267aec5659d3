package org.marginscope.analysis;

/**
 * The limit of a linear classifier with a trained bias under gradient descent on the cross-entropy (logistic)
 * loss: min |w|^2 + b^2 s.t. y_i (w.x_i + b) >= 1 - the hard-margin SVM of the points z = [x; 1] with no bias of
 * its own (Nar et al. 2019, Sec 3, after Soudry et al. 2018's implicit bias of GD). Unlike the SVM with a free bias
 * it pays for b, so its boundary leans towards the origin and its margin is smaller wherever the data sit far from
 * the origin.
 *
 * <p>Solved by Hildreth's coordinate ascent on the dual, max sum a - |sum a_i y_i z_i|^2 / 2 with a >= 0: without a
 * bias there is no equality constraint, so every coordinate step is exact. The points are first scaled by one
 * factor s, constant included - the problem is homogeneous in z, so the solution maps back exactly (v = s v').
 *
 * @param w         the normal (d entries)
 * @param b         the bias
 * @param margin    min_i y_i (w.x_i + b) / |w|: the geometric margin of its boundary on the points
 * @param separable whether a hard-margin solution exists (the dual converged and every constraint holds)
 */
public record PenalisedBiasSvm(double[] w, double b, double margin, boolean separable) {
    private static final int MAX_SWEEPS = 200_000;
    /** Largest violation of the dual's optimality conditions (on the scaled points) accepted as converged. */
    private static final double TOL = 1e-10;

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
        double[] z = new double[n * (d + 1)];
        double[] zz = new double[n];
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i * (d + 1) + j] = s * x[i * d + j];
            }
            z[i * (d + 1) + d] = s;
            for (int j = 0; j <= d; j++) {
                zz[i] += z[i * (d + 1) + j] * z[i * (d + 1) + j];
            }
            sign[i] = y[i] == 1 ? 1 : -1;
        }
        double[] a = new double[n];
        double[] v = new double[d + 1];
        boolean converged = false;
        for (int sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
            double worst = 0;
            for (int i = 0; i < n; i++) {
                int o = i * (d + 1);
                double f = 0;
                for (int j = 0; j <= d; j++) {
                    f += v[j] * z[o + j];
                }
                double g = 1 - sign[i] * f; // the dual's gradient in a_i
                worst = Math.max(worst, a[i] > 0 ? Math.abs(g) : Math.max(0, g));
                double next = Math.max(0, a[i] + g / zz[i]);
                double delta = (next - a[i]) * sign[i];
                if (delta != 0) {
                    a[i] = next;
                    for (int j = 0; j <= d; j++) {
                        v[j] += delta * z[o + j];
                    }
                }
            }
            converged = worst < TOL;
        }
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = s * v[j];
        }
        double b = s * v[d];
        double nw = 0;
        for (double c : w) {
            nw += c * c;
        }
        nw = Math.sqrt(nw);
        double margin = Double.POSITIVE_INFINITY, slack = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double f = b;
            for (int j = 0; j < d; j++) {
                f += w[j] * x[i * d + j];
            }
            margin = Math.min(margin, sign[i] * f / nw);
            slack = Math.min(slack, sign[i] * f);
        }
        return new PenalisedBiasSvm(w, b, margin, converged && slack > 1 - 1e-6);
    }
}
