package org.marginscope.model;


/**
 * A fused kernel for the shape that dominates Li et al.'s reference net: a narrow input (d <= 4)
 * into a wide hidden layer, followed by a narrow layer (<= 8 units). The wide activations are
 * never stored: forward computes the second layer's pre-activation row by row, and backward
 * recomputes the wide layer from the input (two multiply-adds per unit), so each step touches no
 * n x width buffer at all (shared/notes/nd4j-speed.md: the ND4J path is bound by traffic through
 * those buffers). Arithmetic in double. Rows are split into a fixed number of chunks whose partial
 * gradients are summed in chunk order, so results do not depend on the thread count. Checked
 * against the general path by GradientCheckTest and FusedBottomPairTest.
 */
final class FusedBottomPair {
    static final int MAX_INPUT = 4;
    static final int MIN_WIDE = 64;
    static final int MAX_NARROW = 8;
    private static final int CHUNKS = 8;

    private FusedBottomPair() {
    }

    static boolean applies(int[] in, int[] out, int layers) {
        return layers >= 2 && in[0] <= MAX_INPUT && out[0] >= MIN_WIDE && out[1] <= MAX_NARROW;
    }

    /** The inputs of the first layer: the points, plus a constant 1 when the spec appends one. */
    record Input(double[] x, int n, int d, boolean appendOne) {
        int cols() {
            return d + (appendOne ? 1 : 0);
        }

        double get(int i, int c) {
            return c < d ? x[i * d + c] : 1.0;
        }
    }

    /** Rows per block in the forward pass: block arrays stay in the L1 cache. */
    private static final int BLOCK = 256;

    /**
     * z2 (n x p, row-major) = act1(x W1 + b1) W2, without the second layer's bias. Rows go in blocks
     * with the row index innermost, so every inner loop is element-wise and vectorises.
     */
    static void forward(Input in, double[] w1, double[] b1, Activation a1, int m, double[] w2, int p, double[] z2) {
        int cols = in.cols();
        if (commonCase(in, a1, p)) {
            if (Simd.enabled()) {
                FusedPairVectorKernel.forwardDouble(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, z2);
            } else {
                forwardSmall(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, z2, false);
            }
            return;
        }
        int chunk = (in.n() + CHUNKS - 1) / CHUNKS;
        Chunks.forEach(CHUNKS, c -> {
            int from = c * chunk, to = Math.min(in.n(), from + chunk);
            double[][] xcol = new double[cols][BLOCK];
            double[][] acc = new double[p][BLOCK];
            double[] z = new double[BLOCK];
            for (int start = from; start < to; start += BLOCK) {
                int len = Math.min(BLOCK, to - start);
                for (int i = 0; i < len; i++) {
                    for (int k = 0; k < cols; k++) {
                        xcol[k][i] = in.get(start + i, k);
                    }
                }
                for (double[] a : acc) {
                    java.util.Arrays.fill(a, 0);
                }
                for (int j = 0; j < m; j++) {
                    java.util.Arrays.fill(z, 0, len, b1 == null ? 0 : b1[j]);
                    for (int k = 0; k < cols; k++) {
                        double wkj = w1[k * m + j];
                        double[] xk = xcol[k];
                        for (int i = 0; i < len; i++) {
                            z[i] += xk[i] * wkj;
                        }
                    }
                    activate(a1, z, len);
                    for (int q = 0; q < p; q++) {
                        double wq = w2[j * p + q];
                        double[] aq = acc[q];
                        for (int i = 0; i < len; i++) {
                            aq[i] += z[i] * wq;
                        }
                    }
                }
                for (int i = 0; i < len; i++) {
                    for (int q = 0; q < p; q++) {
                        z2[(start + i) * p + q] = acc[q][i];
                    }
                }
            }
        });
    }

    /** The shape the single-pass loops (and the vector kernel) handle. */
    private static boolean commonCase(Input in, Activation a1, int p) {
        return in.cols() <= 3 && p <= 2 && a1.isPiecewiseLinearThroughZero();
    }

    /**
     * The forward pass of float32 runs: the common shape in float arithmetic (twice the vector
     * width); other shapes take the double pass. The backward pass of float32 runs is float on the
     * vector kernel and double in the scalar loops.
     */
    static void forwardFloat(Input in, double[] w1, double[] b1, Activation a1, int m, double[] w2, int p, double[] z2) {
        if (commonCase(in, a1, p) && Simd.enabled()) {
            FusedPairVectorKernel.forwardFloat(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, z2);
        } else if (commonCase(in, a1, p)) {
            forwardSmall(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, z2, true);
        } else {
            forward(in, w1, b1, a1, m, w2, p, z2);
        }
    }

    /**
     * The common case (at most 3 inputs, at most 2 narrow units, piecewise-linear activation) in a
     * single element-wise pass per unit and row block: inputs and outputs padded to 3 and 2 with zeros.
     * Four loads and two stores per element, so the loop runs at vector speed.
     */
    private static void forwardSmall(Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                                     double[] z2, boolean single) {
        int cols = in.cols();
        int chunk = (in.n() + CHUNKS - 1) / CHUNKS;
        Chunks.forEach(CHUNKS, c -> {
            int from = c * chunk, to = Math.min(in.n(), from + chunk);
            if (single) {
                float[] x0 = new float[BLOCK], x1 = new float[BLOCK], x2 = new float[BLOCK];
                float[] a0 = new float[BLOCK], a1 = new float[BLOCK];
                float ng = (float) neg;
                for (int start = from; start < to; start += BLOCK) {
                    int len = Math.min(BLOCK, to - start);
                    for (int i = 0; i < len; i++) {
                        x0[i] = (float) in.get(start + i, 0);
                        x1[i] = cols > 1 ? (float) in.get(start + i, 1) : 0f;
                        x2[i] = cols > 2 ? (float) in.get(start + i, 2) : 0f;
                        a0[i] = 0f;
                        a1[i] = 0f;
                    }
                    for (int j = 0; j < m; j++) {
                        float bj = b1 == null ? 0f : (float) b1[j];
                        float u0 = (float) w1[j], u1 = cols > 1 ? (float) w1[m + j] : 0f, u2 = cols > 2 ? (float) w1[2 * m + j] : 0f;
                        float v0 = (float) w2[j * p], v1 = p > 1 ? (float) w2[j * p + 1] : 0f;
                        for (int i = 0; i < len; i++) {
                            float z = bj + x0[i] * u0 + x1[i] * u1 + x2[i] * u2;
                            float h = Math.max(z, ng * z); // = leaky(z) for 0 <= alpha <= 1; vectorises
                            a0[i] += h * v0;
                            a1[i] += h * v1;
                        }
                    }
                    for (int i = 0; i < len; i++) {
                        z2[(start + i) * p] = a0[i];
                        if (p > 1) {
                            z2[(start + i) * p + 1] = a1[i];
                        }
                    }
                }
            } else {
                double[] x0 = new double[BLOCK], x1 = new double[BLOCK], x2 = new double[BLOCK];
                double[] a0 = new double[BLOCK], a1 = new double[BLOCK];
                for (int start = from; start < to; start += BLOCK) {
                    int len = Math.min(BLOCK, to - start);
                    for (int i = 0; i < len; i++) {
                        x0[i] = in.get(start + i, 0);
                        x1[i] = cols > 1 ? in.get(start + i, 1) : 0;
                        x2[i] = cols > 2 ? in.get(start + i, 2) : 0;
                        a0[i] = 0;
                        a1[i] = 0;
                    }
                    for (int j = 0; j < m; j++) {
                        double bj = b1 == null ? 0 : b1[j];
                        double u0 = w1[j], u1 = cols > 1 ? w1[m + j] : 0, u2 = cols > 2 ? w1[2 * m + j] : 0;
                        double v0 = w2[j * p], v1 = p > 1 ? w2[j * p + 1] : 0;
                        for (int i = 0; i < len; i++) {
                            double z = bj + x0[i] * u0 + x1[i] * u1 + x2[i] * u2;
                            double h = Math.max(z, neg * z);
                            a0[i] += h * v0;
                            a1[i] += h * v1;
                        }
                    }
                    for (int i = 0; i < len; i++) {
                        z2[(start + i) * p] = a0[i];
                        if (p > 1) {
                            z2[(start + i) * p + 1] = a1[i];
                        }
                    }
                }
            }
        });
    }

    /** In place: v = act(v) over the first len entries. */
    private static void activate(Activation a, double[] v, int len) {
        if (a.isPiecewiseLinearThroughZero()) {
            double neg = ActivationKernels.negSlope(a);
            for (int i = 0; i < len; i++) {
                double x = v[i];
                v[i] = x > 0 ? x : neg * x;
            }
        } else {
            for (int i = 0; i < len; i++) {
                v[i] = a.apply(v[i]);
            }
        }
    }

    /**
     * Given g2 = dLoss/dz2 (n x p), fills gw1 (cols x m), gb1 (m, may be null) and gw2 (m x p). Blocks
     * of rows with the row index innermost: the masked gradient of one unit over a block is built
     * element-wise, then reduced by dot products with independent partial sums.
     */
    static void backward(Input in, double[] w1, double[] b1, Activation a1, int m, double[] w2, int p, double[] g2,
                         double[] gw1, double[] gb1, double[] gw2) {
        backward(in, w1, b1, a1, m, w2, p, g2, gw1, gb1, gw2, false);
    }

    /** As {@link #backward}; {@code single}: a float32 network, whose vector kernel computes in float. */
    static void backward(Input in, double[] w1, double[] b1, Activation a1, int m, double[] w2, int p, double[] g2,
                         double[] gw1, double[] gb1, double[] gw2, boolean single) {
        int cols = in.cols();
        if (commonCase(in, a1, p) && Simd.enabled()) {
            if (single) {
                FusedPairVectorKernel.backwardFloat(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, g2, gw1, gb1, gw2);
            } else {
                FusedPairVectorKernel.backwardDouble(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, g2, gw1, gb1, gw2);
            }
            return;
        }
        if (commonCase(in, a1, p)) {
            backwardSmall(in, w1, b1, ActivationKernels.negSlope(a1), m, w2, p, g2, gw1, gb1, gw2);
            return;
        }
        int chunk = (in.n() + CHUNKS - 1) / CHUNKS;
        boolean pl = a1.isPiecewiseLinearThroughZero();
        double neg = pl ? ActivationKernels.negSlope(a1) : 0;
        double[][] pw1 = new double[CHUNKS][], pb1 = new double[CHUNKS][], pw2 = new double[CHUNKS][];
        Chunks.forEach(CHUNKS, c -> {
            int from = c * chunk, to = Math.min(in.n(), from + chunk);
            double[][] xcol = new double[cols][BLOCK];
            double[][] gcol = new double[p][BLOCK];
            double[] z = new double[BLOCK], h = new double[BLOCK], g = new double[BLOCK];
            double[] lw1 = new double[cols * m], lb1 = new double[m], lw2 = new double[m * p];
            for (int start = from; start < to; start += BLOCK) {
                int len = Math.min(BLOCK, to - start);
                for (int i = 0; i < len; i++) {
                    for (int k = 0; k < cols; k++) {
                        xcol[k][i] = in.get(start + i, k);
                    }
                    for (int q = 0; q < p; q++) {
                        gcol[q][i] = g2[(start + i) * p + q];
                    }
                }
                for (int j = 0; j < m; j++) {
                    java.util.Arrays.fill(z, 0, len, b1 == null ? 0 : b1[j]);
                    for (int k = 0; k < cols; k++) {
                        double wkj = w1[k * m + j];
                        double[] xk = xcol[k];
                        for (int i = 0; i < len; i++) {
                            z[i] += xk[i] * wkj;
                        }
                    }
                    java.util.Arrays.fill(g, 0, len, 0);
                    for (int q = 0; q < p; q++) {
                        double wq = w2[j * p + q];
                        double[] gq = gcol[q];
                        for (int i = 0; i < len; i++) {
                            g[i] += gq[i] * wq;
                        }
                    }
                    if (pl) {
                        for (int i = 0; i < len; i++) {
                            double f = z[i] > 0 ? 1 : neg;
                            h[i] = f * z[i];
                            g[i] *= f;
                        }
                    } else {
                        for (int i = 0; i < len; i++) {
                            h[i] = a1.apply(z[i]);
                            g[i] *= a1.derivative(z[i]);
                        }
                    }
                    lb1[j] += sum(g, len);
                    for (int k = 0; k < cols; k++) {
                        lw1[k * m + j] += dot(xcol[k], g, len);
                    }
                    for (int q = 0; q < p; q++) {
                        lw2[j * p + q] += dot(h, gcol[q], len);
                    }
                }
            }
            pw1[c] = lw1;
            pb1[c] = lb1;
            pw2[c] = lw2;
        });
        java.util.Arrays.fill(gw1, 0);
        java.util.Arrays.fill(gw2, 0);
        if (gb1 != null) {
            java.util.Arrays.fill(gb1, 0);
        }
        for (int c = 0; c < CHUNKS; c++) {
            add(gw1, pw1[c]);
            add(gw2, pw2[c]);
            if (gb1 != null) {
                add(gb1, pb1[c]);
            }
        }
    }

    /**
     * The common case (at most 3 inputs, at most 2 narrow units, a piecewise-linear activation) in
     * one pass per unit and block: inputs and narrow gradients padded to 3 and 2 with zeros, all
     * six reductions in scalar accumulators.
     */
    private static void backwardSmall(Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                                      double[] g2, double[] gw1, double[] gb1, double[] gw2) {
        int cols = in.cols();
        int chunk = (in.n() + CHUNKS - 1) / CHUNKS;
        double[][] partial = new double[CHUNKS][];
        Chunks.forEach(CHUNKS, c -> {
            int from = c * chunk, to = Math.min(in.n(), from + chunk);
            double[] x0 = new double[BLOCK], x1 = new double[BLOCK], x2 = new double[BLOCK];
            double[] ga = new double[BLOCK], gbv = new double[BLOCK];
            // per unit j: bias, 3 input weights, 2 output weights
            double[] acc = new double[6 * m];
            for (int start = from; start < to; start += BLOCK) {
                int len = Math.min(BLOCK, to - start);
                for (int i = 0; i < len; i++) {
                    int r = start + i;
                    x0[i] = in.get(r, 0);
                    x1[i] = cols > 1 ? in.get(r, 1) : 0;
                    x2[i] = cols > 2 ? in.get(r, 2) : 0;
                    ga[i] = g2[r * p];
                    gbv[i] = p > 1 ? g2[r * p + 1] : 0;
                }
                for (int j = 0; j < m; j++) {
                    double bj = b1 == null ? 0 : b1[j];
                    double u0 = w1[j], u1 = cols > 1 ? w1[m + j] : 0, u2 = cols > 2 ? w1[2 * m + j] : 0;
                    double v0 = w2[j * p], v1 = p > 1 ? w2[j * p + 1] : 0;
                    double sb = 0, s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0;
                    for (int i = 0; i < len; i++) {
                        double z = bj + x0[i] * u0 + x1[i] * u1 + x2[i] * u2;
                        double f = z > 0 ? 1 : neg;
                        double h = f * z;
                        double g = f * (ga[i] * v0 + gbv[i] * v1);
                        sb += g;
                        s0 += x0[i] * g;
                        s1 += x1[i] * g;
                        s2 += x2[i] * g;
                        q0 += h * ga[i];
                        q1 += h * gbv[i];
                    }
                    int o = 6 * j;
                    acc[o] += sb;
                    acc[o + 1] += s0;
                    acc[o + 2] += s1;
                    acc[o + 3] += s2;
                    acc[o + 4] += q0;
                    acc[o + 5] += q1;
                }
            }
            partial[c] = acc;
        });
        java.util.Arrays.fill(gw1, 0);
        java.util.Arrays.fill(gw2, 0);
        if (gb1 != null) {
            java.util.Arrays.fill(gb1, 0);
        }
        for (int c = 0; c < CHUNKS; c++) {
            double[] acc = partial[c];
            for (int j = 0; j < m; j++) {
                int o = 6 * j;
                if (gb1 != null) {
                    gb1[j] += acc[o];
                }
                for (int k = 0; k < cols; k++) {
                    gw1[k * m + j] += acc[o + 1 + k];
                }
                for (int q = 0; q < p; q++) {
                    gw2[j * p + q] += acc[o + 4 + q];
                }
            }
        }
    }

    /** Four independent partial sums, so the additions do not wait on each other. */
    private static double dot(double[] a, double[] b, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sum(double[] a, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void add(double[] into, double[] v) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i];
        }
    }
}
