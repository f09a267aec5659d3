package org.marginscope.train;

import org.marginscope.model.Network;

/**
 * A copy of a network's live weights and biases taken before an update, so that an update that overflows,
 * or the last one before a step whose loss or gradient is not finite, can be undone. Sized once per network
 * shape; it holds no reference to the network, which a dtype change replaces by one of the same shape.
 */
final class WeightBackup {
    private final double[][] weights;
    private final double[][] biases;

    WeightBackup(Network net) {
        weights = new double[net.layers()][];
        biases = new double[net.layers()][];
        for (int k = 0; k < net.layers(); k++) {
            weights[k] = new double[net.liveWeights(k).length];
            biases[k] = net.liveBiases(k) == null ? null : new double[net.liveBiases(k).length];
        }
    }

    void save(Network net) {
        for (int k = 0; k < weights.length; k++) {
            System.arraycopy(net.liveWeights(k), 0, weights[k], 0, weights[k].length);
            if (biases[k] != null) {
                System.arraycopy(net.liveBiases(k), 0, biases[k], 0, biases[k].length);
            }
        }
    }

    void restoreInto(Network net) {
        for (int k = 0; k < weights.length; k++) {
            System.arraycopy(weights[k], 0, net.liveWeights(k), 0, weights[k].length);
            if (biases[k] != null) {
                System.arraycopy(biases[k], 0, net.liveBiases(k), 0, biases[k].length);
            }
        }
        net.syncWeights();
    }
}
