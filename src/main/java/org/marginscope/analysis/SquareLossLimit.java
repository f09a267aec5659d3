package org.marginscope.analysis;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Where gradient descent on the square loss takes a linear read-out of fixed features (Poggio et al. 2018 Sec 3:
 * "the solution depends on the initial conditions" for the square loss; a random-feature model is a linear network
 * in feature space). With Phi the n x p design matrix (the training points' features, a column of ones when the
 * read-out has a bias) the loss 1/2 |Phi W - Y|^2 has gradient Phi^T (Phi W - Y), which lies in the row space of
 * Phi: the part of W in Phi's null space never moves, and W converges to the least-squares solution nearest its
 * start, W_inf = W_t - Phi^+ (Phi W_t - Y). Since every update lies in that row space, the formula gives the same
 * W_inf from any W_t of a run, so a snapshot carries its limit without the initial weights.
 *
 * <p>Exact only while Phi stays fixed and the updates are combinations of gradients: frozen hidden layers, no
 * penalty or norm bound on the read-out, GD / SGD / momentum (not Adam's per-coordinate scaling), a step size at
 * which GD converges. For a net whose hidden layers train it is not the limit (the kernel regime's linearised
 * limit would need the tangent features) and callers do not use it there.
 */
public final class SquareLossLimit {
    /** Largest n * p * min(n, p) solved (the SVD's cost): ~1 s of Commons Math at the cap. */
    public static final double MAX_WORK = 2e9;

    private final double[] features;
    private final int n, m;
    private final boolean bias;
    private final RealMatrix phi, pinv;

    private SquareLossLimit(double[] features, int n, int m, boolean bias) {
        this.features = features.clone();
        this.n = n;
        this.m = m;
        this.bias = bias;
        int p = m + (bias ? 1 : 0);
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features, i * m, rows[i], 0, m);
            if (bias) {
                rows[i][m] = 1;
            }
        }
        phi = new Array2DRowRealMatrix(rows, false);
        pinv = new SingularValueDecomposition(phi).getSolver().getInverse();
    }

    /**
     * The limit map of one feature matrix, or null past {@link #MAX_WORK}.
     *
     * @param features n x m row-major: the read-out's inputs on the training points
     */
    public static SquareLossLimit of(double[] features, int n, int m, boolean bias) {
        int p = m + (bias ? 1 : 0);
        if (n == 0 || (double) n * p * Math.min(n, p) > MAX_WORK) {
            return null;
        }
        return new SquareLossLimit(features, n, m, bias);
    }

    /** Whether this map was built from exactly these features (a cache's test). */
    public boolean sameFeatures(double[] f, int n, int m, boolean bias) {
        return this.n == n && this.m == m && this.bias == bias && Arrays.equals(features, f);
    }

    /**
     * The limit of a read-out trained from {@code w} (m x k row-major, the engine's layout) and {@code b} (k, or
     * null without bias), as one vector: the m x k weights then the k biases (the layout of {@link EnsembleSpread}).
     *
     * @param targets n x k row-major, as the loss sees them ({@link #targets})
     */
    public double[] limit(double[] w, double[] b, int k, double[] targets) {
        int p = m + (bias ? 1 : 0);
        double[][] wk = new double[p][k];
        for (int i = 0; i < m; i++) {
            System.arraycopy(w, i * k, wk[i], 0, k);
        }
        if (bias) {
            System.arraycopy(b, 0, wk[m], 0, k);
        }
        RealMatrix current = new Array2DRowRealMatrix(wk, false);
        RealMatrix residual = phi.multiply(current).subtract(new Array2DRowRealMatrix(rows(targets, n, k), false));
        RealMatrix limit = current.subtract(pinv.multiply(residual));
        double[] out = new double[p * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = limit.getEntry(i, j);
            }
        }
        if (bias) {
            for (int j = 0; j < k; j++) {
                out[m * k + j] = limit.getEntry(m, j);
            }
        }
        return out;
    }

    /** The square loss's targets: +1 / -1 for one output, one-hot for k (as {@code model.Loss}). */
    public static double[] targets(int[] labels, int n, int k) {
        double[] t = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                t[i] = labels[i] == 1 ? 1 : -1;
            } else {
                t[i * k + labels[i]] = 1;
            }
        }
        return t;
    }

    private static double[][] rows(double[] a, int n, int k) {
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * k, r[i], 0, k);
        }
        return r;
    }
}
