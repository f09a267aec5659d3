package org.marginscope.analysis;

import org.marginscope.data.Dataset;
import org.marginscope.model.Parameters;

/**
 * van den Berg Fig 13(f): the distance from each first-layer hyperplane to its nearest training sample.
 * First-layer unit j computes a_j . x + c_j (the paper's &lt;a, x&gt; - beta, so c_j = -beta); its hyperplane
 * {x : a_j . x + c_j = 0} lies at distance |a_j . x + c_j| / |a_j| from a point x, and the measure is
 *
 * <pre>  d_j = min over the training samples x of |a_j . x + c_j| / |a_j|</pre>
 *
 * in the units of the data (NaN for a unit with a_j = 0, which has no hyperplane). Where the network appends
 * a constant input, its weight joins c_j. It is reported per unit, not as the minimum over units: the paper's
 * argument (Sec 5.1.1) is about each hyperplane separately - a hyperplane moves fast while a sample sits in
 * its transition region and stalls when none is near it - and a minimum over units would hide a stalled
 * hyperplane behind another one that has samples close by.
 */
public final class HyperplaneDistance {
    private HyperplaneDistance() {
    }

    /**
     * d_j for every unit j of the first layer.
     *
     * @param appendedConstant whether the last input of the first layer is the constant 1
     */
    public static double[] perUnit(Parameters p, Dataset data, boolean appendedConstant) {
        int in = p.in(0), units = p.out(0), dim = data.dim();
        int geometric = appendedConstant ? in - 1 : in;
        if (geometric != dim) {
            throw new IllegalArgumentException("the first layer takes " + geometric + " features, the data have " + dim);
        }
        double[] x = data.trainX();
        int n = data.size();
        double[] d = new double[units];
        for (int j = 0; j < units; j++) {
            double[] a = p.unitWeights(0, j);
            double c = p.bias(0, j) + (appendedConstant ? a[in - 1] : 0);
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += a[i] * a[i];
            }
            norm = Math.sqrt(norm);
            if (norm == 0 || n == 0) {
                d[j] = Double.NaN;
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                double v = c;
                for (int i = 0; i < dim; i++) {
                    v += a[i] * x[s * dim + i];
                }
                best = Math.min(best, Math.abs(v));
            }
            d[j] = best / norm;
        }
        return d;
    }
}
