package org.marginscope.analysis;

/**
 * A linear SVM. Binary: f(x) = w.x + b, positive for class 1. K classes (Crammer-Singer, Li et al.
 * Thm 2): one weight row per class, the prediction is the arg max of w_k.x, no bias.
 *
 * @param weights      1 x d (binary) or K x d rows
 * @param bias         b (binary), 0 for K classes
 * @param margin       binary: min_i y_i f(x_i) / |w| (the geometric margin; negative when a point is on
 *                     the wrong side); K classes: min_i min_{j != y_i} (w_{y_i} - w_j).x_i / |W|_F
 * @param dual         binary: alpha_i y_i for every training point (0 off the support vectors);
 *                     empty for K classes
 * @param supportVectors number of points with a non-zero dual coefficient (binary), or on or inside
 *                     the margin (K classes)
 * @param separable    whether the solution separates the training data (the hard-margin case)
 * @param present      K classes: whether class k has training points (a row of a class without points is
 *                     zero and takes no part in the arg max, the margin or separability); null = every class
 */
public record SvmSolution(double[][] weights, double bias, double margin, double[] dual, int supportVectors,
                          boolean separable, boolean[] present) {

    public SvmSolution(double[][] weights, double bias, double margin, double[] dual, int supportVectors,
                       boolean separable) {
        this(weights, bias, margin, dual, supportVectors, separable, null);
    }

    /** Whether class c has training points (always true for a binary solution). */
    public boolean hasClass(int c) {
        return present == null || (c < present.length && present[c]);
    }

    /** K classes: the arg max of w_c.x over the classes with training points. */
    public int predict(double[] x) {
        if (binary()) {
            return decision(x) > 0 ? 1 : 0;
        }
        int best = -1;
        double bestF = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            if (!hasClass(c)) {
                continue;
            }
            double f = 0;
            for (int j = 0; j < x.length; j++) {
                f += weights[c][j] * x[j];
            }
            if (best < 0 || f > bestF) {
                bestF = f;
                best = c;
            }
        }
        return best;
    }

    public boolean binary() {
        return weights.length == 1;
    }

    public double[] w() {
        return weights[0].clone();
    }

    public double decision(double[] x) {
        double s = bias;
        for (int i = 0; i < x.length; i++) {
            s += weights[0][i] * x[i];
        }
        return s;
    }
}
