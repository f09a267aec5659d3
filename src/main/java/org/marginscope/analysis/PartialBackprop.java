package org.marginscope.analysis;

import java.util.Arrays;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;
import org.marginscope.model.Activation;
import org.marginscope.model.Loss;
import org.marginscope.model.NativeArrays;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * van den Berg Sec 5.3 (Fig 17): partial backpropagation. For every point x of a grid over the plane,
 * with its class c(x) (as {@link GradientField}: the ground truth, else the nearest training point), the
 * lowest layer the error of f(x) = -log p(c(x) | x) has to be backpropagated to when backpropagation stops
 * as soon as upper bounds on the gradients of all lower layers are below per-layer thresholds.
 *
 * <p>Notation of the paper (Eq 9), layers k = 1..L: v_k = A_k x_(k-1) - b_k, x_k = sigma(v_k),
 * y_k = df/dv_k, z_k = A_k^T y_k, y_(k-1) = sigma'(v_(k-1)) . z_k. MarginScope stores W_k = A_k^T (in x out)
 * and adds its bias, which changes no norm. The gradients of layer k are df/dA_k = y_k x_(k-1)^T and
 * df/db_k = -y_k (Eq 10), so ||df/dA_k||_F = ||x_(k-1)||_2 ||y_k||_2, max |df/dA_k| = ||x_(k-1)||_inf
 * ||y_k||_inf, and the bias gradients have the norms of y_k.
 *
 * <p>The bounds, from an exactly known y_j down to every k &lt; j:
 * <ul>
 * <li>Eq 14 (second bound), the l2 norm: ||y_(k-1)||_2 &lt;= sigma'([v_(k-1)]_i) sigma_max(A_k) ||y_k||_2 with
 * i = argmin_j |[v_(k-1)]_j|, applied again to its own result for layers further down. For the sigmoid
 * family (sigma' even and falling in |v|) sigma'([v]_i) at that i is max_i sigma'([v]_i) = ||sigma'(v)||_inf,
 * the first form of Eq 14; that maximum is what is computed, so other activations stay bounded too.
 * sigma_max is exact (Jacobi on the smaller Gram matrix) up to {@value #EXACT_SIGMA_MAX_DIM} rows or columns,
 * else the Frobenius norm, which bounds it (the paper allows "an alternative bound").</li>
 * <li>Eq 15 (first bound), the largest entry: ||y_(k-1)||_inf &lt;= max_i sigma'([v_(k-1)]_i) ||a_i||_2 ||y_k||_2,
 * where a_i is the column of A_k that multiplies unit i of layer k-1 (the paper writes [A_k]_i; the
 * Cauchy-Schwarz step behind the bound needs the column, a row of MarginScope's W_k). ||y_k||_2 is exact
 * when k = j, else Eq 14's bound.</li>
 * </ul>
 *
 * <p>The rule of Sec 5.3: compute y_L; if for every layer k &lt; L the bound on the gradients of its weights
 * and of its biases is below its threshold t_k, stop; else compute y_(L-1) exactly, bound the layers below
 * it from there, and so on. The paper uses t_1 = {@value #PAPER_THRESHOLD_LAYER1} and t_2 =
 * {@value #PAPER_THRESHOLD_LAYER2} on the three-layer net of Eq 8; for deeper nets the second threshold
 * applies to every layer 2..L-1 ({@link #thresholds}). Fig 17's top row bounds the Frobenius norms (Eq 14),
 * its bottom row the largest entries (Eq 15): {@link Norm}.
 *
 * <p>All grid points go through one batched forward and backward pass (ND4J products over the whole grid),
 * never point by point.
 */
public final class PartialBackprop {
    /** Sec 5.3: "If these bounds are smaller than 0.05 and 0.01, respectively" - layer 1, then layer 2. */
    public static final double PAPER_THRESHOLD_LAYER1 = 0.05;
    public static final double PAPER_THRESHOLD_LAYER2 = 0.01;
    /** Up to this size of the smaller side of A_k sigma_max(A_k) is computed exactly. */
    public static final int EXACT_SIGMA_MAX_DIM = 64;

    /** Which gradient norm the bounds control (the two rows of Fig 17). */
    public enum Norm {
        FROBENIUS("Frobenius norms, Eq 14"), ELEMENTWISE("largest entries, Eq 15");

        private final String text;

        Norm(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param reach  reach[norm.ordinal()][cell]: the lowest layer (1-based, 1..layers) the error of that grid
     *               cell is backpropagated to; 0 where the cell has no class. Cells row-major from the bottom
     *               row, as {@link Viewport#points()}.
     * @param thresholds t_k for the layers 1..L-1 (index 0 is layer 1)
     * @param firstLayer the pre-activation of every first-layer unit at every cell, [unit][cell], for
     *               drawing the hyperplanes (at most {@value #MAX_HYPERPLANES} units)
     */
    public record Result(Viewport viewport, double gamma, double[] thresholds, int layers, int[][] reach,
                         GradientField.LabelSource labels, double[][] firstLayer) {
        /** Share of the classified cells whose error reaches layer {@code layer} (1-based) or a lower one. */
        public double share(Norm norm, int layer) {
            int counted = 0, in = 0;
            for (int r : reach[norm.ordinal()]) {
                if (r > 0) {
                    counted++;
                    in += r <= layer ? 1 : 0;
                }
            }
            return counted == 0 ? 0 : in / (double) counted;
        }

        /** The layer a cell's error reaches (1-based), 0 without a class. */
        public int reach(Norm norm, int cell) {
            return reach[norm.ordinal()][cell];
        }
    }

    /** The number of first-layer hyperplanes a result carries for drawing. */
    public static final int MAX_HYPERPLANES = 32;

    /**
     * Per point: the exact errors y_k and the bounds Eqs 14-15 give from each stage j (0-based layer whose
     * y_j is known exactly) for every lower layer k &lt; j.
     */
    public static final class Trace {
        final int n;
        final int layers;
        final boolean[] hasBias;
        /** ||y_k||_2 and ||y_k||_inf, exact: [k][i]. */
        final double[][] y2;
        final double[][] yInf;
        /** ||x_(k-1)||_2 and ||x_(k-1)||_inf of layer k's input (x_0 the point, with the constant 1 if appended). */
        final double[][] in2;
        final double[][] inInf;
        /** Bounds on ||y_k||_2 (Eq 14) and ||y_k||_inf (Eq 15) from stage j: [j][k][i], k &lt; j. */
        final double[][][] b2;
        final double[][][] bInf;

        Trace(int n, int layers, boolean[] hasBias) {
            this.n = n;
            this.layers = layers;
            this.hasBias = hasBias;
            y2 = new double[layers][];
            yInf = new double[layers][];
            in2 = new double[layers][];
            inInf = new double[layers][];
            b2 = new double[layers][layers][];
            bInf = new double[layers][layers][];
        }

        public int points() {
            return n;
        }

        public int layers() {
            return layers;
        }

        /** The bound from stage j (0-based) on the norm of layer k's (0-based, k &lt; j) weight gradient at point i. */
        public double weightBound(Norm norm, int stage, int layer, int i) {
            check(stage, layer);
            return norm == Norm.FROBENIUS ? in2[layer][i] * b2[stage][layer][i] : inInf[layer][i] * bInf[stage][layer][i];
        }

        /** The same for the bias gradient (0 for a layer without bias). */
        public double biasBound(Norm norm, int stage, int layer, int i) {
            check(stage, layer);
            if (!hasBias[layer]) {
                return 0;
            }
            return norm == Norm.FROBENIUS ? b2[stage][layer][i] : bInf[stage][layer][i];
        }

        /** The larger of the weight and bias bounds: what is held against the threshold. */
        public double bound(Norm norm, int stage, int layer, int i) {
            return Math.max(weightBound(norm, stage, layer, i), biasBound(norm, stage, layer, i));
        }

        /** The exact norm of layer k's weight gradient at point i, from the exact y_k. */
        public double weightGradient(Norm norm, int layer, int i) {
            return norm == Norm.FROBENIUS ? in2[layer][i] * y2[layer][i] : inInf[layer][i] * yInf[layer][i];
        }

        /** The exact norm of layer k's bias gradient at point i (0 without bias). */
        public double biasGradient(Norm norm, int layer, int i) {
            return !hasBias[layer] ? 0 : norm == Norm.FROBENIUS ? y2[layer][i] : yInf[layer][i];
        }

        /**
         * The rule of Sec 5.3 at point i: starting from the exact y_L, go down one layer while some lower
         * layer's gradient bound reaches its threshold; the 1-based layer where it stops.
         */
        public int reach(Norm norm, double[] thresholds, int i) {
            int j = layers - 1;
            while (j > 0) {
                boolean small = true;
                for (int k = 0; k < j && small; k++) {
                    small = bound(norm, j, k, i) < thresholds[k]; // NaN: not small
                }
                if (small) {
                    break;
                }
                j--; // y_(j-1) is computed exactly and the layers below it are bounded from there
            }
            return j + 1;
        }

        private void check(int stage, int layer) {
            if (layer < 0 || layer >= stage || stage >= layers) {
                throw new IllegalArgumentException("layer " + layer + " is not below stage " + stage);
            }
        }
    }

    private PartialBackprop() {
    }

    /** t_k for a net of {@code layers} layers: t_1 for the first, t_2 for every later one below the output. */
    public static double[] thresholds(int layers, double layer1, double higher) {
        double[] t = new double[Math.max(0, layers - 1)];
        for (int k = 0; k < t.length; k++) {
            t[k] = k == 0 ? layer1 : higher;
        }
        return t;
    }

    /**
     * The regions of Fig 17 over a grid.
     *
     * @param gamma      multiplies every weight and bias first (Fig 12/17: gamma = 1, 2, 3)
     * @param thresholds t_k for layers 1..L-1 ({@link #thresholds})
     */
    public static Result compute(NetworkSpec spec, Parameters p, Loss loss, Dataset data, Viewport vp, double gamma,
                                 double[] thresholds) {
        if (spec.inputDim() != 2) {
            throw new IllegalArgumentException("partial backpropagation is drawn over the plane: the net needs 2 inputs");
        }
        int layers = spec.layers().size();
        if (thresholds.length < layers - 1) {
            throw new IllegalArgumentException("need a threshold for each of the " + (layers - 1) + " lower layers");
        }
        Parameters q = gamma == 1 ? p : p.scaled(gamma);
        double[] xy = vp.points();
        int n = xy.length / 2;
        GradientField.LabelSource source = data.groundTruth().isPresent() ? GradientField.LabelSource.GROUND_TRUTH
                : GradientField.LabelSource.NEAREST_POINT;
        int[] cls = GradientField.labels(data, xy, n);
        int[] safe = new int[n];
        for (int i = 0; i < n; i++) {
            safe[i] = Math.max(0, cls[i]); // cells without a class are traced with class 0 and dropped below
        }
        double[][] pre0 = new double[1][];
        Trace t = trace(spec, q, loss, xy, safe, pre0);
        int[][] reach = new int[Norm.values().length][n];
        for (Norm norm : Norm.values()) {
            for (int i = 0; i < n; i++) {
                reach[norm.ordinal()][i] = cls[i] < 0 ? 0 : t.reach(norm, thresholds, i);
            }
        }
        int units = Math.min(MAX_HYPERPLANES, q.out(0));
        double[][] first = new double[units][n];
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < n; i++) {
                first[u][i] = pre0[0][i * q.out(0) + u];
            }
        }
        return new Result(vp, gamma, thresholds.clone(), layers, reach, source, first);
    }

    /**
     * The exact errors and the bounds at points {@code xy} (row-major n x 2) with classes {@code cls}, in one
     * batched pass.
     */
    public static Trace trace(NetworkSpec spec, Parameters p, Loss loss, double[] xy, int[] cls) {
        return trace(spec, p, loss, xy, cls, new double[1][]);
    }

    private static Trace trace(NetworkSpec spec, Parameters p, Loss loss, double[] xy, int[] cls, double[][] pre0) {
        int n = cls.length, layers = spec.layers().size();
        int[] in = new int[layers], out = new int[layers];
        boolean[] hasBias = new boolean[layers];
        Activation[] act = new Activation[layers];
        for (int k = 0; k < layers; k++) {
            in[k] = p.in(k);
            out[k] = p.out(k);
            hasBias[k] = p.hasBias(k);
            act[k] = spec.layers().get(k).activation();
        }
        // forward: x_0 (with the constant input where the spec appends one), v_k and x_k for every layer
        int d = spec.inputDim(), d0 = in[0];
        double[] x0 = new double[n * d0];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                x0[i * d0 + c] = xy[i * d + c];
            }
            for (int c = d; c < d0; c++) {
                x0[i * d0 + c] = 1; // the appended constant input
            }
        }
        double[][] v = new double[layers][], x = new double[layers][];
        double[] prev = x0;
        for (int k = 0; k < layers; k++) {
            v[k] = product(prev, n, in[k], p.weights(k), out[k], false);
            double[] b = p.biases(k);
            x[k] = new double[n * out[k]];
            for (int i = 0; i < n; i++) {
                for (int u = 0; u < out[k]; u++) {
                    int at = i * out[k] + u;
                    if (b != null) {
                        v[k][at] += b[u];
                    }
                    x[k][at] = act[k].apply(v[k][at]);
                }
            }
            prev = x[k];
        }
        pre0[0] = v[0];
        Trace t = new Trace(n, layers, hasBias);
        for (int k = 0; k < layers; k++) {
            double[] input = k == 0 ? x0 : x[k - 1];
            t.in2[k] = rowNorms(input, n, in[k], false);
            t.inInf[k] = rowNorms(input, n, in[k], true);
        }
        // the exact errors: y_L = grad f(v_L) (Eq 9), y_(k-1) = sigma'(v_(k-1)) . (A_k^T y_k)
        int width = out[layers - 1];
        double[] y = new double[n * width];
        new Loss(loss.kind(), false).evaluate(x[layers - 1], n, width, cls, y); // per sample, not the mean
        scaleByDerivative(y, v[layers - 1], act[layers - 1]);
        double[][] ys = new double[layers][];
        ys[layers - 1] = y;
        for (int k = layers - 1; k > 0; k--) {
            double[] z = product(ys[k], n, out[k], p.weights(k), in[k], true); // z_k = A_k^T y_k
            scaleByDerivative(z, v[k - 1], act[k - 1]);
            ys[k - 1] = z;
        }
        for (int k = 0; k < layers; k++) {
            t.y2[k] = rowNorms(ys[k], n, out[k], false);
            t.yInf[k] = rowNorms(ys[k], n, out[k], true);
        }
        // per layer k >= 1: sigma_max(A_k) (Eq 14) and the norms of A_k's columns (Eq 15)
        double[] sMax = new double[layers];
        double[][] colNorm = new double[layers][];
        for (int k = 1; k < layers; k++) {
            double[] w = p.weights(k);
            sMax[k] = largestSingularValue(w, in[k], out[k]);
            colNorm[k] = rowNorms(w, in[k], out[k], false); // row r of W_k = column r of A_k
        }
        // per lower layer k: max_i sigma'([v_k]_i) (Eq 14) and max_i sigma'([v_k]_i) ||a_i||_2 (Eq 15)
        double[][] dMax = new double[layers][n], dCol = new double[layers][n];
        for (int k = 0; k < layers - 1; k++) {
            for (int i = 0; i < n; i++) {
                double m = 0, mc = 0;
                for (int u = 0; u < out[k]; u++) {
                    double s = Math.abs(act[k].derivative(v[k][i * out[k] + u]));
                    m = Math.max(m, s);
                    mc = Math.max(mc, s * colNorm[k + 1][u]);
                }
                dMax[k][i] = m;
                dCol[k][i] = mc;
            }
        }
        for (int j = 1; j < layers; j++) {
            for (int k = j - 1; k >= 0; k--) {
                // ||y_(k+1)||_2: exact at the stage, else the bound just found for it
                double[] above = k + 1 == j ? t.y2[j] : t.b2[j][k + 1];
                double[] b2 = new double[n], bi = new double[n];
                for (int i = 0; i < n; i++) {
                    // van den Berg Eq 14: ||y_(k-1)||_2 <= sigma'([v_(k-1)]_i) sigma_max(A_k) ||y_k||_2
                    b2[i] = dMax[k][i] * sMax[k + 1] * above[i];
                    // van den Berg Eq 15: ||y_(k-1)||_inf <= max_i sigma'([v_(k-1)]_i) ||[A_k]_i||_2 ||y_k||_2
                    bi[i] = dCol[k][i] * above[i];
                }
                t.b2[j][k] = b2;
                t.bInf[j][k] = bi;
            }
        }
        return t;
    }

    private static void scaleByDerivative(double[] g, double[] v, Activation a) {
        for (int i = 0; i < g.length; i++) {
            g[i] *= a.derivative(v[i]);
        }
    }

    /** The l2 (or l-infinity) norm of every row of a row-major n x m matrix. */
    private static double[] rowNorms(double[] a, int n, int m, boolean inf) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < m; c++) {
                double e = a[i * m + c];
                s = inf ? Math.max(s, Math.abs(e)) : s + e * e;
            }
            r[i] = inf ? s : Math.sqrt(s);
        }
        return r;
    }

    /**
     * a (n x p) times w (p x q, row-major), or with {@code transposeW} a (n x q) times w^T where w is p x q:
     * one ND4J product over all points.
     */
    private static double[] product(double[] a, int n, int cols, double[] w, int other, boolean transposeW) {
        int p = transposeW ? other : cols, q = transposeW ? cols : other;
        INDArray an = NativeArrays.of(a, n, cols);
        INDArray wn = NativeArrays.of(w, p, q);
        INDArray c = NativeArrays.create(DataType.DOUBLE, n, other);
        NativeArrays.gemm(an, wn, c, false, transposeW);
        return c.data().asDouble();
    }

    /** sigma_max of a row-major rows x cols matrix: exact for a small side, else its Frobenius norm (an upper bound). */
    static double largestSingularValue(double[] w, int rows, int cols) {
        int m = Math.min(rows, cols);
        if (m == 0) {
            return 0;
        }
        if (m > EXACT_SIGMA_MAX_DIM) {
            double s = 0;
            for (double e : w) {
                s += e * e;
            }
            return Math.sqrt(s);
        }
        // the Gram matrix on the smaller side: w w^T (rows <= cols) or w^T w
        double[] g = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double s = 0;
                if (rows <= cols) {
                    for (int c = 0; c < cols; c++) {
                        s += w[a * cols + c] * w[b * cols + c];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        s += w[r * cols + a] * w[r * cols + b];
                    }
                }
                g[a * m + b] = s;
                g[b * m + a] = s;
            }
        }
        double max = 0;
        for (double e : jacobiEigenvalues(g, m)) {
            max = Math.max(max, e);
        }
        return Math.sqrt(max);
    }

    /** Eigenvalues of a symmetric m x m matrix (cyclic Jacobi rotations until the off-diagonal part vanishes). */
    static double[] jacobiEigenvalues(double[] s, int m) {
        double[] a = s.clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < m; i++) {
                diag += a[i * m + i] * a[i * m + i];
                for (int j = i + 1; j < m; j++) {
                    off += a[i * m + j] * a[i * m + j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
                break;
            }
            for (int pp = 0; pp < m; pp++) {
                for (int qq = pp + 1; qq < m; qq++) {
                    double apq = a[pp * m + qq];
                    if (apq == 0) {
                        continue;
                    }
                    double app = a[pp * m + pp], aqq = a[qq * m + qq];
                    double theta = (aqq - app) / (2 * apq);
                    double tan = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(tan * tan + 1), sn = tan * c;
                    for (int k = 0; k < m; k++) {
                        double akp = a[k * m + pp], akq = a[k * m + qq];
                        a[k * m + pp] = c * akp - sn * akq;
                        a[k * m + qq] = sn * akp + c * akq;
                    }
                    for (int k = 0; k < m; k++) {
                        double apk = a[pp * m + k], aqk = a[qq * m + k];
                        a[pp * m + k] = c * apk - sn * aqk;
                        a[qq * m + k] = sn * apk + c * aqk;
                    }
                }
            }
        }
        double[] e = new double[m];
        for (int i = 0; i < m; i++) {
            e[i] = a[i * m + i];
        }
        Arrays.sort(e);
        return e;
    }
}
