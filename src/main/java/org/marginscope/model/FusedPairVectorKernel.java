package org.marginscope.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FusedBottomPair}'s common case (at most 3 inputs, at most 2 narrow units, a piecewise
 * linear activation through zero) on the JDK's Vector API, in float for float32 networks and in
 * double for float64 ones. Only touched when {@link Simd#enabled()}.
 *
 * <p>Results do not depend on the vector width or the thread count: in the forward pass each lane
 * is one row and the wide units are added in index order; in the backward pass each lane is one
 * wide unit and rows are added in index order (in float within blocks of {@link #ROW_BLOCK} rows,
 * blocks summed in double). Scalar tails use {@link Math#fma} so they compute exactly what a lane
 * does. Inputs and narrow units are padded with zeros to 3 and 2.
 */
final class FusedPairVectorKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Rows summed in float before the sums go into double. */
    static final int ROW_BLOCK = 256;
    /** Work items for the fork-join pool (rows in forward, units in backward); fixed, so results are too. */
    private static final int CHUNKS = 8;

    private FusedPairVectorKernel() {
    }

    static int vectorBits() {
        return F.vectorBitSize();
    }

    /** The rows as columns (x0, x1, x2), padded with zeros, in float. */
    private static float[][] columnsFloat(FusedBottomPair.Input in) {
        int n = in.n(), cols = in.cols();
        float[][] x = new float[3][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < cols; k++) {
                x[k][i] = (float) in.get(i, k);
            }
        }
        return x;
    }

    private static double[][] columnsDouble(FusedBottomPair.Input in) {
        int n = in.n(), cols = in.cols();
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < cols; k++) {
                x[k][i] = in.get(i, k);
            }
        }
        return x;
    }

    /** Row k of the padded weights: u[0..2] the input weights, u[3] the bias, u[4..5] the outgoing weights. */
    private static double[][] unitParams(double[] w1, double[] b1, int cols, int m, double[] w2, int p) {
        double[][] u = new double[6][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < cols; k++) {
                u[k][j] = w1[k * m + j];
            }
            u[3][j] = b1 == null ? 0 : b1[j];
            for (int q = 0; q < p; q++) {
                u[4 + q][j] = w2[j * p + q];
            }
        }
        return u;
    }

    private static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][];
        for (int r = 0; r < a.length; r++) {
            f[r] = new float[a[r].length];
            for (int i = 0; i < a[r].length; i++) {
                f[r][i] = (float) a[r][i];
            }
        }
        return f;
    }

    // ---- float ----

    static void forwardFloat(FusedBottomPair.Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                             double[] z2) {
        float[][] x = columnsFloat(in);
        float[][] u = toFloat(unitParams(w1, b1, in.cols(), m, w2, p));
        int n = in.n(), lanes = F.length();
        int step = 4 * lanes;
        int blocks = (n + step - 1) / step;
        int per = (blocks + CHUNKS - 1) / CHUNKS;
        float ng = (float) neg;
        Chunks.forEach(CHUNKS, c -> {
            int from = Math.min(n, c * per * step), to = Math.min(n, (c + 1) * per * step);
            int i = from;
            for (; i + step <= to; i += step) {
                forwardFloatBlock(x, u, m, ng, i, p, z2, in.cols() > 2);
            }
            for (; i < to; i++) {
                forwardFloatRow(x, u, m, ng, i, p, z2);
            }
        });
    }

    /** Four vectors of rows, their narrow sums kept in registers over all wide units. */
    private static void forwardFloatBlock(float[][] x, float[][] u, int m, float ng, int i, int p, double[] z2,
                                          boolean three) {
        int l = F.length();
        FloatVector x0a = FloatVector.fromArray(F, x[0], i), x0b = FloatVector.fromArray(F, x[0], i + l);
        FloatVector x0c = FloatVector.fromArray(F, x[0], i + 2 * l), x0d = FloatVector.fromArray(F, x[0], i + 3 * l);
        FloatVector x1a = FloatVector.fromArray(F, x[1], i), x1b = FloatVector.fromArray(F, x[1], i + l);
        FloatVector x1c = FloatVector.fromArray(F, x[1], i + 2 * l), x1d = FloatVector.fromArray(F, x[1], i + 3 * l);
        FloatVector x2a = FloatVector.fromArray(F, x[2], i), x2b = FloatVector.fromArray(F, x[2], i + l);
        FloatVector x2c = FloatVector.fromArray(F, x[2], i + 2 * l), x2d = FloatVector.fromArray(F, x[2], i + 3 * l);
        FloatVector zero = FloatVector.zero(F);
        FloatVector a0a = zero, a0b = zero, a0c = zero, a0d = zero, a1a = zero, a1b = zero, a1c = zero, a1d = zero;
        float[] u0 = u[0], u1 = u[1], u2 = u[2], bias = u[3], v0 = u[4], v1 = u[5];
        for (int j = 0; j < m; j++) {
            FloatVector w0 = FloatVector.broadcast(F, u0[j]), w1 = FloatVector.broadcast(F, u1[j]);
            FloatVector w2 = FloatVector.broadcast(F, u2[j]), b = FloatVector.broadcast(F, bias[j]);
            FloatVector c0 = FloatVector.broadcast(F, v0[j]), c1 = FloatVector.broadcast(F, v1[j]);
            FloatVector h;
            h = x1a.fma(w1, x0a.fma(w0, b));
            h = leaky(three ? x2a.fma(w2, h) : h, ng);
            a0a = h.fma(c0, a0a);
            a1a = h.fma(c1, a1a);
            h = x1b.fma(w1, x0b.fma(w0, b));
            h = leaky(three ? x2b.fma(w2, h) : h, ng);
            a0b = h.fma(c0, a0b);
            a1b = h.fma(c1, a1b);
            h = x1c.fma(w1, x0c.fma(w0, b));
            h = leaky(three ? x2c.fma(w2, h) : h, ng);
            a0c = h.fma(c0, a0c);
            a1c = h.fma(c1, a1c);
            h = x1d.fma(w1, x0d.fma(w0, b));
            h = leaky(three ? x2d.fma(w2, h) : h, ng);
            a0d = h.fma(c0, a0d);
            a1d = h.fma(c1, a1d);
        }
        storeFloat(a0a, a1a, i, p, z2);
        storeFloat(a0b, a1b, i + l, p, z2);
        storeFloat(a0c, a1c, i + 2 * l, p, z2);
        storeFloat(a0d, a1d, i + 3 * l, p, z2);
    }

    private static FloatVector leaky(FloatVector z, float ng) {
        return ng == 0f ? z.max(0f) : z.max(z.mul(ng));
    }

    private static void storeFloat(FloatVector a0, FloatVector a1, int i, int p, double[] z2) {
        float[] l0 = a0.toArray(), l1 = a1.toArray(); // lane(k) with a variable k is not intrinsified in JDK 17
        for (int k = 0; k < l0.length; k++) {
            z2[(i + k) * p] = l0[k];
            if (p > 1) {
                z2[(i + k) * p + 1] = l1[k];
            }
        }
    }

    /** One row as one lane computes it. */
    private static void forwardFloatRow(float[][] x, float[][] u, int m, float ng, int i, int p, double[] z2) {
        float a0 = 0, a1 = 0;
        for (int j = 0; j < m; j++) {
            float z = Math.fma(x[2][i], u[2][j], Math.fma(x[1][i], u[1][j], Math.fma(x[0][i], u[0][j], u[3][j])));
            float h = ng == 0f ? Math.max(z, 0f) : Math.max(z, z * ng);
            a0 = Math.fma(h, u[4][j], a0);
            a1 = Math.fma(h, u[5][j], a1);
        }
        z2[i * p] = a0;
        if (p > 1) {
            z2[i * p + 1] = a1;
        }
    }

    /**
     * Fills gw1 (cols x m), gb1 (m, may be null) and gw2 (m x p) from g2 = dLoss/dz2 (n x p). Units
     * are split over the pool; every unit sees all rows in order.
     */
    static void backwardFloat(FusedBottomPair.Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                              double[] g2, double[] gw1, double[] gb1, double[] gw2) {
        float[][] x = columnsFloat(in);
        int n = in.n(), cols = in.cols();
        float[] ga = new float[n], gb = new float[n];
        for (int i = 0; i < n; i++) {
            ga[i] = (float) g2[i * p];
            gb[i] = p > 1 ? (float) g2[i * p + 1] : 0f;
        }
        float[][] u = toFloat(unitParams(w1, b1, cols, m, w2, p));
        // sums per unit: bias, three input weights, two outgoing weights
        double[][] s = new double[6][m];
        int lanes = F.length();
        int vectors = (m + lanes - 1) / lanes;
        int per = (vectors + CHUNKS - 1) / CHUNKS;
        float ng = (float) neg;
        Chunks.forEach(CHUNKS, c -> {
            int from = Math.min(m, c * per * lanes), to = Math.min(m, (c + 1) * per * lanes);
            int j = from;
            float[] lane = new float[12 * lanes];
            for (; j + 2 * lanes <= to; j += 2 * lanes) {
                backwardFloatUnits(x, ga, gb, u, ng, j, n, s, lane, true, cols > 2);
            }
            for (; j + lanes <= to; j += lanes) {
                backwardFloatUnits(x, ga, gb, u, ng, j, n, s, lane, false, cols > 2);
            }
            for (; j < to; j++) {
                backwardFloatUnit(x, ga, gb, u, ng, j, n, s);
            }
        });
        scatter(s, cols, m, p, gw1, gb1, gw2);
    }

    /**
     * Two vectors of units over all rows, sharing each row's broadcasts; with {@code two} false the
     * second is a copy of the first whose sums are not kept (one branch-free loop either way: a loop
     * with a branch on {@code two} compiled about twice as slow). The third input's terms are left
     * out when there is none ({@code three} false: its x and weight are 0).
     */
    private static void backwardFloatUnits(float[][] x, float[] ga, float[] gb, float[][] u, float ng, int j, int n,
                                           double[][] s, float[] lane, boolean two, boolean three) {
        int k = two ? j + F.length() : j;
        FloatVector w0 = FloatVector.fromArray(F, u[0], j), w1 = FloatVector.fromArray(F, u[1], j);
        FloatVector w2 = FloatVector.fromArray(F, u[2], j), b = FloatVector.fromArray(F, u[3], j);
        FloatVector c0 = FloatVector.fromArray(F, u[4], j), c1 = FloatVector.fromArray(F, u[5], j);
        FloatVector v0 = FloatVector.fromArray(F, u[0], k), v1 = FloatVector.fromArray(F, u[1], k);
        FloatVector v2 = FloatVector.fromArray(F, u[2], k), bk = FloatVector.fromArray(F, u[3], k);
        FloatVector e0 = FloatVector.fromArray(F, u[4], k), e1 = FloatVector.fromArray(F, u[5], k);
        FloatVector zero = FloatVector.zero(F);
        float[] x0 = x[0], x1 = x[1], x2 = x[2];
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int end = Math.min(n, start + ROW_BLOCK);
            FloatVector sb = zero, s0 = zero, s1 = zero, s2 = zero, q0 = zero, q1 = zero;
            FloatVector tb = zero, t0 = zero, t1 = zero, t2 = zero, r0 = zero, r1 = zero;
            for (int i = start; i < end; i++) {
                FloatVector xa = FloatVector.broadcast(F, x0[i]), xb = FloatVector.broadcast(F, x1[i]);
                FloatVector xc = FloatVector.broadcast(F, x2[i]);
                FloatVector g0 = FloatVector.broadcast(F, ga[i]), g1 = FloatVector.broadcast(F, gb[i]);
                FloatVector z = w1.fma(xb, w0.fma(xa, b));
                if (three) {
                    z = w2.fma(xc, z);
                }
                FloatVector g = c1.fma(g1, c0.mul(g0));
                VectorMask<Float> on = z.compare(VectorOperators.GT, 0f);
                FloatVector d = (ng == 0f ? zero : g.mul(ng)).blend(g, on);
                FloatVector h = (ng == 0f ? zero : z.mul(ng)).blend(z, on);
                sb = sb.add(d);
                s0 = d.fma(xa, s0);
                s1 = d.fma(xb, s1);
                if (three) {
                    s2 = d.fma(xc, s2);
                }
                q0 = h.fma(g0, q0);
                q1 = h.fma(g1, q1);
                z = v1.fma(xb, v0.fma(xa, bk));
                if (three) {
                    z = v2.fma(xc, z);
                }
                g = e1.fma(g1, e0.mul(g0));
                on = z.compare(VectorOperators.GT, 0f);
                d = (ng == 0f ? zero : g.mul(ng)).blend(g, on);
                h = (ng == 0f ? zero : z.mul(ng)).blend(z, on);
                tb = tb.add(d);
                t0 = d.fma(xa, t0);
                t1 = d.fma(xb, t1);
                if (three) {
                    t2 = d.fma(xc, t2);
                }
                r0 = h.fma(g0, r0);
                r1 = h.fma(g1, r1);
            }
            int l = F.length();
            sb.intoArray(lane, 0);
            s0.intoArray(lane, l);
            s1.intoArray(lane, 2 * l);
            s2.intoArray(lane, 3 * l);
            q0.intoArray(lane, 4 * l);
            q1.intoArray(lane, 5 * l);
            if (two) {
                tb.intoArray(lane, 6 * l);
                t0.intoArray(lane, 7 * l);
                t1.intoArray(lane, 8 * l);
                t2.intoArray(lane, 9 * l);
                r0.intoArray(lane, 10 * l);
                r1.intoArray(lane, 11 * l);
            }
            for (int r = 0; r < 6; r++) {
                for (int q = 0; q < l; q++) {
                    s[r][j + q] += lane[r * l + q];
                    if (two) {
                        s[r][k + q] += lane[(6 + r) * l + q];
                    }
                }
            }
        }
    }

    /** One unit as one lane computes it. */
    private static void backwardFloatUnit(float[][] x, float[] ga, float[] gb, float[][] u, float ng, int j, int n,
                                          double[][] s) {
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int end = Math.min(n, start + ROW_BLOCK);
            float sb = 0, s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0;
            for (int i = start; i < end; i++) {
                float xa = x[0][i], xb = x[1][i], xc = x[2][i], g0 = ga[i], g1 = gb[i];
                float z = Math.fma(u[2][j], xc, Math.fma(u[1][j], xb, Math.fma(u[0][j], xa, u[3][j])));
                float g = Math.fma(u[5][j], g1, u[4][j] * g0);
                boolean on = z > 0f;
                float d = on ? g : g * ng, h = ng == 0f ? Math.max(z, 0f) : on ? z : z * ng;
                sb += d;
                s0 = Math.fma(d, xa, s0);
                s1 = Math.fma(d, xb, s1);
                s2 = Math.fma(d, xc, s2);
                q0 = Math.fma(h, g0, q0);
                q1 = Math.fma(h, g1, q1);
            }
            s[0][j] += sb;
            s[1][j] += s0;
            s[2][j] += s1;
            s[3][j] += s2;
            s[4][j] += q0;
            s[5][j] += q1;
        }
    }

    private static void scatter(double[][] s, int cols, int m, int p, double[] gw1, double[] gb1, double[] gw2) {
        for (int j = 0; j < m; j++) {
            if (gb1 != null) {
                gb1[j] = s[0][j];
            }
            for (int k = 0; k < cols; k++) {
                gw1[k * m + j] = s[1 + k][j];
            }
            for (int q = 0; q < p; q++) {
                gw2[j * p + q] = s[4 + q][j];
            }
        }
    }

    // ---- double: the same loops on DoubleVector ----

    static void forwardDouble(FusedBottomPair.Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                              double[] z2) {
        double[][] x = columnsDouble(in);
        double[][] u = unitParams(w1, b1, in.cols(), m, w2, p);
        int n = in.n(), lanes = D.length();
        int step = 4 * lanes;
        int blocks = (n + step - 1) / step;
        int per = (blocks + CHUNKS - 1) / CHUNKS;
        Chunks.forEach(CHUNKS, c -> {
            int from = Math.min(n, c * per * step), to = Math.min(n, (c + 1) * per * step);
            int i = from;
            for (; i + step <= to; i += step) {
                forwardDoubleBlock(x, u, m, neg, i, p, z2, in.cols() > 2);
            }
            for (; i < to; i++) {
                forwardDoubleRow(x, u, m, neg, i, p, z2);
            }
        });
    }

    private static void forwardDoubleBlock(double[][] x, double[][] u, int m, double ng, int i, int p, double[] z2,
                                          boolean three) {
        int l = D.length();
        DoubleVector x0a = DoubleVector.fromArray(D, x[0], i), x0b = DoubleVector.fromArray(D, x[0], i + l);
        DoubleVector x0c = DoubleVector.fromArray(D, x[0], i + 2 * l), x0d = DoubleVector.fromArray(D, x[0], i + 3 * l);
        DoubleVector x1a = DoubleVector.fromArray(D, x[1], i), x1b = DoubleVector.fromArray(D, x[1], i + l);
        DoubleVector x1c = DoubleVector.fromArray(D, x[1], i + 2 * l), x1d = DoubleVector.fromArray(D, x[1], i + 3 * l);
        DoubleVector x2a = DoubleVector.fromArray(D, x[2], i), x2b = DoubleVector.fromArray(D, x[2], i + l);
        DoubleVector x2c = DoubleVector.fromArray(D, x[2], i + 2 * l), x2d = DoubleVector.fromArray(D, x[2], i + 3 * l);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector a0a = zero, a0b = zero, a0c = zero, a0d = zero, a1a = zero, a1b = zero, a1c = zero, a1d = zero;
        double[] u0 = u[0], u1 = u[1], u2 = u[2], bias = u[3], v0 = u[4], v1 = u[5];
        for (int j = 0; j < m; j++) {
            DoubleVector w0 = DoubleVector.broadcast(D, u0[j]), w1 = DoubleVector.broadcast(D, u1[j]);
            DoubleVector w2 = DoubleVector.broadcast(D, u2[j]), b = DoubleVector.broadcast(D, bias[j]);
            DoubleVector c0 = DoubleVector.broadcast(D, v0[j]), c1 = DoubleVector.broadcast(D, v1[j]);
            DoubleVector h;
            h = x1a.fma(w1, x0a.fma(w0, b));
            h = leaky(three ? x2a.fma(w2, h) : h, ng);
            a0a = h.fma(c0, a0a);
            a1a = h.fma(c1, a1a);
            h = x1b.fma(w1, x0b.fma(w0, b));
            h = leaky(three ? x2b.fma(w2, h) : h, ng);
            a0b = h.fma(c0, a0b);
            a1b = h.fma(c1, a1b);
            h = x1c.fma(w1, x0c.fma(w0, b));
            h = leaky(three ? x2c.fma(w2, h) : h, ng);
            a0c = h.fma(c0, a0c);
            a1c = h.fma(c1, a1c);
            h = x1d.fma(w1, x0d.fma(w0, b));
            h = leaky(three ? x2d.fma(w2, h) : h, ng);
            a0d = h.fma(c0, a0d);
            a1d = h.fma(c1, a1d);
        }
        storeDouble(a0a, a1a, i, p, z2);
        storeDouble(a0b, a1b, i + l, p, z2);
        storeDouble(a0c, a1c, i + 2 * l, p, z2);
        storeDouble(a0d, a1d, i + 3 * l, p, z2);
    }

    private static DoubleVector leaky(DoubleVector z, double ng) {
        return ng == 0 ? z.max(0) : z.max(z.mul(ng));
    }

    private static void storeDouble(DoubleVector a0, DoubleVector a1, int i, int p, double[] z2) {
        double[] l0 = a0.toArray(), l1 = a1.toArray(); // lane(k) with a variable k is not intrinsified in JDK 17
        for (int k = 0; k < l0.length; k++) {
            z2[(i + k) * p] = l0[k];
            if (p > 1) {
                z2[(i + k) * p + 1] = l1[k];
            }
        }
    }

    private static void forwardDoubleRow(double[][] x, double[][] u, int m, double ng, int i, int p, double[] z2) {
        double a0 = 0, a1 = 0;
        for (int j = 0; j < m; j++) {
            double z = Math.fma(x[2][i], u[2][j], Math.fma(x[1][i], u[1][j], Math.fma(x[0][i], u[0][j], u[3][j])));
            double h = ng == 0 ? Math.max(z, 0) : Math.max(z, z * ng);
            a0 = Math.fma(h, u[4][j], a0);
            a1 = Math.fma(h, u[5][j], a1);
        }
        z2[i * p] = a0;
        if (p > 1) {
            z2[i * p + 1] = a1;
        }
    }

    static void backwardDouble(FusedBottomPair.Input in, double[] w1, double[] b1, double neg, int m, double[] w2, int p,
                               double[] g2, double[] gw1, double[] gb1, double[] gw2) {
        double[][] x = columnsDouble(in);
        int n = in.n(), cols = in.cols();
        double[] ga = new double[n], gb = new double[n];
        for (int i = 0; i < n; i++) {
            ga[i] = g2[i * p];
            gb[i] = p > 1 ? g2[i * p + 1] : 0;
        }
        double[][] u = unitParams(w1, b1, cols, m, w2, p);
        double[][] s = new double[6][m];
        int lanes = D.length();
        int vectors = (m + lanes - 1) / lanes;
        int per = (vectors + CHUNKS - 1) / CHUNKS;
        Chunks.forEach(CHUNKS, c -> {
            int from = Math.min(m, c * per * lanes), to = Math.min(m, (c + 1) * per * lanes);
            int j = from;
            for (; j + 2 * lanes <= to; j += 2 * lanes) {
                backwardDoubleUnits(x, ga, gb, u, neg, j, n, s, true, cols > 2);
            }
            for (; j + lanes <= to; j += lanes) {
                backwardDoubleUnits(x, ga, gb, u, neg, j, n, s, false, cols > 2);
            }
            for (; j < to; j++) {
                backwardDoubleUnit(x, ga, gb, u, neg, j, n, s);
            }
        });
        scatter(s, cols, m, p, gw1, gb1, gw2);
    }

    /** As {@link #backwardFloatUnits}; in double the sums need no blocks: each lane adds all rows in order. */
    private static void backwardDoubleUnits(double[][] x, double[] ga, double[] gb, double[][] u, double ng, int j,
                                            int n, double[][] s, boolean two, boolean three) {
        int k = two ? j + D.length() : j;
        DoubleVector w0 = DoubleVector.fromArray(D, u[0], j), w1 = DoubleVector.fromArray(D, u[1], j);
        DoubleVector w2 = DoubleVector.fromArray(D, u[2], j), b = DoubleVector.fromArray(D, u[3], j);
        DoubleVector c0 = DoubleVector.fromArray(D, u[4], j), c1 = DoubleVector.fromArray(D, u[5], j);
        DoubleVector v0 = DoubleVector.fromArray(D, u[0], k), v1 = DoubleVector.fromArray(D, u[1], k);
        DoubleVector v2 = DoubleVector.fromArray(D, u[2], k), bk = DoubleVector.fromArray(D, u[3], k);
        DoubleVector e0 = DoubleVector.fromArray(D, u[4], k), e1 = DoubleVector.fromArray(D, u[5], k);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector sb = zero, s0 = zero, s1 = zero, s2 = zero, q0 = zero, q1 = zero;
        DoubleVector tb = zero, t0 = zero, t1 = zero, t2 = zero, r0 = zero, r1 = zero;
        double[] x0 = x[0], x1 = x[1], x2 = x[2];
        for (int i = 0; i < n; i++) {
            DoubleVector xa = DoubleVector.broadcast(D, x0[i]), xb = DoubleVector.broadcast(D, x1[i]);
            DoubleVector xc = DoubleVector.broadcast(D, x2[i]);
            DoubleVector g0 = DoubleVector.broadcast(D, ga[i]), g1 = DoubleVector.broadcast(D, gb[i]);
            DoubleVector z = w1.fma(xb, w0.fma(xa, b));
            if (three) {
                z = w2.fma(xc, z);
            }
            DoubleVector g = c1.fma(g1, c0.mul(g0));
            VectorMask<Double> on = z.compare(VectorOperators.GT, 0);
            DoubleVector d = (ng == 0 ? zero : g.mul(ng)).blend(g, on);
            DoubleVector h = ng == 0 ? z.max(0) : z.mul(ng).blend(z, on);
            sb = sb.add(d);
            s0 = d.fma(xa, s0);
            s1 = d.fma(xb, s1);
            if (three) {
                s2 = d.fma(xc, s2);
            }
            q0 = h.fma(g0, q0);
            q1 = h.fma(g1, q1);
            z = v1.fma(xb, v0.fma(xa, bk));
            if (three) {
                z = v2.fma(xc, z);
            }
            g = e1.fma(g1, e0.mul(g0));
            on = z.compare(VectorOperators.GT, 0);
            d = (ng == 0 ? zero : g.mul(ng)).blend(g, on);
            h = ng == 0 ? z.max(0) : z.mul(ng).blend(z, on);
            tb = tb.add(d);
            t0 = d.fma(xa, t0);
            t1 = d.fma(xb, t1);
            if (three) {
                t2 = d.fma(xc, t2);
            }
            r0 = h.fma(g0, r0);
            r1 = h.fma(g1, r1);
        }
        sb.intoArray(s[0], j);
        s0.intoArray(s[1], j);
        s1.intoArray(s[2], j);
        s2.intoArray(s[3], j);
        q0.intoArray(s[4], j);
        q1.intoArray(s[5], j);
        if (two) {
            tb.intoArray(s[0], k);
            t0.intoArray(s[1], k);
            t1.intoArray(s[2], k);
            t2.intoArray(s[3], k);
            r0.intoArray(s[4], k);
            r1.intoArray(s[5], k);
        }
    }

    private static void backwardDoubleUnit(double[][] x, double[] ga, double[] gb, double[][] u, double ng, int j, int n,
                                           double[][] s) {
        double sb = 0, s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0;
        for (int i = 0; i < n; i++) {
            double xa = x[0][i], xb = x[1][i], xc = x[2][i], g0 = ga[i], g1 = gb[i];
            double z = Math.fma(u[2][j], xc, Math.fma(u[1][j], xb, Math.fma(u[0][j], xa, u[3][j])));
            double g = Math.fma(u[5][j], g1, u[4][j] * g0);
            boolean on = z > 0;
            double d = on ? g : g * ng, h = ng == 0 ? Math.max(z, 0) : on ? z : z * ng;
            sb += d;
            s0 = Math.fma(d, xa, s0);
            s1 = Math.fma(d, xb, s1);
            s2 = Math.fma(d, xc, s2);
            q0 = Math.fma(h, g0, q0);
            q1 = Math.fma(h, g1, q1);
        }
        s[0][j] = sb;
        s[1][j] = s0;
        s[2][j] = s1;
        s[3][j] = s2;
        s[4][j] = q0;
        s[5][j] = q1;
    }
}
