package org.marginscope.model;

import java.util.Arrays;

/**
 * An immutable copy of a network's weights: per layer a row-major in x out matrix and a bias
 * vector (null for a layer without bias). Snapshots hold these; they cross threads freely.
 */
public final class Parameters {
    private final int[] inDims;
    private final int[] outDims;
    private final double[][] weights;
    private final double[][] biases;

    public Parameters(int[] inDims, int[] outDims, double[][] weights, double[][] biases) {
        int layers = inDims.length;
        if (outDims.length != layers || weights.length != layers || biases.length != layers) {
            throw new IllegalArgumentException("parameter arrays disagree on the layer count");
        }
        this.inDims = inDims.clone();
        this.outDims = outDims.clone();
        this.weights = new double[layers][];
        this.biases = new double[layers][];
        for (int k = 0; k < layers; k++) {
            if (weights[k].length != inDims[k] * outDims[k]) {
                throw new IllegalArgumentException("layer " + (k + 1) + " weight count mismatch");
            }
            this.weights[k] = weights[k].clone();
            this.biases[k] = biases[k] == null ? null : biases[k].clone();
        }
    }

    /** Every weight and bias multiplied by gamma (van den Berg Fig 12's weight scale). */
    public Parameters scaled(double gamma) {
        double[][] w = new double[weights.length][], b = new double[biases.length][];
        for (int k = 0; k < weights.length; k++) {
            w[k] = weights[k].clone();
            for (int i = 0; i < w[k].length; i++) {
                w[k][i] *= gamma;
            }
            if (biases[k] != null) {
                b[k] = biases[k].clone();
                for (int i = 0; i < b[k].length; i++) {
                    b[k][i] *= gamma;
                }
            }
        }
        return new Parameters(inDims, outDims, w, b);
    }

    public int layers() {
        return weights.length;
    }

    public int in(int layer) {
        return inDims[layer];
    }

    public int out(int layer) {
        return outDims[layer];
    }

    /** Row-major in x out copy. */
    public double[] weights(int layer) {
        return weights[layer].clone();
    }

    /** w[i][j]: weight from input i to unit j. */
    public double weight(int layer, int i, int j) {
        return weights[layer][i * outDims[layer] + j];
    }

    public boolean hasBias(int layer) {
        return biases[layer] != null;
    }

    /** A copy, or null for a layer without bias. */
    public double[] biases(int layer) {
        return biases[layer] == null ? null : biases[layer].clone();
    }

    public double bias(int layer, int j) {
        return biases[layer] == null ? 0 : biases[layer][j];
    }

    /** The incoming weight vector of one unit (a row of the paper's A_k). */
    public double[] unitWeights(int layer, int unit) {
        double[] r = new double[inDims[layer]];
        for (int i = 0; i < r.length; i++) {
            r[i] = weight(layer, i, unit);
        }
        return r;
    }

    /** Frobenius norm of the layer's weight matrix (biases not included). */
    public double weightNorm(int layer) {
        return norm(weights[layer]);
    }

    /** Euclidean norm of each unit's incoming weights (the rows of A_k). */
    public double[] rowNorms(int layer) {
        double[] r = new double[outDims[layer]];
        double[] w = weights[layer];
        int out = outDims[layer];
        for (int i = 0; i < inDims[layer]; i++) {
            for (int j = 0; j < out; j++) {
                r[j] += w[i * out + j] * w[i * out + j];
            }
        }
        for (int j = 0; j < out; j++) {
            r[j] = Math.sqrt(r[j]);
        }
        return r;
    }

    public long count() {
        long c = 0;
        for (int k = 0; k < weights.length; k++) {
            c += weights[k].length + (biases[k] == null ? 0 : biases[k].length);
        }
        return c;
    }

    /** Approximate heap bytes held. */
    public long bytes() {
        return 8 * count() + 64L * weights.length + 64;
    }

    public boolean allFinite() {
        for (int k = 0; k < weights.length; k++) {
            if (!finite(weights[k]) || (biases[k] != null && !finite(biases[k]))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every entry is finite (no NaN, no infinity). */
    public static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.deepEquals(weights, p.weights) && Arrays.deepEquals(biases, p.biases);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights);
    }
}
