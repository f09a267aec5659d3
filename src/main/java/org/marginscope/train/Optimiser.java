package org.marginscope.train;

import org.marginscope.model.Network;

/**
 * Updates a network's master weights from its gradients. L2 penalties are added to the gradient
 * first; row-norm bounds are applied afterwards by projection (projected gradient descent).
 */
public final class Optimiser {
    private final TrainingConfig config;
    private final double[][][] state1;
    private final double[][][] state2;
    private long t;

    public Optimiser(TrainingConfig config, Network net) {
        this.config = config;
        int layers = net.layers();
        state1 = new double[layers][2][];
        state2 = new double[layers][2][];
        for (int k = 0; k < layers; k++) {
            state1[k][0] = new double[net.liveWeights(k).length];
            state2[k][0] = new double[net.liveWeights(k).length];
            if (net.liveBiases(k) != null) {
                state1[k][1] = new double[net.liveBiases(k).length];
                state2[k][1] = new double[net.liveBiases(k).length];
            }
        }
    }

    /** The same optimiser state under new hyper-parameters (e.g. a changed learning rate). */
    Optimiser withConfig(TrainingConfig c) {
        Optimiser o = new Optimiser(c, state1, state2, t);
        return o;
    }

    private Optimiser(TrainingConfig config, double[][][] s1, double[][][] s2, long t) {
        this.config = config;
        this.state1 = s1;
        this.state2 = s2;
        this.t = t;
    }

    /** One update of every layer with {@code trainable[k]}; then {@link Network#syncWeights()}. */
    public void step(Network net, boolean[] trainable) {
        t++;
        for (int k = 0; k < net.layers(); k++) {
            if (!trainable[k]) {
                continue;
            }
            LayerTraining lt = config.layer(k);
            double[] w = net.liveWeights(k);
            double[] g = net.weightGradient(k);
            if (lt.l2() > 0) {
                for (int i = 0; i < w.length; i++) {
                    g[i] += lt.l2() * w[i]; // d/dW of (lambda/2)|W|^2
                }
            }
            update(w, g, state1[k][0], state2[k][0]);
            if (net.liveBiases(k) != null) {
                update(net.liveBiases(k), net.biasGradient(k), state1[k][1], state2[k][1]);
            }
            if (lt.maxRowNorm() > 0) {
                projectRows(w, net.inputs(k), net.units(k), lt.maxRowNorm());
            }
        }
        net.syncWeights();
    }

    private void update(double[] w, double[] g, double[] m, double[] v) {
        double lr = config.learningRate();
        switch (config.optimiser()) {
            case GD:
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * g[i];
                }
                break;
            case MOMENTUM: {
                double mu = config.momentum();
                for (int i = 0; i < w.length; i++) {
                    m[i] = mu * m[i] + g[i];
                    w[i] -= lr * m[i];
                }
                break;
            }
            case ADAM: {
                double b1 = config.beta1(), b2 = config.beta2(), eps = config.epsilon();
                double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
                for (int i = 0; i < w.length; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                }
                break;
            }
            default:
                throw new AssertionError(config.optimiser());
        }
    }

    /** Scales every unit's incoming weight vector (a column of the in x out matrix) back to norm kappa if longer. */
    static void projectRows(double[] w, int in, int out, double kappa) {
        for (int j = 0; j < out; j++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
                s += w[i * out + j] * w[i * out + j];
            }
            double norm = Math.sqrt(s);
            if (norm > kappa) {
                double f = kappa / norm;
                for (int i = 0; i < in; i++) {
                    w[i * out + j] *= f;
                }
            }
        }
    }
}
