package org.marginscope.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense feed-forward network evaluated with ND4J. The master copy of the weights is plain
 * double arrays (optimisers, constraints and snapshots work there); ND4J holds a mirror in the
 * network's dtype for the batched products. Forward and backward reuse per-batch-size buffers
 * and never allocate on the hot path (shared/notes/nd4j-speed.md). Not thread-safe: one network
 * per thread; other threads build their own from {@link Parameters}.
 */
public final class Network {
    /** Inference splits larger batches so a buffer of the widest layer stays under this many elements. */
    private static final long MAX_INFERENCE_ELEMENTS = 8L << 20;

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
    private final INDArray[] wNd;
    private final INDArray[] gwNd;
    /** Batch buffers by (size, fused, inference): inference never overwrites what backward needs. */
    private record BufferKey(int n, boolean fusedOnly, boolean inference) {
    }

    private final Map<BufferKey, Buffers> buffers = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BufferKey, Buffers> e) {
            return size() > 6;
        }
    };
    private Buffers last;
    private final boolean fused;
    private FusedBottomPair.Input lastFusedInput;
    /** Whether training uses the fused kernel for the bottom pair of layers (false forces the general ND4J path). */
    private boolean useFused = true;
    /** Small batches of small layers in heap arrays: one path for training (its activations feed backward), one for inference. */
    private final PlainPath plainTraining;
    private final PlainPath plainInference;
    private boolean usePlain = true;
    private boolean lastPlain;
    /** The ND4J mirror lags the master weights until a native product needs it. */
    private boolean mirrorStale = true;

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
        wNd = new INDArray[layers];
        gwNd = new INDArray[layers];
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
            wNd[k] = NativeArrays.create(dtype, in[k], out[k]);
            gwNd[k] = NativeArrays.create(dtype, in[k], out[k]);
            prev = out[k];
        }
        fused = FusedBottomPair.applies(in, out, layers);
        boolean single = dtype == DataType.FLOAT;
        plainTraining = new PlainPath(in, out, act, single, spec.inputDim(), spec.appendConstantInput());
        plainInference = new PlainPath(in, out, act, single, spec.inputDim(), spec.appendConstantInput());
    }

    /** Chooses between the heap-array path for small nets (default, where it applies) and the general ND4J path. */
    public void setPlainPath(boolean enabled) {
        usePlain = enabled;
        last = null;
        lastPlain = false;
    }

    /** Whether a batch of n rows, outside the fused kernel, runs in heap arrays. */
    private boolean plainFor(int n) {
        return usePlain && PlainPath.applies(in, out, n);
    }

    /** Chooses between the fused bottom-pair kernel (default, where it applies) and the general ND4J path. */
    public void setFusedKernel(boolean enabled) {
        useFused = enabled;
        last = null;
    }

    /** Whether the next training forward uses the fused kernel. */
    public boolean usesFusedKernel() {
        return fused && useFused;
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

    /** Copies the master weights into the ND4J mirror; needed after any change to the live arrays. */
    public void syncWeights() {
        mirrorStale = true;
    }

    private void ensureMirror() {
        if (mirrorStale) {
            for (int k = 0; k < layers; k++) {
                put(wNd[k], w[k]);
            }
            mirrorStale = false;
        }
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
        lastPlain = !usesFusedKernel() && plainFor(n);
        if (lastPlain) {
            last = null;
            return plainTraining.forward(x, 0, n, w, b, layers - 1, unchanged);
        }
        Buffers buf = buffers(n, usesFusedKernel(), false);
        if (!unchanged) {
            buf.filledFrom = null;
        }
        if (usesFusedKernel()) {
            lastFusedInput = new FusedBottomPair.Input(x, n, spec.inputDim(), spec.appendConstantInput());
            double[] z2 = new double[n * out[1]];
            fusedForward(lastFusedInput, z2);
            put(buf.z[1], z2);
            ActivationKernels.forward(act[1], buf.z[1], b[1], buf.h[1]);
            runForward(buf, 2, layers);
        } else {
            buf.fillInput(x, spec.inputDim(), spec.appendConstantInput());
            runForward(buf, 0, layers);
        }
        last = buf;
        return read(buf.h[layers - 1], n * out[layers - 1]);
    }

    /**
     * Back-propagates dLoss/dlogits (row-major n x outputWidth) through the activations of the last
     * {@link #forward} and fills the weight and bias gradients of every layer with {@code needGrad[k]}
     * (others are left as they were). Layers below the lowest such layer are skipped.
     */
    public void backward(double[] dLogits, boolean[] needGrad) {
        if (lastPlain) {
            plainTraining.backward(dLogits, needGrad, gw, gb);
            return;
        }
        ensureMirror();
        Buffers buf = last;
        if (buf == null) {
            throw new IllegalStateException("backward before forward");
        }
        int lowest = -1;
        for (int k = 0; k < layers; k++) {
            if (needGrad[k]) {
                lowest = k;
                break;
            }
        }
        if (lowest < 0) {
            return;
        }
        buf.ensureGradients();
        int top = layers - 1;
        put(buf.g[top], dLogits);
        boolean fusedPath = buf.fusedOnly;
        int stop = fusedPath ? Math.max(lowest, 1) : lowest;
        for (int k = top; k >= stop; k--) {
            if (fusedPath && k == 1) {
                ActivationKernels.backward(act[1], buf.z[1], buf.g[1], needGrad[1] ? gb[1] : null);
                if (lowest <= 1) {
                    double[] g2 = read(buf.g[1], buf.n * out[1]);
                    double[] gw1 = needGrad[0] ? gw[0] : new double[gw[0].length];
                    double[] gb1 = needGrad[0] ? gb[0] : null;
                    double[] gw2 = needGrad[1] ? gw[1] : new double[gw[1].length];
                    FusedBottomPair.backward(lastFusedInput, w[0], b[0], act[0], out[0], w[1], out[1], g2, gw1, gb1, gw2,
                            dtype == DataType.FLOAT);
                }
                break;
            }
            ActivationKernels.backward(act[k], buf.z[k], buf.g[k], needGrad[k] ? gb[k] : null);
            INDArray prev = k == 0 ? buf.x : buf.h[k - 1];
            if (needGrad[k]) {
                NativeArrays.gemm(prev, buf.g[k], gwNd[k], true, false);
                readInto(gwNd[k], gw[k]);
            }
            if (k > lowest) {
                NativeArrays.gemm(buf.g[k], wNd[k], buf.g[k - 1], false, true);
            }
        }
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

    private int widestLayer() {
        int widest = 1;
        for (int k = 0; k < layers; k++) {
            widest = Math.max(widest, out[k]);
        }
        return widest;
    }

    /** Points per chunk of a per-sample backward pass: the widest layer's activations stay bounded. */
    private int perSampleChunk(int n) {
        return (int) Math.max(1, Math.min(n, MAX_INFERENCE_ELEMENTS / widestLayer()));
    }

    /** Points start..start+m-1 forward, with their given loss gradients put on the top layer's error. */
    private Buffers forwardWithTopGradient(double[] x, double[] dLogits, int start, int m) {
        int d = spec.inputDim(), o = out[layers - 1];
        double[] src = new double[m * d];
        System.arraycopy(x, start * d, src, 0, m * d);
        Buffers buf = buffers(m, false, true);
        buf.filledFrom = null;
        buf.fillInput(src, d, spec.appendConstantInput());
        runForward(buf, 0, layers);
        buf.ensureGradients();
        double[] top = new double[m * o];
        System.arraycopy(dLogits, start * o, top, 0, m * o);
        put(buf.g[layers - 1], top);
        return buf;
    }

    /**
     * The per-sample gradient of A_k is the outer product of the layer's input a_(k-1) and its error
     * delta_k, so its largest entry is max|a_(k-1)| * max|delta_k|: no n x in x out tensor is ever formed.
     *
     * @param x       points, row-major n x inputDim
     * @param dLogits dLoss_i/dlogits_i per point (the per-sample loss, not the mean), n x outputWidth
     */
    public GradientPeaks gradientPeaks(double[] x, int n, double[] dLogits) {
        double[][] pw = new double[layers][n], pb = new double[layers][n];
        int chunk = perSampleChunk(n);
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            Buffers buf = forwardWithTopGradient(x, dLogits, start, m);
            for (int k = layers - 1; k >= 0; k--) {
                ActivationKernels.backward(act[k], buf.z[k], buf.g[k], null);
                INDArray prev = k == 0 ? buf.x : buf.h[k - 1];
                int cols = (int) prev.columns();
                double[] a = read(prev, m * cols), delta = read(buf.g[k], m * out[k]);
                for (int i = 0; i < m; i++) {
                    double ma = 0, md = 0;
                    for (int j = 0; j < cols; j++) {
                        ma = Math.max(ma, Math.abs(a[i * cols + j]));
                    }
                    for (int j = 0; j < out[k]; j++) {
                        md = Math.max(md, Math.abs(delta[i * out[k] + j]));
                    }
                    pw[k][start + i] = ma * md;
                    pb[k][start + i] = b[k] == null ? 0 : md;
                }
                if (k > 0) {
                    NativeArrays.gemm(buf.g[k], wNd[k], buf.g[k - 1], false, true);
                }
            }
        }
        return new GradientPeaks(pw, pb);
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
        if (lowest < 0 || lowest >= layers) {
            throw new IllegalArgumentException("no layer " + lowest);
        }
        double[][] ins = new double[layers][], errs = new double[layers][];
        for (int k = lowest; k < layers; k++) {
            ins[k] = new double[n * in[k]];
            errs[k] = new double[n * out[k]];
        }
        int chunk = perSampleChunk(n);
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            Buffers buf = forwardWithTopGradient(x, dLogits, start, m);
            for (int k = layers - 1; k >= lowest; k--) {
                ActivationKernels.backward(act[k], buf.z[k], buf.g[k], null);
                readInto(k == 0 ? buf.x : buf.h[k - 1], ins[k], start * in[k], m * in[k]);
                readInto(buf.g[k], errs[k], start * out[k], m * out[k]);
                if (k > lowest) {
                    NativeArrays.gemm(buf.g[k], wNd[k], buf.g[k - 1], false, true);
                }
            }
        }
        return new SampleGradients(n, ins, errs);
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
        if (!(usesFusedKernel() && layer >= 1) && plainFor(n) && (long) n * widestLayer() <= MAX_INFERENCE_ELEMENTS) {
            return plainInference.forward(x, first, n, w, b, layer, false);
        }
        double[] result = new double[n * width];
        int widest = 1;
        // every layer's buffers are allocated, so all of them bound the chunk
        for (int k = usesFusedKernel() && layer >= 1 ? 1 : 0; k < layers; k++) {
            widest = Math.max(widest, out[k]);
        }
        int chunk = (int) Math.max(1, Math.min(n, MAX_INFERENCE_ELEMENTS / widest));
        // the whole array in one chunk is read where it is; otherwise each chunk is copied out
        boolean inPlace = first == 0 && chunk == n && x.length == n * d;
        double[] part = inPlace ? x : new double[chunk * d];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            if (!(usesFusedKernel() && layer >= 1) && plainFor(m)) {
                double[] r = plainInference.forward(x, first + start, m, w, b, layer, false);
                System.arraycopy(r, 0, result, start * width, m * width);
                continue;
            }
            double[] src = part;
            if (!inPlace) {
                src = part.length == m * d ? part : new double[m * d];
                System.arraycopy(x, (first + start) * d, src, 0, m * d);
            }
            Buffers buf;
            if (usesFusedKernel() && layer >= 1) {
                buf = buffers(m, true, true);
                double[] z2 = new double[m * out[1]];
                fusedForward(new FusedBottomPair.Input(src, m, d, spec.appendConstantInput()), z2);
                put(buf.z[1], z2);
                ActivationKernels.forward(act[1], buf.z[1], b[1], buf.h[1]);
                runForward(buf, 2, layer + 1);
            } else {
                buf = buffers(m, false, true);
                buf.filledFrom = null;
                buf.fillInput(src, d, spec.appendConstantInput());
                runForward(buf, 0, layer + 1);
            }
            readInto(buf.h[layer], result, start * width, m * width);
        }
        return result;
    }

    /** The fused bottom pair in the network's precision. */
    private void fusedForward(FusedBottomPair.Input input, double[] z2) {
        if (dtype == DataType.FLOAT) {
            FusedBottomPair.forwardFloat(input, w[0], b[0], act[0], out[0], w[1], out[1], z2);
        } else {
            FusedBottomPair.forward(input, w[0], b[0], act[0], out[0], w[1], out[1], z2);
        }
    }

    private void runForward(Buffers buf, int from, int upTo) {
        ensureMirror();
        INDArray prev = from == 0 ? buf.x : buf.h[from - 1];
        for (int k = from; k < upTo; k++) {
            NativeArrays.gemm(prev, wNd[k], buf.z[k], false, false);
            ActivationKernels.forward(act[k], buf.z[k], b[k], buf.h[k]);
            prev = buf.h[k];
        }
    }

    /** Buffers for n rows; fusedOnly ones lack the wide first layer (the fused kernel never stores it). */
    private Buffers buffers(int n, boolean fusedOnly, boolean inference) {
        return buffers.computeIfAbsent(new BufferKey(n, fusedOnly, inference), k -> new Buffers(n, fusedOnly));
    }

    /** The activations of one batch size: z_k (pre-activation), h_k (output; z_k itself for linear layers), g_k (gradients). */
    private final class Buffers {
        final int n;
        final boolean fusedOnly;
        final INDArray x;
        final INDArray[] z = new INDArray[layers];
        final INDArray[] h = new INDArray[layers];
        INDArray[] g;
        double[] filledFrom;

        Buffers(int n, boolean fusedOnly) {
            this.n = n;
            this.fusedOnly = fusedOnly;
            x = fusedOnly ? null : NativeArrays.create(dtype, n, spec.effectiveInputDim());
            for (int k = fusedOnly ? 1 : 0; k < layers; k++) {
                z[k] = NativeArrays.create(dtype, n, out[k]);
                h[k] = act[k].kind() == ActivationKind.LINEAR ? z[k] : NativeArrays.create(dtype, n, out[k]);
            }
        }

        void ensureGradients() {
            if (g == null) {
                g = new INDArray[layers];
                for (int k = fusedOnly ? 1 : 0; k < layers; k++) {
                    g[k] = NativeArrays.create(dtype, n, out[k]);
                }
            }
        }

        /** Copies the points in, appending the constant 1 where the spec asks; skipped when the same array was just copied. */
        void fillInput(double[] src, int d, boolean appendOne) {
            if (src == filledFrom || fusedOnly) {
                return;
            }
            if (src.length < n * d) {
                throw new IllegalArgumentException("expected " + n + " points of dimension " + d);
            }
            int cols = d + (appendOne ? 1 : 0);
            if (dtype == DataType.FLOAT) {
                FloatBuffer f = ActivationKernels.floats(x);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        f.put(i * cols + j, (float) src[i * d + j]);
                    }
                    if (appendOne) {
                        f.put(i * cols + d, 1f);
                    }
                }
            } else {
                DoubleBuffer f = ActivationKernels.doubles(x);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        f.put(i * cols + j, src[i * d + j]);
                    }
                    if (appendOne) {
                        f.put(i * cols + d, 1.0);
                    }
                }
            }
            ActivationKernels.writtenOnHost(x);
            filledFrom = src;
        }
    }

    // ---- copying between double[] and ND4J memory ----

    static void put(INDArray dst, double[] src) {
        if (dst.dataType() == DataType.FLOAT) {
            FloatBuffer f = ActivationKernels.floats(dst);
            for (int i = 0; i < src.length; i++) {
                f.put(i, (float) src[i]);
            }
        } else {
            ActivationKernels.doubles(dst).put(0, src, 0, src.length);
        }
        ActivationKernels.writtenOnHost(dst);
    }

    static double[] read(INDArray src, int len) {
        double[] r = new double[len];
        readInto(src, r, 0, len);
        return r;
    }

    static void readInto(INDArray src, double[] dst) {
        readInto(src, dst, 0, dst.length);
    }

    static void readInto(INDArray src, double[] dst, int offset, int len) {
        if (src.dataType() == DataType.FLOAT) {
            FloatBuffer f = ActivationKernels.floats(src);
            for (int i = 0; i < len; i++) {
                dst[offset + i] = f.get(i);
            }
        } else {
            ActivationKernels.doubles(src).get(0, dst, offset, len);
        }
    }
}
