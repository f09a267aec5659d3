package org.marginscope.analysis;

import java.util.List;
import org.marginscope.model.Parameters;

/**
 * Poggio et al. 2018: with exponential-type losses the normalised weights of every layer converge to the
 * same (max-margin) direction whatever the initialisation; with the square loss they keep a memory of it.
 * The spread of an ensemble of copies trained from different seeds is the largest pairwise angle between
 * their normalised layers (weights and bias of the layer as one vector). For hidden layers the angle also
 * counts permutations of the units, so only the last layer (and random-feature models, whose hidden
 * layers are shared) is free of that ambiguity.
 */
public final class EnsembleSpread {
    private EnsembleSpread() {
    }

    /** The largest pairwise angle in degrees between the copies' layer {@code k}; 0 for fewer than two copies. */
    public static double layerSpreadDeg(List<Parameters> copies, int k) {
        double worst = 0;
        for (int a = 0; a < copies.size(); a++) {
            double[] va = layerVector(copies.get(a), k);
            for (int b = a + 1; b < copies.size(); b++) {
                double angle = angleDeg(va, layerVector(copies.get(b), k));
                if (!Double.isNaN(angle)) {
                    worst = Math.max(worst, angle);
                }
            }
        }
        return worst;
    }

    /** Whether all copies have the shapes of the first (the spread compares like with like). */
    public static boolean sameShape(List<Parameters> copies) {
        Parameters first = copies.get(0);
        for (Parameters p : copies) {
            if (p.layers() != first.layers()) {
                return false;
            }
            for (int k = 0; k < p.layers(); k++) {
                if (p.in(k) != first.in(k) || p.out(k) != first.out(k) || p.hasBias(k) != first.hasBias(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    static double[] layerVector(Parameters p, int k) {
        double[] w = p.weights(k);
        if (!p.hasBias(k)) {
            return w;
        }
        double[] b = p.biases(k);
        double[] v = java.util.Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, v, w.length, b.length);
        return v;
    }

    public static double angleDeg(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)))));
    }
}
