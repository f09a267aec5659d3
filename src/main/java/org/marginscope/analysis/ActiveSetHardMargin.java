package org.marginscope.analysis;

import java.util.Arrays;

/**
 * The binary hard-margin SVM of many points by an active set: fit on the few points nearest the
 * boundary, then check every point's constraint y_i (w.x_i + b) >= 1. A solution that is optimal with
 * fewer constraints and satisfies all of them is optimal for the full problem, so the answer is the
 * full fit's (to the solver's tolerance), but LIBSVM only ever sees a few hundred points. Returns null
 * when the working set stops being separable or keeps growing: the caller then fits all points.
 * It expects data already of unit size ({@link LinearSvm} scales them).
 */
final class ActiveSetHardMargin {
    /** Points per class in the first working set, and most points added per round. */
    private static final int START = 64, ADD = 128, ROUNDS = 12;
    /** Relative slack allowed on a constraint before a point joins the working set. */
    private static final double TOL = 1e-4;

    private ActiveSetHardMargin() {
    }

    static SvmSolution fit(double[] x, int n, int d, int[] y) {
        boolean[] in = new boolean[n];
        int size = seed(x, n, d, y, in);
        double[] score = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            int[] idx = new int[size];
            for (int i = 0, c = 0; i < n; i++) {
                if (in[i]) {
                    idx[c++] = i;
                }
            }
            double[] xs = new double[size * d];
            int[] ys = new int[size];
            for (int c = 0; c < size; c++) {
                System.arraycopy(x, idx[c] * d, xs, c * d, d);
                ys[c] = y[idx[c]];
            }
            if (!hasBothClasses(ys)) {
                return null;
            }
            // the working set's own separability test, as the full fit does it
            SvmSolution probe = LinearSvm.binary(xs, size, d, ys, LinearSvm.SOFT_PROBE_C[0]);
            if (!probe.separable()) {
                probe = LinearSvm.binary(xs, size, d, ys, LinearSvm.SOFT_PROBE_C[1]);
                if (!probe.separable()) {
                    return null; // a subset that is not separable: neither is the whole set
                }
            }
            SvmSolution sub = LinearSvm.binary(xs, size, d, ys, LinearSvm.HARD_C);
            double[] w = sub.weights()[0];
            int violators = 0;
            for (int i = 0; i < n; i++) {
                double f = sub.bias();
                for (int j = 0; j < d; j++) {
                    f += w[j] * x[i * d + j];
                }
                score[i] = (y[i] == 1 ? 1 : -1) * f;
                if (!in[i] && score[i] < 1 - TOL) {
                    violators++;
                }
            }
            if (violators == 0) {
                return expand(sub, idx, x, n, d, score);
            }
            size += addWorst(score, in, Math.min(ADD, violators));
        }
        return null;
    }

    /** The first working set: per class, the points that reach furthest towards the other class's mean. */
    private static int seed(double[] x, int n, int d, int[] y, boolean[] in) {
        double[][] mean = new double[2][d];
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            count[y[i]]++;
            for (int j = 0; j < d; j++) {
                mean[y[i]][j] += x[i * d + j];
            }
        }
        double[] dir = new double[d];
        for (int j = 0; j < d; j++) {
            dir[j] = mean[1][j] / Math.max(1, count[1]) - mean[0][j] / Math.max(1, count[0]);
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += dir[j] * x[i * d + j];
            }
            score[i] = y[i] == 1 ? p : -p; // small: deep towards the other class
        }
        int size = 0;
        for (int cls = 0; cls < 2; cls++) {
            final int c = cls;
            Integer[] order = new Integer[count[c]];
            for (int i = 0, m = 0; i < n; i++) {
                if (y[i] == c) {
                    order[m++] = i;
                }
            }
            Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
            for (int m = 0; m < Math.min(START, order.length); m++) {
                in[order[m]] = true;
                size++;
            }
        }
        return size;
    }

    private static int addWorst(double[] score, boolean[] in, int count) {
        Integer[] out = new Integer[score.length];
        int m = 0;
        for (int i = 0; i < score.length; i++) {
            if (!in[i]) {
                out[m++] = i;
            }
        }
        Arrays.sort(out, 0, m, (a, b) -> Double.compare(score[a], score[b]));
        for (int i = 0; i < count; i++) {
            in[out[i]] = true;
        }
        return count;
    }

    private static boolean hasBothClasses(int[] ys) {
        boolean zero = false, one = false;
        for (int v : ys) {
            zero |= v == 0;
            one |= v == 1;
        }
        return zero && one;
    }

    /** The working set's solution stated for all n points: their duals in place, the margin over all. */
    private static SvmSolution expand(SvmSolution sub, int[] idx, double[] x, int n, int d, double[] score) {
        double[] dual = new double[n];
        for (int c = 0; c < idx.length; c++) {
            dual[idx[c]] = sub.dual()[c];
        }
        double norm = 0;
        for (double v : sub.weights()[0]) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double min = Double.POSITIVE_INFINITY;
        for (double s : score) {
            min = Math.min(min, s);
        }
        return new SvmSolution(sub.weights(), sub.bias(), min / norm, dual, sub.supportVectors(), min > 0);
    }
}
