package org.marginscope.model;

/**
 * Forward and backward of a net whose layers are a few units wide, in heap arrays, never entering
 * ND4J: van den Berg's 2-1-2 net on 3,200 points does ~13,000 multiply-adds a step, less than the
 * fixed cost of the native calls, buffer copies and location checks of the general path.
 *
 * <p>It computes exactly what the general path computes where {@link SmallGemm} does its products
 * (every product of at most {@link SmallGemm#MAX_MULTIPLY_ADDS} multiply-adds): the same sums in the
 * same order in double, and for float32 nets each value rounded to float where the general path stores
 * a float (a float sum or product equals the double one rounded, as double carries more than twice
 * float's precision). So it is the same function, bit for bit, only without the native memory.
 */
final class PlainPath {
    /** Multiply-adds per row (all layers, the appended constant included) below which any batch goes here. */
    static final int MAX_ROW_MULTIPLY_ADDS = 32;

    private final int layers;
    private final int[] in;
    private final int[] out;
    private final Activation[] act;
    private final boolean single;
    private final boolean appendOne;
    private final int inputDim;
    /** Per layer: z (pre-activation after the bias), h (output; z itself for linear layers), g (error). */
    private double[][] z;
    private double[][] h;
    private double[][] g;
    private double[] x;
    /** What the last forward read as the first layer's input (x, or the caller's array from inputOffset). */
    private double[] input;
    private int inputOffset;
    private double[] copiedFrom;
    private int copiedRows;
    private int n = -1;
    private double[][] wt;

    PlainPath(int[] in, int[] out, Activation[] act, boolean single, int inputDim, boolean appendOne) {
        this.layers = in.length;
        this.in = in;
        this.out = out;
        this.act = act;
        this.single = single;
        this.inputDim = inputDim;
        this.appendOne = appendOne;
    }

    /** Multiply-adds of one row through every layer. */
    static long rowMultiplyAdds(int[] in, int[] out) {
        long s = 0;
        for (int k = 0; k < in.length; k++) {
            s += (long) in[k] * out[k];
        }
        return s;
    }

    /**
     * Whether a batch of n rows goes here: tiny layers at any batch size, or a batch whose every product
     * {@link SmallGemm} would do in Java anyway (then the two paths agree bit for bit).
     */
    static boolean applies(int[] in, int[] out, int n) {
        long row = rowMultiplyAdds(in, out);
        if (row <= MAX_ROW_MULTIPLY_ADDS) {
            return true;
        }
        for (int k = 0; k < in.length; k++) {
            if ((long) n * in[k] * out[k] > SmallGemm.MAX_MULTIPLY_ADDS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The output of layer upTo for points first..first+m-1 of src (row-major, inputDim columns, without
     * the constant); the activations stay for {@link #backward}. With {@code unchanged} the caller
     * promises src is the same, unmodified array as in the previous call (the full training set), so a
     * copy made then is still good. Returns a fresh array.
     */
    double[] forward(double[] src, int first, int m, double[][] w, double[][] b, int upTo, boolean unchanged) {
        ensure(m);
        weights(w);
        input = input(src, first, m, unchanged);
        inputOffset = input == src ? first * inputDim : 0;
        int offset = inputOffset;
        double[] prev = input;
        for (int k = 0; k <= upTo; k++) {
            product(k, prev, offset, b[k], m);
            activate(k, m);
            prev = h[k];
            offset = 0;
        }
        double[] r = new double[m * out[upTo]];
        System.arraycopy(h[upTo], 0, r, 0, r.length);
        return r;
    }

    /** The first layer's input: src itself where it already is that (float64, no constant), else a copy. */
    private double[] input(double[] src, int first, int m, boolean unchanged) {
        if (!single && !appendOne) {
            copiedFrom = null;
            return src;
        }
        if (unchanged && src == copiedFrom && first == 0 && m == copiedRows) {
            return x;
        }
        int cols = in[0];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < inputDim; j++) {
                x[i * cols + j] = round(src[(first + i) * inputDim + j]);
            }
            if (appendOne) {
                x[i * cols + inputDim] = 1;
            }
        }
        copiedFrom = first == 0 ? src : null;
        copiedRows = m;
        return x;
    }

    /**
     * z = prev w + b, as SmallGemm (sums in double from 0, in index order, then rounded) and
     * ActivationKernels.forward (the bias added in the stored precision; z keeps a -0 without a bias).
     */
    private void product(int k, double[] prev, int offset, double[] bias, int m) {
        int a = in[k], o = out[k];
        double[] wk = wt[k], zk = z[k];
        if (a <= 2 && o <= 2) {
            productOfTwo(prev, offset, wk, bias, zk, m, a, o);
            return;
        }
        for (int i = 0; i < m; i++) {
            int xo = offset + i * a, zo = i * o;
            for (int j = 0; j < o; j++) {
                double s = 0;
                for (int l = 0; l < a; l++) {
                    s += prev[xo + l] * wk[l * o + j];
                }
                zk[zo + j] = bias == null ? round(s) : round(round(s) + round(bias[j]));
            }
        }
    }

    /**
     * The same sums as {@link #product} for layers of at most two inputs and two units (van den Berg's
     * 2-1-2 net), written out: the JIT handles a loop of one or two trips poorly.
     */
    private void productOfTwo(double[] prev, int offset, double[] wk, double[] bias, double[] zk, int m, int a, int o) {
        double w00 = wk[0], w01 = o == 2 ? wk[1] : 0, w10 = a == 2 ? wk[o] : 0, w11 = a == 2 && o == 2 ? wk[o + 1] : 0;
        double b0 = bias == null ? 0 : round(bias[0]), b1 = bias != null && o == 2 ? round(bias[1]) : 0;
        boolean hasBias = bias != null;
        for (int i = 0; i < m; i++) {
            int xo = offset + i * a, zo = i * o;
            double p0 = prev[xo];
            double s0 = a == 2 ? 0.0 + p0 * w00 + prev[xo + 1] * w10 : 0.0 + p0 * w00;
            zk[zo] = hasBias ? round(round(s0) + b0) : round(s0);
            if (o == 2) {
                double s1 = a == 2 ? 0.0 + p0 * w01 + prev[xo + 1] * w11 : 0.0 + p0 * w01;
                zk[zo + 1] = hasBias ? round(round(s1) + b1) : round(s1);
            }
        }
    }

    /** h = f(z), each kind in its own loop (the same expressions as Activation.apply). */
    private void activate(int k, int m) {
        Activation f = act[k];
        double[] zk = z[k], hk = h[k];
        int len = m * out[k];
        switch (f.kind()) {
            case LINEAR:
                return; // h is z
            case RELU:
            case LEAKY_RELU: {
                double neg = round(ActivationKernels.negSlope(f));
                for (int i = 0; i < len; i++) {
                    double v = zk[i];
                    hk[i] = v > 0 ? v : round(neg * v);
                }
                return;
            }
            case SYMMETRIC_SIGMOID:
            case TANH: {
                double c = Transcendentals.tanhScale(f);
                if (!single) {
                    Transcendentals.tanh(zk, len, c, hk); // as ActivationKernels' float64 loop
                    return;
                }
                for (int i = 0; i < len; i++) {
                    hk[i] = round(StableMath.tanh(c * zk[i]));
                }
                return;
            }
            default:
                for (int i = 0; i < len; i++) {
                    hk[i] = round(f.apply(zk[i]));
                }
        }
    }

    /**
     * Back-propagates dLoss/dlogits through the last forward, as Network.backward's general path does:
     * gradients of layers with need[k], nothing below the lowest of them.
     */
    void backward(double[] dLogits, boolean[] need, double[][] gw, double[][] gb) {
        int lowest = -1;
        for (int k = 0; k < layers; k++) {
            if (need[k]) {
                lowest = k;
                break;
            }
        }
        if (lowest < 0) {
            return;
        }
        int top = layers - 1;
        double[] gt = g[top];
        for (int i = 0; i < n * out[top]; i++) {
            gt[i] = round(dLogits[i]);
        }
        for (int k = top; k >= lowest; k--) {
            activationBackward(k, need[k] ? gb[k] : null);
            double[] prev = k == 0 ? input : h[k - 1];
            if (need[k]) {
                weightGradient(k, prev, k == 0 ? inputOffset : 0, gw[k]);
            }
            if (k > lowest) {
                errorBelow(k);
            }
        }
    }

    /** g = g * f'(z), with the bias gradient as the column sums (float sums for float32, as ActivationKernels). */
    private void activationBackward(int k, double[] biasGrad) {
        int o = out[k], len = n * o;
        double[] gk = g[k];
        slopes(k, len);
        if (biasGrad != null) {
            for (int j = 0; j < o; j++) { // a sum in a register, rows in index order: the same sum as one in the array
                double sum = 0;
                for (int p = j; p < len; p += o) {
                    sum = round(sum + gk[p]);
                }
                biasGrad[j] = sum;
            }
        }
    }

    /**
     * g = g * f'(z) in place. In float64 the smooth activations' slopes come from their stored output (h
     * is exactly the value f'(z) would recompute, so this is the same number without a second
     * exponential); in float32 h was rounded, so f'(z) is evaluated as the general path does.
     */
    private void slopes(int k, int len) {
        Activation f = act[k];
        double[] gk = g[k], zk = z[k], hk = h[k];
        switch (f.kind()) {
            case LINEAR:
                return;
            case RELU:
            case LEAKY_RELU: {
                double neg = round(ActivationKernels.negSlope(f));
                for (int i = 0; i < len; i++) {
                    gk[i] = round(gk[i] * (zk[i] > 0 ? 1 : neg));
                }
                return;
            }
            case SYMMETRIC_SIGMOID:
                if (!single) {
                    double c = 0.5 * f.param();
                    for (int i = 0; i < len; i++) {
                        gk[i] *= c * (1 - hk[i] * hk[i]);
                    }
                    return;
                }
                break;
            case TANH:
                if (!single) {
                    for (int i = 0; i < len; i++) {
                        gk[i] *= 1 - hk[i] * hk[i];
                    }
                    return;
                }
                break;
            case LOGISTIC:
                if (!single) {
                    double c = f.param();
                    for (int i = 0; i < len; i++) {
                        gk[i] *= c * hk[i] * (1 - hk[i]);
                    }
                    return;
                }
                break;
            default:
                break;
        }
        for (int i = 0; i < len; i++) {
            gk[i] = round(gk[i] * round(f.derivative(zk[i])));
        }
    }

    /** gw[l][j] = sum_i prev[i][l] g[i][j], the sum over rows in index order. */
    private void weightGradient(int k, double[] prev, int offset, double[] gwk) {
        int a = in[k], o = out[k];
        double[] gk = g[k];
        if (a == 2 && o == 1) { // both sums in one pass (van den Berg's first layer): the same two sums
            double s0 = 0, s1 = 0;
            for (int i = 0; i < n; i++) {
                double gi = gk[i];
                s0 += prev[offset + 2 * i] * gi;
                s1 += prev[offset + 2 * i + 1] * gi;
            }
            gwk[0] = round(s0);
            gwk[1] = round(s1);
            return;
        }
        for (int l = 0; l < a; l++) {
            for (int j = 0; j < o; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += prev[offset + i * a + l] * gk[i * o + j];
                }
                gwk[l * o + j] = round(s);
            }
        }
    }

    /** g[k-1][i][l] = sum_j g[k][i][j] w[k][l][j]. */
    private void errorBelow(int k) {
        int a = in[k], o = out[k];
        double[] gk = g[k], below = g[k - 1], wk = wt[k];
        if (a == 1 && o <= 2) {
            double w0 = wk[0], w1 = o == 2 ? wk[1] : 0;
            for (int i = 0; i < n; i++) {
                below[i] = round(o == 2 ? 0.0 + gk[2 * i] * w0 + gk[2 * i + 1] * w1 : 0.0 + gk[i] * w0);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < a; l++) {
                double s = 0;
                for (int j = 0; j < o; j++) {
                    s += gk[i * o + j] * wk[l * o + j];
                }
                below[i * a + l] = round(s);
            }
        }
    }

    private double round(double v) {
        return single ? (float) v : v;
    }

    /** The weights as the general path's mirror holds them (rounded to float for float32 nets). */
    private void weights(double[][] w) {
        if (wt == null) {
            wt = new double[layers][];
        }
        for (int k = 0; k < layers; k++) {
            if (!single) {
                wt[k] = w[k];
                continue;
            }
            if (wt[k] == null || wt[k] == w[k]) {
                wt[k] = new double[w[k].length];
            }
            for (int i = 0; i < w[k].length; i++) {
                wt[k][i] = (float) w[k][i];
            }
        }
    }

    /** Arrays for at least m rows (kept when large enough: inference alternates between batch sizes). */
    private void ensure(int m) {
        n = m;
        if (x != null && x.length >= m * in[0]) {
            return;
        }
        copiedFrom = null;
        x = new double[m * in[0]];
        z = new double[layers][];
        h = new double[layers][];
        g = new double[layers][];
        for (int k = 0; k < layers; k++) {
            z[k] = new double[m * out[k]];
            h[k] = act[k].kind() == ActivationKind.LINEAR ? z[k] : new double[m * out[k]];
            g[k] = new double[m * out[k]];
        }
    }
}
