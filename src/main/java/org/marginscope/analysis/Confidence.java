package org.marginscope.analysis;

import org.marginscope.data.Viewport;
import org.marginscope.model.Network;
import org.marginscope.model.StableMath;

/**
 * Nar et al. Remark 2: as |w| grows without bound the predicted confidence max_c p(c | x) tends to 100%
 * everywhere off the boundary. Confidence of a logit vector: sigmoid(|f + offset|) for one logit,
 * the largest softmax probability for K.
 */
public final class Confidence {
    private Confidence() {
    }

    /** The confidence of every row of a logit matrix (n x k, row-major). */
    public static double[] of(double[] logits, int n, int k, double offset) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                c[i] = StableMath.sigmoid(Math.abs(logits[i] + offset));
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, logits[i * k + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(logits[i * k + j] - max);
                }
                c[i] = 1 / sum;
            }
        }
        return c;
    }

    /** The mean confidence over a fixed grid of the plane (2D inputs). */
    public static double meanOnGrid(Network net, double offset, Viewport grid) {
        int n = grid.nx() * grid.ny();
        double[] c = of(net.logits(grid.points(), n), n, net.outputWidth(), offset);
        double s = 0;
        for (double v : c) {
            s += v;
        }
        return s / n;
    }
}
