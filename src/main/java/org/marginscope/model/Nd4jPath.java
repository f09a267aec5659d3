package org.marginscope.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The general path of a {@link Network}: every layer's product through {@link NativeArrays} (OpenBLAS on the
 * CPU) on off-heap buffers in the network's dtype, with the element-wise passes of {@link ActivationKernels}.
 * It also holds the ND4J mirror of the master weights, copied in only when a product needs it. The other
 * paths ({@link FusedPath}, {@link PlainPath}) compute the same function and are tested against this one.
 */
final class Nd4jPath {
    /** Inference splits larger batches so a buffer of the widest layer stays under this many elements. */
    static final long MAX_INFERENCE_ELEMENTS = 8L << 20;

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
    /** The mirror lags the master weights until a native product needs it. */
    private boolean mirrorStale = true;

    Nd4jPath(NetworkSpec spec, DataType dtype, int[] in, int[] out, Activation[] act, double[][] w, double[][] b,
             double[][] gw, double[][] gb) {
        this.spec = spec;
        this.dtype = dtype;
        this.layers = in.length;
        this.in = in;
        this.out = out;
        this.act = act;
        this.w = w;
        this.b = b;
        this.gw = gw;
        this.gb = gb;
        wNd = new INDArray[layers];
        gwNd = new INDArray[layers];
        for (int k = 0; k < layers; k++) {
            wNd[k] = NativeArrays.create(dtype, in[k], out[k]);
            gwNd[k] = NativeArrays.create(dtype, in[k], out[k]);
        }
    }

    /** The master weights changed: the mirror is copied again before the next product. */
    void weightsChanged() {
        mirrorStale = true;
    }

    /** Backward will not follow a forward of this path. */
    void forget() {
        last = null;
    }

    private void ensureMirror() {
        if (mirrorStale) {
            for (int k = 0; k < layers; k++) {
                put(wNd[k], w[k]);
            }
            mirrorStale = false;
        }
    }

    /** The logits of a training batch; the activations stay for {@link #backward}. */
    double[] forward(double[] x, int n, boolean unchanged) {
        Buffers buf = buffers(n, false, false);
        if (!unchanged) {
            buf.filledFrom = null;
        }
        buf.fillInput(x, spec.inputDim(), spec.appendConstantInput());
        runForward(buf, 0, layers);
        last = buf;
        return read(buf.h[layers - 1], n * out[layers - 1]);
    }

    /** Network.backward on the last forward of this path. */
    void backward(double[] dLogits, boolean[] needGrad) {
        if (last == null) {
            throw new IllegalStateException("backward before forward");
        }
        int lowest = Network.lowestNeeded(needGrad);
        if (lowest >= 0) {
            backwardLayers(last, dLogits, needGrad, lowest, 0);
        }
    }

    /**
     * Back-propagates from the top layer down to layer max(lowest, bottom): each such layer's gradients
     * where asked, and its error passed to the layer below while that is still at or above lowest.
     */
    void backwardLayers(Buffers buf, double[] dLogits, boolean[] needGrad, int lowest, int bottom) {
        ensureMirror();
        buf.ensureGradients();
        int top = layers - 1;
        put(buf.g[top], dLogits);
        for (int k = top; k >= Math.max(lowest, bottom); k--) {
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

    /** Layer {@code layer}'s output for m points of src (a plain m x inputDim array), written at result[offset..]. */
    void layerOutputInto(double[] src, int m, int layer, double[] result, int offset) {
        Buffers buf = buffers(m, false, true);
        buf.filledFrom = null;
        buf.fillInput(src, spec.inputDim(), spec.appendConstantInput());
        runForward(buf, 0, layer + 1);
        readInto(buf.h[layer], result, offset, m * out[layer]);
    }

    int widestLayer() {
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
     * Network.gradientPeaks. The per-sample gradient of A_k is the outer product of the layer's input a_(k-1)
     * and its error delta_k, so its largest entry is max|a_(k-1)| * max|delta_k|: no n x in x out tensor is formed.
     */
    Network.GradientPeaks gradientPeaks(double[] x, int n, double[] dLogits) {
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
        return new Network.GradientPeaks(pw, pb);
    }

    /** Network.sampleGradients: this path, never the fused kernel, so every layer's activations exist. */
    Network.SampleGradients sampleGradients(double[] x, int n, double[] dLogits, int lowest) {
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
        return new Network.SampleGradients(n, ins, errs);
    }

    void runForward(Buffers buf, int from, int upTo) {
        ensureMirror();
        INDArray prev = from == 0 ? buf.x : buf.h[from - 1];
        for (int k = from; k < upTo; k++) {
            NativeArrays.gemm(prev, wNd[k], buf.z[k], false, false);
            ActivationKernels.forward(act[k], buf.z[k], b[k], buf.h[k]);
            prev = buf.h[k];
        }
    }

    /** Buffers for n rows; fusedOnly ones lack the wide first layer (the fused kernel never stores it). */
    Buffers buffers(int n, boolean fusedOnly, boolean inference) {
        return buffers.computeIfAbsent(new BufferKey(n, fusedOnly, inference), k -> new Buffers(n, fusedOnly));
    }

    /** The activations of one batch size: z_k (pre-activation), h_k (output; z_k itself for linear layers), g_k (gradients). */
    final class Buffers {
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
