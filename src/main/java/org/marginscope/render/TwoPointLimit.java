package org.marginscope.render;

import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.analysis.NarTwoPoint;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Nar et al. Thm 1 for one point of each class and a linear classifier with a bias: the two points, the
 * closed-form limit direction [w; b] of cross-entropy gradient descent, its angle to the SVM (the perpendicular
 * bisector) and the network's angle to the limit (NaN while [w; b] is 0). Immutable.
 */
public record TwoPointLimit(double[] x, double[] p, double[] limit, double limitToSvmDeg, double networkToLimitDeg) {
    public TwoPointLimit {
        x = x.clone();
        p = p.clone();
        limit = limit.clone();
    }

    /** The reading for these data and these weights, or null where Thm 1 does not apply. */
    public static TwoPointLimit of(Dataset d, NetworkSpec spec, Parameters w) {
        double[][] xp = d == null ? null : NarTwoPoint.pointsOf(d);
        if (xp == null || w == null || !appliesTo(spec) || (xp[0][0] == xp[1][0] && xp[0][1] == xp[1][1])) {
            return null; // one point on the other: no direction to draw
        }
        double[] limit = NarTwoPoint.limitDirection(xp[0], xp[1]);
        double[] learned = {w.weight(0, 0, 0), w.weight(0, 1, 0), w.bias(0, 0)};
        double net = learned[0] == 0 && learned[1] == 0 && learned[2] == 0 ? Double.NaN
                : EnsembleSpread.angleDeg(learned, limit);
        return new TwoPointLimit(xp[0], xp[1], limit, NarTwoPoint.angleToSvmDeg(xp[0], xp[1]), net);
    }

    public static boolean appliesTo(NetworkSpec spec) {
        return spec != null && spec.layers().size() == 1 && spec.outputWidth() == 1 && spec.layers().get(0).bias()
                && !spec.appendConstantInput() && spec.inputDim() == 2;
    }

    /** The SVM's boundary, the perpendicular bisector of the two points, as a x + b y + c = 0. */
    public double[] svmLine() {
        double[] n = {x[0] - p[0], x[1] - p[1]};
        return new double[] {n[0], n[1], -(n[0] * (x[0] + p[0]) + n[1] * (x[1] + p[1])) / 2};
    }
}
