package org.marginscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * van den Berg Sec 5.4 (Fig 18): how noisy a mini-batch gradient is, against the batch size N and the
 * scale of the weights.
 *
 * <p><b>Definitions.</b> For the training points i = 1..n let f_i be the per-sample loss and G_i its gradient
 * with respect to the chosen parameters theta ({@link Target}: the paper's A_1, or every trainable weight and
 * bias); g = (1/n) sum_i G_i is the full-batch gradient (that of the mean loss). A mini-batch B of size N is
 * N indices drawn independently and uniformly from 1..n (with replacement), and g_B = (1/N) sum_{i in B} G_i,
 * so E g_B = g. The <b>coefficient of variation</b> is
 * <pre>  CV(N) = sqrt(E ||g_B - g||^2) / ||g||,</pre>
 * the standard deviation of the estimate (the root of the summed variances of its entries) over the norm of
 * its mean: the paper's "standard deviation over the mean", for a vector. Because the draws are independent,
 * E ||g_B - g||^2 = s^2 / N with s^2 = (1/n) sum_i ||G_i - g||^2, so CV(N) = c / sqrt(N) with
 * <pre>  c = s / ||g||  (exact, from all n points: {@link Curve#cExact()}).</pre>
 * The curves are estimated as the paper's are: for every N in 1, 2, 4, ..., {@code maxBatch}, M random
 * batches give the mean of ||g_B - g||^2 (and, by the delta method, a standard error of CV(N)); c is then
 * fitted by least squares to CV(N) = c / sqrt(N) (the paper's dashed lines): c = sum(CV_N / sqrt N) / sum(1/N).
 *
 * <p><b>Scaled weights.</b> Each factor s multiplies the first layer's weights and biases (its hyperplanes stay
 * where they are and sharpen, Sec 2.1); w = |A_1|, the Frobenius norm of the scaled first-layer weights (for a
 * single unit its row norm, the paper's w). The paper finds c(w) close to 1.1 sqrt(w); {@link Result#sqrtFit()}
 * is the least-squares a in c(w) = a sqrt(w): a = sum(c_i sqrt(w_i)) / sum(w_i).
 *
 * <p>Per-sample gradients come from one batched backward pass ({@link Network#sampleGradients}); a batch
 * gradient is summed from the outer products of the stored layer inputs and errors, so nothing of size
 * n x (parameters) is ever formed. No JavaFX; callers run it off the FX thread.
 */
public final class GradientVariance {
    /** The parameters whose gradient is sampled. */
    public enum Target {
        FIRST_LAYER_WEIGHTS("first layer's weights A1 (the paper's)"),
        ALL_PARAMETERS("every trainable weight and bias");

        private final String text;

        Target(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param maxBatch       the largest batch size; the sizes are the powers of two up to it
     * @param batchesPerSize M, the random batches per size
     * @param factors        the first-layer scale factors, one curve each (1 = the weights as they are)
     * @param seed           the batches' random draws (the same draws for every factor)
     */
    public record Settings(Target target, int maxBatch, int batchesPerSize, double[] factors, long seed) {
        public Settings {
            if (target == null) {
                target = Target.FIRST_LAYER_WEIGHTS;
            }
            if (maxBatch < 1 || maxBatch > (1 << 20)) {
                throw new IllegalArgumentException("the largest batch must be 1 to 2^20, got " + maxBatch);
            }
            if (batchesPerSize < 2) {
                throw new IllegalArgumentException("at least 2 batches per size are needed, got " + batchesPerSize);
            }
            if (factors == null || factors.length == 0) {
                throw new IllegalArgumentException("at least one weight factor is needed");
            }
            factors = factors.clone();
            for (double f : factors) {
                if (!(f > 0) || Double.isInfinite(f)) {
                    throw new IllegalArgumentException("weight factors must be finite and > 0, got " + f);
                }
            }
        }

        /** The paper's Fig 18: A1, N = 1..1024, 400 batches per size, factors 1, 2, 4, 8. */
        public static Settings defaults() {
            return new Settings(Target.FIRST_LAYER_WEIGHTS, 1024, 400, new double[] {1, 2, 4, 8}, 1);
        }

        /** The batch sizes: 1, 2, 4, ... up to maxBatch. */
        public int[] batchSizes() {
            int count = 32 - Integer.numberOfLeadingZeros(maxBatch);
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = 1 << i;
            }
            return sizes;
        }

        @Override
        public double[] factors() {
            return factors.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && s.target == target && s.maxBatch == maxBatch
                    && s.batchesPerSize == batchesPerSize && Arrays.equals(s.factors, factors) && s.seed == seed;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(factors) * 31 + Long.hashCode(seed) + maxBatch * 7 + batchesPerSize;
        }
    }

    /**
     * One curve of Fig 18(a).
     *
     * @param factor       the first-layer scale factor
     * @param weightNorm   w = |A_1| after scaling
     * @param batchSizes   N
     * @param cv           CV(N) estimated from the random batches
     * @param stdError     the standard error of each CV(N) (delta method over the M batches)
     * @param c            the least-squares c of CV(N) = c / sqrt(N)
     * @param cStdError    its standard error, from the points' (independent) standard errors
     * @param cExact       c from all n points: sqrt((1/n) sum ||G_i - g||^2) / ||g||
     * @param gradientNorm ||g||, the full gradient's norm
     */
    public record Curve(double factor, double weightNorm, int[] batchSizes, double[] cv, double[] stdError, double c,
                        double cStdError, double cExact, double gradientNorm) {
        /** The fitted line's value at N: c / sqrt(N). */
        public double fitted(int n) {
            return c / Math.sqrt(n);
        }
    }

    /**
     * @param points  n, the training points sampled from
     * @param sqrtFit a in c(w) = a sqrt(w), least squares over the curves' fitted c
     */
    public record Result(Target target, int points, List<Curve> curves, double sqrtFit) {
        public Result {
            curves = List.copyOf(curves);
        }
    }

    private GradientVariance() {
    }

    /**
     * @param progress receives the share done, 0..1 (may be null)
     * @param cancelled polled between batches; when it turns true the computation throws
     *                  {@link CancellationException} (may be null)
     * @throws IllegalArgumentException when there are no training points, the input dimension differs, the loss
     *                                  is not a per-sample loss or there is nothing to differentiate
     */
    public static Result compute(NetworkSpec spec, Parameters p, Loss loss, Dataset data, Settings s,
                                 DoubleConsumer progress, BooleanSupplier cancelled) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("the model has no training points: draw, generate or load data first");
        }
        if (data.dim() != spec.inputDim()) {
            throw new IllegalArgumentException("the data has " + data.dim() + " coordinates, the network "
                    + spec.inputDim() + " inputs");
        }
        if (loss.kind() == LossKind.DIFFERENTIAL) {
            throw new IllegalArgumentException("the differential loss is a loss over pairs, not per sample: "
                    + "mini-batch gradients of single points are not defined for it");
        }
        boolean[] used = new boolean[spec.layers().size()];
        if (s.target() == Target.FIRST_LAYER_WEIGHTS) {
            used[0] = true;
        } else {
            for (int k = 0; k < used.length; k++) {
                used[k] = spec.layers().get(k).trainable();
            }
        }
        int lowest = -1;
        for (int k = 0; k < used.length && lowest < 0; k++) {
            lowest = used[k] ? k : -1;
        }
        if (lowest < 0) {
            throw new IllegalArgumentException("the network has no trainable layer");
        }
        int[] sizes = s.batchSizes();
        double[] factors = s.factors();
        long work = 0;
        for (int size : sizes) {
            work += (long) size * s.batchesPerSize();
        }
        double total = (double) work * factors.length;
        double[] x = data.trainX();
        int[] y = data.trainY();
        List<Curve> curves = new ArrayList<>();
        for (int f = 0; f < factors.length; f++) {
            Parameters q = scaleFirstLayer(p, factors[f]);
            Network net = new Network(spec, DataType.DOUBLE, q);
            int width = net.outputWidth();
            double[] grad = new double[n * width];
            new Loss(loss.kind(), false).evaluate(net.logits(x, n), n, width, y, grad);
            Network.SampleGradients sg = net.sampleGradients(x, n, grad, lowest);
            Blocks b = new Blocks(net, sg, used, s.target() == Target.ALL_PARAMETERS);
            double done = (double) work * f;
            curves.add(curve(factors[f], q.weightNorm(0), b, sizes, s, done, total, progress, cancelled));
        }
        if (progress != null) {
            progress.accept(1);
        }
        return new Result(s.target(), n, curves, sqrtFit(curves));
    }

    /** The first layer's weights and biases times the factor; the other layers as they are. */
    public static Parameters scaleFirstLayer(Parameters p, double factor) {
        int layers = p.layers();
        int[] in = new int[layers], out = new int[layers];
        double[][] w = new double[layers][], b = new double[layers][];
        for (int k = 0; k < layers; k++) {
            in[k] = p.in(k);
            out[k] = p.out(k);
            w[k] = p.weights(k);
            b[k] = p.hasBias(k) ? p.biases(k) : null;
            if (k == 0 && factor != 1) {
                for (int i = 0; i < w[k].length; i++) {
                    w[k][i] *= factor;
                }
                if (b[k] != null) {
                    for (int i = 0; i < b[k].length; i++) {
                        b[k][i] *= factor;
                    }
                }
            }
        }
        return new Parameters(in, out, w, b);
    }

    /** Least-squares c in CV(N) = c / sqrt(N) over the finite points. */
    public static double fitC(int[] sizes, double[] cv) {
        double num = 0, den = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (Double.isFinite(cv[i])) {
                num += cv[i] / Math.sqrt(sizes[i]);
                den += 1.0 / sizes[i];
            }
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** The standard error of {@link #fitC}: c is linear in the points, sum(CV_N / sqrt N) / sum(1/N). */
    static double fitStdError(int[] sizes, double[] se) {
        double num = 0, den = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (Double.isFinite(se[i])) {
                num += se[i] * se[i] / sizes[i];
                den += 1.0 / sizes[i];
            }
        }
        return den == 0 ? Double.NaN : Math.sqrt(num) / den;
    }

    /** Least-squares a in c(w) = a sqrt(w) over the curves with a finite fitted c. */
    public static double sqrtFit(List<Curve> curves) {
        double num = 0, den = 0;
        for (Curve c : curves) {
            if (Double.isFinite(c.c()) && Double.isFinite(c.weightNorm())) {
                num += c.c() * Math.sqrt(c.weightNorm());
                den += c.weightNorm();
            }
        }
        return den == 0 ? Double.NaN : num / den;
    }

    private static Curve curve(double factor, double weightNorm, Blocks b, int[] sizes, Settings s, double done,
                               double total, DoubleConsumer progress, BooleanSupplier cancelled) {
        int n = b.n;
        double gNorm = Math.sqrt(Vectors.dot(b.full, b.full));
        // s^2 = (1/n) sum ||G_i - g||^2, each G_i formed from its factors
        double[] gi = new double[b.size];
        double spread = 0;
        for (int i = 0; i < n; i++) {
            Arrays.fill(gi, 0);
            b.add(i, gi);
            double d2 = 0;
            for (int j = 0; j < gi.length; j++) {
                double d = gi[j] - b.full[j];
                d2 += d * d;
            }
            spread += d2;
        }
        double cExact = gNorm > 0 ? Math.sqrt(spread / n) / gNorm : Double.NaN;
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int m = s.batchesPerSize();
        double[] cv = new double[sizes.length], se = new double[sizes.length];
        double[] acc = new double[b.size];
        double[] sq = new double[m];
        for (int k = 0; k < sizes.length; k++) {
            int size = sizes[k];
            for (int r = 0; r < m; r++) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new CancellationException("gradient variance cancelled");
                }
                Arrays.fill(acc, 0);
                for (int t = 0; t < size; t++) {
                    b.add(rnd.nextInt(n), acc);
                }
                double d2 = 0;
                for (int j = 0; j < acc.length; j++) {
                    double d = acc[j] / size - b.full[j];
                    d2 += d * d;
                }
                sq[r] = d2;
            }
            double mean = 0;
            for (double v : sq) {
                mean += v;
            }
            mean /= m;
            double var = 0;
            for (double v : sq) {
                var += (v - mean) * (v - mean);
            }
            var /= m - 1;
            if (gNorm > 0) {
                cv[k] = Math.sqrt(mean) / gNorm;
                // CV = sqrt(mean)/|g|: dCV/dmean = CV / (2 mean), and the mean's standard error is sd / sqrt(M)
                se[k] = mean > 0 ? cv[k] * Math.sqrt(var / m) / (2 * mean) : 0;
            } else {
                cv[k] = Double.NaN;
                se[k] = Double.NaN;
            }
            done += (double) size * m;
            if (progress != null) {
                progress.accept(done / total);
            }
        }
        return new Curve(factor, weightNorm, sizes, cv, se, fitC(sizes, cv), fitStdError(sizes, se), cExact, gNorm);
    }

    /** The sampled parameters as one flat vector: per used layer its weights (in x out), then its biases. */
    private static final class Blocks {
        final int n;
        final int size;
        final int[] layer;
        final int[] offset;
        final boolean[] bias;
        final Network.SampleGradients sg;
        final int[] in;
        final int[] out;
        final double[] full;

        Blocks(Network net, Network.SampleGradients sg, boolean[] used, boolean withBiases) {
            this.sg = sg;
            n = sg.n();
            List<Integer> ls = new ArrayList<>();
            for (int k = 0; k < used.length; k++) {
                if (used[k]) {
                    ls.add(k);
                }
            }
            layer = ls.stream().mapToInt(Integer::intValue).toArray();
            offset = new int[layer.length];
            bias = new boolean[layer.length];
            in = new int[layer.length];
            out = new int[layer.length];
            int at = 0;
            for (int j = 0; j < layer.length; j++) {
                int k = layer[j];
                in[j] = net.inputs(k);
                out[j] = net.units(k);
                // the paper's target is A1 alone; "all" adds every used layer's biases
                bias[j] = withBiases && net.liveBiases(k) != null;
                offset[j] = at;
                at += in[j] * out[j] + (bias[j] ? out[j] : 0);
            }
            size = at;
            full = new double[size];
            for (int i = 0; i < n; i++) {
                add(i, full);
            }
            for (int j = 0; j < size; j++) {
                full[j] /= n;
            }
        }

        /** acc += G_i. */
        void add(int i, double[] acc) {
            for (int j = 0; j < layer.length; j++) {
                int k = layer[j], ni = in[j], no = out[j], o = offset[j];
                double[] a = sg.inputs()[k], e = sg.errors()[k];
                int ai = i * ni, ei = i * no;
                for (int r = 0; r < ni; r++) {
                    double ar = a[ai + r];
                    if (ar == 0) {
                        continue;
                    }
                    int row = o + r * no;
                    for (int c = 0; c < no; c++) {
                        acc[row + c] += ar * e[ei + c];
                    }
                }
                if (bias[j]) {
                    int bo = o + ni * no;
                    for (int c = 0; c < no; c++) {
                        acc[bo + c] += e[ei + c];
                    }
                }
            }
        }
    }
}
