package org.marginscope.analysis;

import org.marginscope.data.Dataset;
import org.marginscope.model.Network;
import org.marginscope.model.Parameters;

/**
 * Li, Ding, Gao 2018 Thms 1-2: the last layer of a network trained to zero loss points in the
 * direction of the hard-margin SVM fitted on the transformed data (the last hidden layer's output).
 * This measures how far it is: the angle between the two normals (per class for K classes, both
 * weight sets centred, since adding one vector to every class changes neither the softmax nor the
 * Crammer-Singer constraints), the gap between their offsets along the unit normal, and both margins.
 * With K outputs only the classes that have training points are compared: a class without points (data of
 * classes 0, 1 and 3 on a 4-output net) has no SVM row, so it is left out of the centring, the angles and
 * both margins (its angle is NaN).
 */
public final class LastLayerAlignment {
    /**
     * @param angleDeg   one angle (binary) or one per class, in degrees; NaN for a class without training points
     * @param biasGap    binary: |b_nn/|w_nn| - b_svm/|w_svm||; NaN for K classes (no bias in Thm 2)
     * @param nnMargin   the network's own geometric margin in the transformed space (binary), or its
     *                   Crammer-Singer margin (K classes); negative while it misclassifies
     * @param svmMargin  the SVM's margin
     * @param separable  whether the transformed training points are linearly separable
     */
    public record Result(double[] angleDeg, double biasGap, double nnMargin, double svmMargin, boolean separable,
                         SvmSolution svm, double[] transformed, int dim) {

        /** The mean of the classes' angles (or the one angle), over the classes that have one; NaN if none. */
        public double meanAngleDeg() {
            return java.util.Arrays.stream(angleDeg).filter(a -> !Double.isNaN(a)).average().orElse(Double.NaN);
        }
    }

    private LastLayerAlignment() {
    }

    public static Result measure(Network net, Dataset data, double decisionOffset) {
        int n = data.size();
        int last = net.layers() - 1;
        int dim = net.inputs(last);
        double[] x = data.trainX();
        double[] delta = last == 0 ? x : net.layerOutput(x, n, last - 1);
        int[] y = data.trainY();
        return compare(net.parameters(), decisionOffset, delta, n, dim, y, svmFor(net.parameters(), delta, n, dim, y));
    }

    /**
     * The SVM to compare a last layer with: binary for one output logit, else the K-class one with a row per output
     * (whichever classes have points).
     */
    public static SvmSolution svmFor(Parameters p, double[] delta, int n, int dim, int[] y) {
        int k = p.out(p.layers() - 1);
        return k == 1 ? LinearSvm.fit(delta, n, dim, y) : LinearSvm.fitClasses(delta, n, dim, y, k);
    }

    /** The comparison for transformed points and an SVM already at hand (the transformed view has both). */
    public static Result compare(Parameters p, double decisionOffset, double[] delta, int n, int dim, int[] y,
                                 SvmSolution svm) {
        int last = p.layers() - 1;
        int k = p.out(last);
        if (k == 1) {
            double[] w = p.unitWeights(last, 0);
            double b = p.bias(last, 0) + decisionOffset;
            double nw = norm(w);
            double angle = angle(w, svm.w());
            double gap = Math.abs(b / nw - svm.bias() / norm(svm.w()));
            double nnMargin = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double f = b;
                for (int j = 0; j < dim; j++) {
                    f += w[j] * delta[i * dim + j];
                }
                nnMargin = Math.min(nnMargin, (y[i] == 1 ? 1 : -1) * f / nw);
            }
            return new Result(new double[] {angle}, gap, nnMargin, svm.margin(), svm.separable(), svm, delta, dim);
        }
        if (svm.weights().length != k) {
            throw new IllegalArgumentException("the SVM has " + svm.weights().length + " rows, the last layer " + k
                    + " outputs");
        }
        boolean[] present = new boolean[k];
        for (int i = 0; i < n; i++) {
            present[y[i]] = true;
        }
        double[][] w = new double[k][];
        for (int c = 0; c < k; c++) {
            w[c] = p.unitWeights(last, c);
        }
        double[][] wc = centred(w, present), sc = centred(svm.weights(), present);
        double[] angles = new double[k];
        for (int c = 0; c < k; c++) {
            angles[c] = present[c] ? angle(wc[c], sc[c]) : Double.NaN;
        }
        double frob = 0;
        for (int c = 0; c < k; c++) {
            frob += present[c] ? norm(w[c]) * norm(w[c]) : 0;
        }
        frob = Math.sqrt(frob);
        double nnMargin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double fy = dot(w[y[i]], delta, i * dim) + p.bias(last, y[i]);
            for (int c = 0; c < k; c++) {
                if (c != y[i] && present[c]) {
                    nnMargin = Math.min(nnMargin, (fy - dot(w[c], delta, i * dim) - p.bias(last, c)) / frob);
                }
            }
        }
        return new Result(angles, Double.NaN, nnMargin, svm.margin(), svm.separable(), svm, delta, dim);
    }

    /** The rows less the mean of the rows of present classes. */
    private static double[][] centred(double[][] rows, boolean[] present) {
        int k = rows.length, d = rows[0].length, m = 0;
        for (boolean p : present) {
            m += p ? 1 : 0;
        }
        double[] mean = new double[d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; present[c] && j < d; j++) {
                mean[j] += rows[c][j] / m;
            }
        }
        double[][] out = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                out[c][j] = rows[c][j] - mean[j];
            }
        }
        return out;
    }

    static double angle(double[] a, double[] b) {
        double na = norm(a), nb = norm(b);
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            c += a[i] * b[i];
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c / (na * nb)))));
    }

    private static double dot(double[] w, double[] x, int o) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[o + j];
        }
        return s;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
