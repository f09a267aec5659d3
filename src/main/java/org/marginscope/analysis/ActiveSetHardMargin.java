package org.marginscope.analysis;

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
        return fit(x, n, d, y, SvmTask.NONE);
    }

    /** As {@link #fit(double[], int, int, int[])}, reporting rounds to the task and checking it for cancellation. */
    static SvmSolution fit(double[] x, int n, int d, int[] y, SvmTask task) {
        boolean[] in = new boolean[n];
        int size = seed(x, n, d, y, in);
        double[] score = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            task.report((double) round / ROUNDS);
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
            for (int i : smallest(score, i -> y[i] == c, START)) {
                in[i] = true;
                size++;
            }
        }
        return size;
    }

    private static int addWorst(double[] score, boolean[] in, int count) {
        for (int i : smallest(score, i -> !in[i], count)) {
            in[i] = true;
        }
        return count;
    }

    /**
     * The (at most) k eligible indices of the smallest scores, ties to the lower index (what a stable sort of
     * all of them would put first), by a bounded heap: O(n log k) without boxing n indices (a million-point
     * fit sorted for 1.5 s here).
     */
    static int[] smallest(double[] score, java.util.function.IntPredicate eligible, int k) {
        java.util.Comparator<Integer> rank = (a, b) -> {
            int c = Double.compare(score[a], score[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        java.util.PriorityQueue<Integer> worstFirst = new java.util.PriorityQueue<>(k + 1, rank.reversed());
        for (int i = 0; i < score.length; i++) {
            if (!eligible.test(i)) {
                continue;
            }
            if (worstFirst.size() < k) {
                worstFirst.add(i);
            } else if (k > 0 && rank.compare(i, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(i);
            }
        }
        return worstFirst.stream().sorted(rank).mapToInt(Integer::intValue).toArray();
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
