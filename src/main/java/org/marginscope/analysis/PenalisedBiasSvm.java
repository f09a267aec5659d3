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
    /** Sweeps of one working set's solve; a set no hyperplane separates never converges and stops here. */
    private static final int MAX_SWEEPS = 50_000;
    /** Largest violation of the dual's optimality conditions (on the scaled points) accepted as converged. */
    private static final double TOL = 1e-10;
    /** Points per class in the first working set, most points added per round, and rounds. */
    private static final int START = 64, ADD = 256, ROUNDS = 30;

    /** [w; b], the direction GD's [w; b] converges to. */
    public double[] augmented() {
        double[] a = java.util.Arrays.copyOf(w, w.length + 1);
        a[w.length] = b;
        return a;
    }

    /**
     * Solves it for n points of dimension d (row-major), labels 0/1 (class 1 positive). Large sets go by an active
     * set: solve on the points nearest the boundary, add every point whose constraint the solution breaks, repeat - a
     * solution optimal with fewer constraints that meets all of them is optimal for all, so only the support vectors'
     * neighbourhood is ever iterated over.
     */
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
        double[] z = new double[n * dz];
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i * dz + j] = s * x[i * d + j];
            }
            z[i * dz + d] = s;
            sign[i] = y[i] == 1 ? 1 : -1;
        }
        boolean[] in = firstWorkingSet(z, sign, n, dz);
        double[] v = null;
        boolean solved = false;
        for (int round = 0; round < ROUNDS && !solved; round++) {
            v = solveOn(z, sign, in, n, dz);
            if (v == null) {
                break; // the working set has no separating hyperplane: neither has the whole set
            }
            solved = addViolators(z, sign, in, n, dz, v) == 0;
        }
        double[] w = new double[d];
        double b = Double.NaN;
        if (v != null) {
            for (int j = 0; j < d; j++) {
                w[j] = s * v[j];
            }
            b = s * v[d];
        }
        double nw = 0;
        for (double c : w) {
            nw += c * c;
        }
        nw = Math.sqrt(nw);
        double margin = Double.POSITIVE_INFINITY, slack = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n && v != null; i++) {
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

    /** All points when few; else, per class, the START points that score lowest along the difference of the means. */
    private static boolean[] firstWorkingSet(double[] z, double[] sign, int n, int dz) {
        boolean[] in = new boolean[n];
        if (n <= 4 * START) {
            java.util.Arrays.fill(in, true);
            return in;
        }
        double[] u = new double[dz];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            pos += sign[i] > 0 ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            double wgt = sign[i] > 0 ? 1.0 / Math.max(1, pos) : -1.0 / Math.max(1, n - pos);
            for (int j = 0; j < dz; j++) {
                u[j] += wgt * z[i * dz + j];
            }
        }
        for (double cls : new double[] {1, -1}) {
            Integer[] idx = java.util.stream.IntStream.range(0, n).filter(i -> sign[i] == cls).boxed().toArray(Integer[]::new);
            double[] score = new double[n];
            for (int i : idx) {
                for (int j = 0; j < dz; j++) {
                    score[i] += cls * u[j] * z[i * dz + j];
                }
            }
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
            for (int k = 0; k < Math.min(START, idx.length); k++) {
                in[idx[k]] = true;
            }
        }
        return in;
    }

    /**
     * Hildreth's coordinate ascent on the working set; null when it does not converge (a set no hyperplane through
     * [x; 1] separates has an unbounded dual).
     */
    private static double[] solveOn(double[] z, double[] sign, boolean[] in, int n, int dz) {
        double[] a = new double[n];
        double[] v = new double[dz];
        double[] zz = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dz; j++) {
                zz[i] += z[i * dz + j] * z[i * dz + j];
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double worst = 0;
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    continue;
                }
                int o = i * dz;
                double f = 0;
                for (int j = 0; j < dz; j++) {
                    f += v[j] * z[o + j];
                }
                double g = 1 - sign[i] * f; // the dual's gradient in a_i
                worst = Math.max(worst, a[i] > 0 ? Math.abs(g) : Math.max(0, g));
                double next = Math.max(0, a[i] + g / zz[i]);
                double delta = (next - a[i]) * sign[i];
                if (delta != 0) {
                    a[i] = next;
                    for (int j = 0; j < dz; j++) {
                        v[j] += delta * z[o + j];
                    }
                }
            }
            if (worst < TOL) {
                return v;
            }
        }
        return null;
    }

    /** Adds the (at most ADD) points whose constraint y v.z >= 1 v breaks most; returns how many broke it. */
    private static int addViolators(double[] z, double[] sign, boolean[] in, int n, int dz, double[] v) {
        java.util.List<double[]> broken = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                continue;
            }
            double f = 0;
            for (int j = 0; j < dz; j++) {
                f += v[j] * z[i * dz + j];
            }
            double slack = sign[i] * f;
            if (slack < 1 - 1e-9) {
                broken.add(new double[] {slack, i});
            }
        }
        broken.sort((p, q) -> Double.compare(p[0], q[0]));
        for (int k = 0; k < Math.min(ADD, broken.size()); k++) {
            in[(int) broken.get(k)[1]] = true;
        }
        return broken.size();
    }
}
