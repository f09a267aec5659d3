package org.marginscope.model;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A dense feed-forward network. The master copy of the weights is plain double arrays (optimisers,
 * constraints and snapshots work there); a batch goes through one of three paths that compute the same
 * function: {@link Nd4jPath} (the general one: ND4J products on off-heap buffers in the network's dtype),
 * {@link FusedPath} (Li's narrow-wide-narrow bottom pair in one kernel) and {@link PlainPath} (nets of a
 * few units in heap arrays). Forward and backward reuse per-batch-size buffers and never allocate on the
 * hot path (shared/notes/nd4j-speed.md). Not thread-safe: one network per thread; other threads build
 * their own from {@link Parameters}.
 */
public final class Network {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final int layers;
    private final int[] in;
    private final int[] out;
    private final Activation[] act;
    private final double[][] w;
    private final double[][] b;
    private final double[][] gw;
    private final double[][] gb;
    private final Nd4jPath general;
    /** Null where the bottom pair is not narrow -> wide -> narrow. */
    private final FusedPath fused;
    /** One plain path for training (its activations feed backward), one for inference. */
    private final PlainPath plainTraining;
    private final PlainPath plainInference;
    /** Whether training uses the fused kernel for the bottom pair of layers (false forces the general path). */
    private boolean useFused = true;
    private boolean usePlain = true;

    /** The path of the last training forward, which backward follows. */
    private enum Path { NONE, GENERAL, FUSED, PLAIN }

    private Path last = Path.NONE;

    public Network(NetworkSpec spec, DataType dtype, long seed) {
        this(spec, dtype);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < layers; k++) {
            LayerSpec l = spec.layers().get(k);
            SplittableRandom layerRnd = rnd.split();
            if (l.weights() != null) {
                for (int i = 0; i < in[k]; i++) {
                    System.arraycopy(l.weights()[i], 0, w[k], i * out[k], out[k]);
                }
            } else {
                double[] drawn = l.init().draw(in[k], out[k], l.initScale(), layerRnd);
                System.arraycopy(drawn, 0, w[k], 0, drawn.length);
            }
            if (b[k] != null && l.biases() != null) {
                System.arraycopy(l.biases(), 0, b[k], 0, out[k]);
            } else if (b[k] != null) {
                java.util.Arrays.fill(b[k], l.biasInit());
            }
        }
        syncWeights();
    }

    public Network(NetworkSpec spec, DataType dtype, Parameters p) {
        this(spec, dtype);
        setParameters(p);
    }

    private Network(NetworkSpec spec, DataType dtype) {
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("dtype must be float32 or float64, got " + dtype);
        }
        this.spec = spec;
        this.dtype = dtype;
        List<LayerSpec> ls = spec.layers();
        layers = ls.size();
        in = new int[layers];
        out = new int[layers];
        act = new Activation[layers];
        w = new double[layers][];
        b = new double[layers][];
        gw = new double[layers][];
        gb = new double[layers][];
        int prev = spec.effectiveInputDim();
        for (int k = 0; k < layers; k++) {
            LayerSpec l = ls.get(k);
            in[k] = prev;
            out[k] = l.width();
            act[k] = l.activation();
            w[k] = new double[in[k] * out[k]];
            gw[k] = new double[in[k] * out[k]];
            b[k] = l.bias() ? new double[out[k]] : null;
            gb[k] = l.bias() ? new double[out[k]] : null;
            prev = out[k];
        }
        general = new Nd4jPath(spec, dtype, in, out, act, w, b, gw, gb);
        fused = FusedBottomPair.applies(in, out, layers) ? new FusedPath(general, spec, dtype, out, act, w, b, gw, gb) : null;
        boolean single = dtype == DataType.FLOAT;
        plainTraining = new PlainPath(in, out, act, single, spec.inputDim(), spec.appendConstantInput());
        plainInference = new PlainPath(in, out, act, single, spec.inputDim(), spec.appendConstantInput());
    }

    /** Chooses between the fused bottom-pair kernel (default, where it applies) and the general ND4J path. */
    public void setFusedKernel(boolean enabled) {
        useFused = enabled;
        forgetLast();
    }

    /** Chooses between the heap-array path for small nets (default, where it applies) and the general ND4J path. */
    public void setPlainPath(boolean enabled) {
        usePlain = enabled;
        forgetLast();
    }

    private void forgetLast() {
        last = Path.NONE;
        general.forget();
        if (fused != null) {
            fused.forget();
        }
    }

    /** Whether the next training forward uses the fused kernel. */
    public boolean usesFusedKernel() {
        return fused != null && useFused;
    }

    /** Whether a batch of n rows, outside the fused kernel, runs in heap arrays. */
    private boolean plainFor(int n) {
        return usePlain && PlainPath.applies(in, out, n);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public DataType dtype() {
        return dtype;
    }

    public int layers() {
        return layers;
    }

    public int inputs(int layer) {
        return in[layer];
    }

    public int units(int layer) {
        return out[layer];
    }

    public int outputWidth() {
        return out[layers - 1];
    }

    // ---- parameters (the master copy) ----

    /** The live weights of a layer, row-major in x out; call {@link #syncWeights()} after changing them. */
    public double[] liveWeights(int layer) {
        return w[layer];
    }

    /** The live biases of a layer, or null. */
    public double[] liveBiases(int layer) {
        return b[layer];
    }

    /** Gradient of the loss with respect to the weights of a layer, from the last {@link #backward}. */
    public double[] weightGradient(int layer) {
        return gw[layer];
    }

    public double[] biasGradient(int layer) {
        return gb[layer];
    }

    /** Marks the master weights changed; needed after any change to the live arrays. */
    public void syncWeights() {
        general.weightsChanged();
    }

    public Parameters parameters() {
        return new Parameters(in, out, w, b);
    }

    public void setParameters(Parameters p) {
        if (p.layers() != layers) {
            throw new IllegalArgumentException("parameters have " + p.layers() + " layers, network " + layers);
        }
        for (int k = 0; k < layers; k++) {
            if (p.in(k) != in[k] || p.out(k) != out[k] || p.hasBias(k) != (b[k] != null)) {
                throw new IllegalArgumentException("parameters of layer " + (k + 1) + " do not fit the network");
            }
            System.arraycopy(p.weights(k), 0, w[k], 0, w[k].length);
            if (b[k] != null) {
                System.arraycopy(p.biases(k), 0, b[k], 0, b[k].length);
            }
        }
        syncWeights();
    }

    // ---- forward / backward ----

    /**
     * Runs the whole batch (row-major n x inputDim, without the appended constant) in one pass and
     * returns the logits, row-major n x outputWidth. The activations stay for {@link #backward}.
     */
    public double[] forward(double[] x, int n) {
        return forward(x, n, false);
    }

    /**
     * As {@link #forward(double[], int)}; with {@code unchanged} the caller promises that the array is
     * the same, unmodified one as in the previous call of this batch size, so it is not copied in again
     * (the full training set in full-batch training).
     */
    public double[] forward(double[] x, int n, boolean unchanged) {
        forgetLast();
        if (usesFusedKernel()) {
            last = Path.FUSED;
            return fused.forward(x, n);
        }
        if (plainFor(n)) {
            last = Path.PLAIN;
            return plainTraining.forward(x, 0, n, w, b, layers - 1, unchanged);
        }
        last = Path.GENERAL;
        return general.forward(x, n, unchanged);
    }

    /**
     * Back-propagates dLoss/dlogits (row-major n x outputWidth) through the activations of the last
     * {@link #forward} and fills the weight and bias gradients of every layer with {@code needGrad[k]}
     * (others are left as they were). Layers below the lowest such layer are skipped.
     */
    public void backward(double[] dLogits, boolean[] needGrad) {
        switch (last) {
            case FUSED -> fused.backward(dLogits, needGrad);
            case PLAIN -> plainTraining.backward(dLogits, needGrad, gw, gb);
            case GENERAL -> general.backward(dLogits, needGrad);
            default -> throw new IllegalStateException("backward before forward");
        }
    }

    /** The lowest layer whose gradient is asked for, or -1. */
    static int lowestNeeded(boolean[] needGrad) {
        for (int k = 0; k < needGrad.length; k++) {
            if (needGrad[k]) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Per point, the largest absolute entry of the per-sample gradient of each layer's weights and of its
     * biases (van den Berg Sec 4, Figs 10-12), in one batched backward pass per chunk of points.
     *
     * @param weight weight[k][i]: max |d f_i / d A_k| for point i
     * @param bias   bias[k][i]: max |d f_i / d b_k| (0 for layers without bias)
     */
    public record GradientPeaks(double[][] weight, double[][] bias) {
    }

    /**
     * The per-sample gradient of A_k is the outer product of the layer's input a_(k-1) and its error
     * delta_k, so its largest entry is max|a_(k-1)| * max|delta_k|: no n x in x out tensor is ever formed.
     *
     * @param x       points, row-major n x inputDim
     * @param dLogits dLoss_i/dlogits_i per point (the per-sample loss, not the mean), n x outputWidth
     */
    public GradientPeaks gradientPeaks(double[] x, int n, double[] dLogits) {
        return general.gradientPeaks(x, n, dLogits);
    }

    /**
     * The two factors of every per-sample gradient (van den Berg Sec 5.4's mini-batch variance): the
     * per-sample gradient of layer k's weights is the outer product inputs[k]_i (x) errors[k]_i (in x out,
     * the layout of {@link #weightGradient}) and that of its biases errors[k]_i.
     *
     * @param inputs inputs[k]: row-major n x inputs(k), what layer k saw for each point (layer 0: the point,
     *               with the appended constant where the spec has one); null below the lowest layer asked for
     * @param errors errors[k]: row-major n x units(k), d f_i / d z_k with z_k the layer's pre-activation;
     *               null below the lowest layer asked for
     */
    public record SampleGradients(int n, double[][] inputs, double[][] errors) {
    }

    /**
     * The per-sample gradient factors of layers {@code lowest} and above, in one batched backward pass per
     * chunk of points (the general ND4J path, never the fused kernel, so every layer's activations exist).
     *
     * @param x       points, row-major n x inputDim
     * @param dLogits dLoss_i/dlogits_i per point (the per-sample loss, not the mean), n x outputWidth
     */
    public SampleGradients sampleGradients(double[] x, int n, double[] dLogits, int lowest) {
        return general.sampleGradients(x, n, dLogits, lowest);
    }

    /** Logits of any number of points, evaluated in chunks that keep buffers bounded. */
    public double[] logits(double[] x, int n) {
        return layerOutput(x, n, layers - 1);
    }

    /**
     * The output of layer {@code layer} (0-based; the last hidden layer is the transformed space) for
     * every point, row-major n x units(layer).
     */
    public double[] layerOutput(double[] x, int n, int layer) {
        return layerOutput(x, 0, n, layer);
    }

    /** Logits of points first..first+n-1 of x (no copy of the points is made). */
    public double[] logits(double[] x, int first, int n) {
        return layerOutput(x, first, n, layers - 1);
    }

    private double[] layerOutput(double[] x, int first, int n, int layer) {
        int d = spec.inputDim();
        int width = out[layer];
        boolean viaFused = usesFusedKernel() && layer >= 1;
        if (!viaFused && plainFor(n) && (long) n * general.widestLayer() <= Nd4jPath.MAX_INFERENCE_ELEMENTS) {
            return plainInference.forward(x, first, n, w, b, layer, false);
        }
        double[] result = new double[n * width];
        int widest = 1;
        // every layer's buffers are allocated, so all of them bound the chunk
        for (int k = viaFused ? 1 : 0; k < layers; k++) {
            widest = Math.max(widest, out[k]);
        }
        int chunk = (int) Math.max(1, Math.min(n, Nd4jPath.MAX_INFERENCE_ELEMENTS / widest));
        // the whole array in one chunk is read where it is; otherwise each chunk is copied out
        boolean inPlace = first == 0 && chunk == n && x.length == n * d;
        double[] part = inPlace ? x : new double[chunk * d];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            if (!viaFused && plainFor(m)) {
                double[] r = plainInference.forward(x, first + start, m, w, b, layer, false);
                System.arraycopy(r, 0, result, start * width, m * width);
                continue;
            }
            double[] src = part;
            if (!inPlace) {
                src = part.length == m * d ? part : new double[m * d];
                System.arraycopy(x, (first + start) * d, src, 0, m * d);
            }
            if (viaFused) {
                fused.layerOutputInto(src, m, layer, result, start * width);
            } else {
                general.layerOutputInto(src, m, layer, result, start * width);
            }
        }
        return result;
    }
}
