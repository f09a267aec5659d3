package org.marginscope.train;

import org.marginscope.model.Network;
import org.marginscope.model.Parameters;

/** Each layer's weight and gradient norms, read from a network's live arrays, and whether its weights are finite. */
final class LayerNorms {
    private LayerNorms() {
    }

    /** Each layer's weight norm (one pass; infinite when the squares overflow, NaN when a weight or bias is). */
    static double[] weights(Network net) {
        double[] norms = new double[net.layers()];
        for (int k = 0; k < norms.length; k++) {
            double s = 0;
            for (double v : net.liveWeights(k)) {
                s += v * v;
            }
            if (net.liveBiases(k) != null) {
                for (double v : net.liveBiases(k)) {
                    s += 0 * v; // a NaN or infinite bias makes the layer's norm NaN, for the overflow test
                }
            }
            norms[k] = Math.sqrt(s);
        }
        return norms;
    }

    /** The norm of each trainable layer's last gradient, weights and biases together (0 for the others). */
    static double[] gradients(Network net, boolean[] trainable) {
        double[] g = new double[net.layers()];
        for (int k = 0; k < g.length; k++) {
            if (!trainable[k]) {
                continue;
            }
            double s = 0;
            for (double v : net.weightGradient(k)) {
                s += v * v;
            }
            if (net.biasGradient(k) != null) {
                for (double v : net.biasGradient(k)) {
                    s += v * v;
                }
            }
            g[k] = Math.sqrt(s);
        }
        return g;
    }

    /** Whether every live weight and bias is finite. */
    static boolean finite(Network net) {
        for (int k = 0; k < net.layers(); k++) {
            if (!Parameters.finite(net.liveWeights(k)) || net.liveBiases(k) != null
                    && !Parameters.finite(net.liveBiases(k))) {
                return false;
            }
        }
        return true;
    }
}
