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
 */
public record SvmSolution(double[][] weights, double bias, double margin, double[] dual, int supportVectors,
                          boolean separable) {

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
