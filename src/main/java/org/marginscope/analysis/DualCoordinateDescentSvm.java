package org.marginscope.analysis;

import java.util.SplittableRandom;

/**
 * The binary soft-margin linear SVM for many points: dual coordinate descent (Hsieh, Chang, Lin, Keerthi,
 * Sundararajan 2008, "A dual coordinate descent method for large-scale linear SVM", Algorithm 1, L1 loss)
 * with w kept explicitly, so one pass over the data costs O(n d) where LIBSVM's kernel columns cost O(n)
 * each for every one of its (many) iterations. The bias is the weight of an extra feature of value
 * {@link #BIAS_FEATURE}, which adds b^2 / (2 B^2) to the objective; b is then re-fitted exactly for the
 * final w (the minimiser of the hinge sum over b, a weighted median), so the reported bias is the best
 * one for w. Expects data of unit size ({@link LinearSvm} scales them). Deterministic: the visiting order
 * comes from a fixed seed.
 */
final class DualCoordinateDescentSvm {
    static final double BIAS_FEATURE = 1.0;
    /**
     * Stop when the projected gradient's spread (Hsieh et al. Sec 3.3) is below this. LIBLINEAR's default is 0.1;
     * at 0.03 the primal objective is within 1e-6 of the converged one on a million overlapping points.
     */
    static final double TOLERANCE = 0.03;
    static final int MAX_PASSES = 1_000;
    /** Coordinates visited between checks for cancellation. */
    private static final int CHECK_EVERY = 1 << 16;

    private DualCoordinateDescentSvm() {
    }

    static SvmSolution fit(double[] x, int n, int d, int[] y, double c, SvmTask task) {
        double[] w = new double[d + 1]; // w[d]: the bias feature's weight
        double[] alpha = new double[n];
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            double s = BIAS_FEATURE * BIAS_FEATURE;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            qii[i] = s;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(20081);
        double firstSpread = Double.NaN;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double pgMax = Double.NEGATIVE_INFINITY, pgMin = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if ((k & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                    task.check();
                }
                int i = order[k];
                double yi = y[i] == 1 ? 1 : -1;
                double f = w[d] * BIAS_FEATURE;
                for (int j = 0; j < d; j++) {
                    f += w[j] * x[i * d + j];
                }
                double g = yi * f - 1;
                double a = alpha[i];
                double pg = a == 0 ? Math.min(g, 0) : a == c ? Math.max(g, 0) : g;
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (pg != 0 && qii[i] > 0) {
                    double next = Math.min(Math.max(a - g / qii[i], 0), c);
                    double step = (next - a) * yi;
                    alpha[i] = next;
                    for (int j = 0; j < d; j++) {
                        w[j] += step * x[i * d + j];
                    }
                    w[d] += step * BIAS_FEATURE;
                }
            }
            double spread = pgMax - pgMin;
            if (Double.isNaN(firstSpread)) {
                firstSpread = Math.max(spread, TOLERANCE * 10);
            }
            if (spread <= TOLERANCE) {
                break;
            }
            // the spread falls roughly geometrically: progress on a log scale from the first pass to the tolerance
            double toTolerance = Math.log(firstSpread / Math.max(spread, TOLERANCE)) / Math.log(firstSpread / TOLERANCE);
            task.report(Math.max(toTolerance, (pass + 1.0) / MAX_PASSES));
        }
        double[] wx = new double[d];
        System.arraycopy(w, 0, wx, 0, d);
        double b = bestBias(wx, x, n, d, y, w[d] * BIAS_FEATURE);
        return solution(wx, b, alpha, x, n, d, y);
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The b minimising sum_i max(0, 1 - y_i (f_i + b)) for fixed f_i = w.x_i: the hinge sum is convex and
     * piecewise linear in b with slope #{negatives active} - #{positives active}, so its minimum is where that
     * count changes sign. Ties (a flat bottom) keep the b nearest the descent's own.
     */
    static double bestBias(double[] w, double[] x, int n, int d, int[] y, double start) {
        // positive i is active (contributes) while b < 1 - f_i; negative i while b > -1 - f_i
        double[] pos = new double[n], neg = new double[n];
        int np = 0, nn = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < d; j++) {
                f += w[j] * x[i * d + j];
            }
            if (y[i] == 1) {
                pos[np++] = 1 - f;
            } else {
                neg[nn++] = -1 - f;
            }
        }
        java.util.Arrays.sort(pos, 0, np);
        java.util.Arrays.sort(neg, 0, nn);
        // slope(b) = #{neg: q < b} - #{pos: p > b}, non-decreasing from -np to nn: walk the breakpoints
        double lo = Double.NEGATIVE_INFINITY;
        int prevSlope = -np;
        int ip = 0, in = 0;
        while (ip < np || in < nn) {
            double t = Math.min(ip < np ? pos[ip] : Double.POSITIVE_INFINITY, in < nn ? neg[in] : Double.POSITIVE_INFINITY);
            while (ip < np && pos[ip] <= t) {
                ip++;
            }
            while (in < nn && neg[in] <= t) {
                in++;
            }
            int slope = in - (np - ip); // just above t
            if (slope > 0) {
                // a kink at t (the minimum) or the end of a flat bottom [lo, t]
                return prevSlope < 0 ? t : Math.min(Math.max(start, lo), t);
            }
            if (slope == 0 && prevSlope < 0) {
                lo = t;
            }
            prevSlope = slope;
        }
        return Math.max(start, lo); // flat to +infinity (no negatives)
    }

    private static SvmSolution solution(double[] w, double b, double[] alpha, double[] x, int n, int d, int[] y) {
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double[] dual = new double[n];
        int sv = 0;
        double minFunctional = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double yi = y[i] == 1 ? 1 : -1;
            dual[i] = alpha[i] * yi;
            sv += alpha[i] > 0 ? 1 : 0;
            double f = b;
            for (int j = 0; j < d; j++) {
                f += w[j] * x[i * d + j];
            }
            minFunctional = Math.min(minFunctional, yi * f);
        }
        if (norm == 0) {
            return new SvmSolution(new double[][] {w}, b, 0, dual, sv, false);
        }
        return new SvmSolution(new double[][] {w}, b, minFunctional / norm, dual, sv, minFunctional > 0);
    }
}
