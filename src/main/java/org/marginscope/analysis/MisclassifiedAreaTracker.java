package org.marginscope.analysis;

import java.util.Arrays;
import org.marginscope.model.Activation;
import org.marginscope.model.Loss;
import org.marginscope.model.Network;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link MisclassifiedArea} after every step of one run (van den Berg's stop rule, "train until the
 * misclassified area is 0"), without evaluating every grid cell every step. Between two steps the
 * weights move a little, and how far any logit can move over the whole grid is bounded by how far the
 * weights moved (a Lipschitz bound, layer by layer, {@link LogitDrift}); a cell whose class margin at
 * the last full evaluation exceeds that bound cannot have changed class. Only the others are evaluated
 * again, so the count of wrong cells is exactly the one a full evaluation gives. When more than a
 * quarter of the cells are in doubt, or the decision offset moved, all are evaluated and the reference
 * moves to the current weights.
 *
 * <p>float32 nets are always evaluated in full: their rounding (1e-7 relative) would need a slack so
 * wide that little would be saved, and the stop-on-area presets are float64.
 */
public final class MisclassifiedAreaTracker {
    /** Above this share of cells in doubt a full evaluation costs little more and resets the bound. */
    private static final double FULL_SHARE = 0.25;
    /** Rounding slack of float64 logits, relative to the bound on their size (sums of a few terms: 1e-15). */
    private static final double SLACK = 1e-9;

    private final MisclassifiedArea area;
    private final double[] points;
    private final int[] labels;
    private LogitDrift drift;
    private double referenceOffset = Double.NaN;
    private double doubtThreshold;
    /** Cell indices ordered by their margin at the reference, and those margins in the same order. */
    private int[] byMargin;
    private double[] sortedMargins;
    private boolean[] wrong;
    private int wrongCount;
    private long cellsEvaluated;

    public MisclassifiedAreaTracker(MisclassifiedArea area) {
        this.area = area;
        this.points = area.points();
        this.labels = area.labels();
    }

    /** The misclassified area of the network's current weights; equal to {@code area.measure(net, offset)}. */
    public double measure(Network net, double decisionOffset) {
        if (drift == null || net.dtype() != DataType.DOUBLE || decisionOffset != referenceOffset
                || !drift.sameShape(net)) {
            return full(net, decisionOffset);
        }
        double bound = drift.bound(net);
        // one logit: the class flips when f + offset crosses 0; K logits: when the top two can swap
        double threshold = (net.outputWidth() == 1 ? bound : 2 * bound) + SLACK * (1 + drift.logitScale());
        if (!Double.isFinite(threshold)) {
            return full(net, decisionOffset);
        }
        // never below an earlier step's: a cell once in doubt may have been re-evaluated to a class other
        // than the reference's, so it stays in doubt (evaluated every step) until the next full evaluation
        threshold = Math.max(threshold, doubtThreshold);
        doubtThreshold = threshold;
        int doubtful = upperBound(sortedMargins, threshold);
        if (doubtful > FULL_SHARE * labels.length) {
            return full(net, decisionOffset);
        }
        if (doubtful > 0) {
            double[] xs = new double[2 * doubtful];
            for (int c = 0; c < doubtful; c++) {
                int i = byMargin[c];
                xs[2 * c] = points[2 * i];
                xs[2 * c + 1] = points[2 * i + 1];
            }
            double[] logits = net.logits(xs, doubtful);
            int k = net.outputWidth();
            for (int c = 0; c < doubtful; c++) {
                int i = byMargin[c];
                boolean w = Loss.predict(logits, c, k, decisionOffset) != labels[i];
                if (w != wrong[i]) {
                    wrong[i] = w;
                    wrongCount += w ? 1 : -1;
                }
            }
            cellsEvaluated += doubtful;
        }
        return area.areaOf(wrongCount);
    }

    /** Grid cells evaluated so far (a full evaluation counts all of them). */
    public long cellsEvaluated() {
        return cellsEvaluated;
    }

    private double full(Network net, double decisionOffset) {
        int n = labels.length, k = net.outputWidth();
        double[] logits = net.logits(points, n);
        cellsEvaluated += n;
        wrong = new boolean[n];
        wrongCount = 0;
        // cells sorted by margin: the margin rounded down to float (a smaller margin only puts a cell in doubt
        // sooner) in the high half of a long, the cell in the low half, so one primitive sort orders them
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double m = Double.POSITIVE_INFINITY; // cells without a truth never count
            if (labels[i] >= 0) {
                wrong[i] = Loss.predict(logits, i, k, decisionOffset) != labels[i];
                wrongCount += wrong[i] ? 1 : 0;
                m = margin(logits, i, k, decisionOffset);
            }
            float f = (float) m;
            if (f > m) {
                f = Math.nextDown(f);
            }
            keys[i] = ((long) Float.floatToIntBits(f) << 32) | i; // non-negative floats order as their bits
        }
        Arrays.sort(keys);
        byMargin = new int[n];
        sortedMargins = new double[n];
        for (int c = 0; c < n; c++) {
            byMargin[c] = (int) keys[c];
            sortedMargins[c] = Float.intBitsToFloat((int) (keys[c] >>> 32));
        }
        referenceOffset = decisionOffset;
        doubtThreshold = 0;
        drift = net.dtype() == DataType.DOUBLE ? LogitDrift.from(net, points) : null;
        return area.areaOf(wrongCount);
    }

    /** How far the logits must move to change the cell's predicted class (NaN logits: 0, always in doubt). */
    private static double margin(double[] logits, int i, int k, double offset) {
        double m;
        if (k == 1) {
            m = Math.abs(logits[i] + offset);
        } else {
            double top = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double v = logits[i * k + j];
                if (v > top) {
                    second = top;
                    top = v;
                } else if (v > second) {
                    second = v;
                }
            }
            m = top - second;
        }
        return Double.isNaN(m) ? 0 : m;
    }

    /** The number of leading entries of the ascending array that are at most t. */
    private static int upperBound(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A bound on max over the grid of |logit_j(new weights) - logit_j(reference weights)|, from the
     * change of each layer's weights. With a_k a layer's output, z_k = a_(k-1) W_k + b_k:
     * |dz_k| <= |da_(k-1)| |W_k'|_F + |a_(k-1)| |dW_k|_F + |db_k| and |da_k| <= Lip(f_k) |dz_k|, where |a_k|
     * at the reference is bounded from the grid's largest point (or by sqrt(width) for activations bounded
     * by 1). Frobenius norms bound the operator norms.
     */
    static final class LogitDrift {
        private final double[][] w;
        private final double[][] b;
        private final double[] lip;
        /** Bound on |a_(k-1)| at the reference, per layer k (index 0: the grid's points). */
        private final double[] inputNorm;
        private final double logitScale;

        private LogitDrift(double[][] w, double[][] b, double[] lip, double[] inputNorm, double logitScale) {
            this.w = w;
            this.b = b;
            this.lip = lip;
            this.inputNorm = inputNorm;
            this.logitScale = logitScale;
        }

        static LogitDrift from(Network net, double[] points) {
            int layers = net.layers();
            double[][] w = new double[layers][], b = new double[layers][];
            double[] lip = new double[layers], inputNorm = new double[layers + 1];
            double largest = 0;
            for (int i = 0; i < points.length / 2; i++) {
                largest = Math.max(largest, points[2 * i] * points[2 * i] + points[2 * i + 1] * points[2 * i + 1]);
            }
            inputNorm[0] = Math.sqrt(largest + (net.spec().appendConstantInput() ? 1 : 0));
            for (int k = 0; k < layers; k++) {
                w[k] = net.liveWeights(k).clone();
                b[k] = net.liveBiases(k) == null ? null : net.liveBiases(k).clone();
                Activation f = net.spec().layers().get(k).activation();
                lip[k] = lipschitz(f);
                double z = inputNorm[k] * frobenius(w[k]) + frobenius(b[k]);
                double width = Math.sqrt(net.units(k));
                double general = lip[k] * z + Math.abs(f.apply(0)) * width; // |f(z)| <= Lip |z| + |f(0)| per unit
                inputNorm[k + 1] = boundedByOne(f) ? Math.min(width, general) : general;
            }
            return new LogitDrift(w, b, lip, inputNorm, inputNorm[layers]);
        }

        boolean sameShape(Network net) {
            if (net.layers() != w.length) {
                return false;
            }
            for (int k = 0; k < w.length; k++) {
                if (net.liveWeights(k).length != w[k].length || (net.liveBiases(k) == null) != (b[k] == null)) {
                    return false;
                }
            }
            return true;
        }

        /** The bound for the network's current weights (infinite where an activation has no Lipschitz constant). */
        double bound(Network net) {
            double d = 0;
            for (int k = 0; k < w.length; k++) {
                double[] now = net.liveWeights(k);
                double dz = d * frobenius(now) + inputNorm[k] * distance(now, w[k]) + distance(net.liveBiases(k), b[k]);
                d = lip[k] * dz;
            }
            return d;
        }

        double logitScale() {
            return logitScale;
        }

        private static double lipschitz(Activation f) {
            switch (f.kind()) {
                case LINEAR:
                case RELU:
                case TANH:
                case SOFTPLUS:
                    return 1;
                case LEAKY_RELU:
                    return Math.max(1, Math.abs(f.param()));
                case SYMMETRIC_SIGMOID:
                    return 0.5 * Math.abs(f.param());
                case LOGISTIC:
                    return 0.25 * Math.abs(f.param());
                default:
                    return Double.POSITIVE_INFINITY; // the square has no global constant
            }
        }

        private static boolean boundedByOne(Activation f) {
            switch (f.kind()) {
                case TANH:
                case SYMMETRIC_SIGMOID:
                case LOGISTIC:
                    return true;
                default:
                    return false;
            }
        }

        private static double frobenius(double[] a) {
            if (a == null) {
                return 0;
            }
            double s = 0;
            for (double v : a) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        private static double distance(double[] a, double[] ref) {
            if (a == null) {
                return 0;
            }
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - ref[i];
                s += d * d;
            }
            return Math.sqrt(s);
        }
    }
}
