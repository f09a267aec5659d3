package org.marginscope.render;

import org.marginscope.analysis.NeuronClusters;
import org.marginscope.analysis.ParPrediction;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Sarussi et al. Thm 5.1 on the plane, for one snapshot of a Sarussi-shaped net: the linear classifier
 * sign(&lt;w+ - w-, x&gt;), the cones where the theorem promises no linearity (|cos(x, w+)| &lt;= R/|w+| or
 * |cos(x, w-)| &lt;= R/|w-|) and how many training and test points lie inside them; with Thm 6.2's predicted
 * boundary &lt;u - v, x&gt; = 0 where it is known ({@code parU}, {@code parV} null otherwise). Immutable.
 */
public record LinearRegime(double[] wPos, double[] wNeg, double ratioPos, double ratioNeg, boolean constant,
                           int insideTrain, int insideTest, int testSize, double[] parU, double[] parV) {
    public LinearRegime {
        wPos = wPos.clone();
        wNeg = wNeg.clone();
        parU = parU == null ? null : parU.clone();
        parV = parV == null ? null : parV.clone();
    }

    /** The overlay of these weights over these data, or null where the net is not Sarussi-shaped or not on a plane. */
    public static LinearRegime of(NetworkSpec spec, Parameters p, Dataset d, ParPrediction.Result par) {
        if (spec == null || d == null || d.dim() != 2 || !NeuronClusters.appliesTo(spec, p)) {
            return null;
        }
        boolean constant = spec.appendConstantInput();
        var geo = NeuronClusters.geometry(p);
        double[] wp = geo.wPos(), wn = geo.wNeg();
        double rp = geo.radius() / NeuronClusters.norm(wp), rn = geo.radius() / NeuronClusters.norm(wn);
        boolean parShown = par != null && par.separable() && par.u().length == wp.length;
        LinearRegime cones = new LinearRegime(wp, wn, rp, rn, constant, 0, 0, d.testSize(), parShown ? par.u() : null,
                parShown ? par.v() : null);
        int train = 0, test = 0;
        for (int i = 0; i < d.size(); i++) {
            train += cones.inCone(d.trainCoord(i, 0), d.trainCoord(i, 1)) ? 1 : 0;
        }
        for (int i = 0; i < d.testSize(); i++) {
            test += cones.inCone(d.testCoord(i, 0), d.testCoord(i, 1)) ? 1 : 0;
        }
        return new LinearRegime(wp, wn, rp, rn, constant, train, test, d.testSize(), cones.parU, cones.parV);
    }

    /** Whether the point (x, y) of the plane lies in a cone: Thm 5.1 promises nothing there. */
    public boolean inCone(double x, double y) {
        double[] v = constant ? new double[] {x, y, 1} : new double[] {x, y};
        return NeuronClusters.inNonlinearRegime(v, wPos, wNeg, ratioPos, ratioNeg);
    }

    /** The linear classifier &lt;w+ - w-, (x, y[, 1])&gt; = 0 as a x + b y + c = 0. */
    public double[] classifierLine() {
        return line(wPos, wNeg);
    }

    /** Thm 6.2's predicted boundary &lt;u - v, (x, y[, 1])&gt; = 0 as a x + b y + c = 0, or null where not known. */
    public double[] parLine() {
        return parU == null ? null : line(parU, parV);
    }

    private double[] line(double[] p, double[] q) {
        return new double[] {p[0] - q[0], p[1] - q[1], constant ? p[2] - q[2] : 0};
    }

    /** The points inside the cones: training, test. */
    public int[] inside() {
        return new int[] {insideTrain, insideTest};
    }
}
