package org.marginscope.analysis;

/**
 * Nar et al. 2019 Thm 1: cross-entropy gradient descent with a bias on one positive point x and one
 * negative point p grows like w* log t, with w* (over [w; b]) in closed form. With X = [x; 1],
 * Y = [-p; -1] (named so that |X| <= |Y|), s_x = |X|^2, s_y = |Y|^2, s_xy = X.Y:
 * w* = ((s_y - s_xy) X + (s_x - s_xy) Y) / (s_x s_y - s_xy^2), or X / s_x when s_xy >= s_x.
 * The SVM's direction is x - p; the angle between the two is what the bias costs the margin
 * (Corollary 1: it approaches 90 degrees as the points move away from the origin along one line).
 */
public final class NarTwoPoint {
    private NarTwoPoint() {
    }

    /** The limit direction [w1, w2, b] (not normalised) for a positive point x and a negative point p. */
    public static double[] limitDirection(double[] x, double[] p) {
        double[] bigX = {x[0], x[1], 1};
        double[] bigY = {-p[0], -p[1], -1};
        // the theorem names the shorter of the two X; swapping the roles keeps the formula symmetric
        if (Vectors.dot(bigX, bigX) > Vectors.dot(bigY, bigY)) {
            double[] t = bigX;
            bigX = bigY;
            bigY = t;
        }
        double sx = Vectors.dot(bigX, bigX), sy = Vectors.dot(bigY, bigY), sxy = Vectors.dot(bigX, bigY);
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) {
            w[i] = sxy >= sx ? bigX[i] / sx : ((sy - sxy) * bigX[i] + (sx - sxy) * bigY[i]) / (sx * sy - sxy * sxy);
        }
        return w;
    }

    /** Degrees between the limit direction's w part and the SVM normal x - p. */
    public static double angleToSvmDeg(double[] x, double[] p) {
        double[] w = limitDirection(x, p);
        return EnsembleSpread.angleDeg(new double[] {w[0], w[1]}, new double[] {x[0] - p[0], x[1] - p[1]});
    }

    /**
     * The theorem's setting read off training data: {x, p} with x the class-1 point (positive logit) and
     * p the class-0 point, or null unless there are exactly two 2D points of opposite classes.
     */
    public static double[][] pointsOf(org.marginscope.data.Dataset d) {
        if (d.size() != 2 || d.dim() != 2 || d.trainY()[0] == d.trainY()[1]) {
            return null;
        }
        double[] xs = d.trainX();
        int pos = d.trainY()[0] == 1 ? 0 : 1;
        return new double[][] {{xs[2 * pos], xs[2 * pos + 1]}, {xs[2 * (1 - pos)], xs[2 * (1 - pos) + 1]}};
    }
}
