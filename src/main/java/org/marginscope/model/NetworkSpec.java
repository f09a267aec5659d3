package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward network: input dimension, then weight layers; the last layer is the output head
 * (linear; width 1 = one logit for two classes, width K >= 2 = K softmax logits). With
 * {@code appendConstantInput} a constant 1 is appended to every input, the bias trick of
 * Sarussi et al. (appendix K) for nets whose layers have no bias.
 */
public record NetworkSpec(int inputDim, boolean appendConstantInput, List<LayerSpec> layers) {
    /**
     * The widest layer and the most weights and biases a network may have. Checked before anything is
     * allocated: a project, a preset or the editor asking for more is refused with these numbers rather than
     * failing in the trainer (at 10 M parameters one kept snapshot is already 80 MB of float64).
     */
    public static final int MAX_WIDTH = 100_000;
    public static final long MAX_PARAMETERS = 10_000_000;

    @JsonCreator
    public NetworkSpec(@JsonProperty("inputDim") int inputDim,
                       @JsonProperty("appendConstantInput") boolean appendConstantInput,
                       @JsonProperty("layers") List<LayerSpec> layers) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("input dimension must be at least 1, got " + inputDim);
        }
        if (inputDim > MAX_WIDTH) {
            throw new IllegalArgumentException("an input dimension of " + inputDim + " is over the limit of "
                    + limit(MAX_WIDTH));
        }
        if (layers == null || layers.isEmpty() || layers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a network needs at least an output layer, and no empty layers");
        }
        LayerSpec out = layers.get(layers.size() - 1);
        if (out.activation().kind() != ActivationKind.LINEAR) {
            throw new IllegalArgumentException("the output layer must be linear (logits), not " + out.activation());
        }
        this.inputDim = inputDim;
        this.appendConstantInput = appendConstantInput;
        this.layers = List.copyOf(layers);
        int in = effectiveInputDim();
        for (int k = 0; k < this.layers.size(); k++) {
            LayerSpec l = this.layers.get(k);
            if (l.weights() != null) {
                if (l.weights().length != in) {
                    throw new IllegalArgumentException("layer " + (k + 1) + ": explicit weights have "
                            + l.weights().length + " rows, expected " + in + " (inputs)");
                }
                for (double[] row : l.weights()) {
                    if (row.length != l.width()) {
                        throw new IllegalArgumentException("layer " + (k + 1) + ": explicit weight rows must have "
                                + l.width() + " entries (units)");
                    }
                }
            }
            in = l.width();
        }
        long n = parameterCount();
        if (n > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network " + this + " has " + limit(n)
                    + " weights and biases, over the limit of " + limit(MAX_PARAMETERS));
        }
    }

    /** Weights and biases together (computed in long: widths near the limit overflow an int). */
    @JsonIgnore
    public long parameterCount() {
        long n = 0;
        int in = effectiveInputDim();
        for (LayerSpec l : layers) {
            n += (long) in * l.width() + (l.bias() ? l.width() : 0);
            in = l.width();
        }
        return n;
    }

    /** A count as the limit messages write it: 10,000,000. */
    static String limit(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** A plain MLP: hidden widths with one activation, then an output head for K classes. */
    public static NetworkSpec mlp(int inputDim, int classes, Activation act, int... hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int h : hidden) {
            layers.add(LayerSpec.dense(h, act));
        }
        layers.add(LayerSpec.output(classes <= 2 ? 1 : classes));
        return new NetworkSpec(inputDim, false, layers);
    }

    /**
     * Sarussi et al.: 2k Leaky ReLU units without bias, the second layer fixed to +1 on the first k
     * units and -1 on the other k, one logit, no output bias.
     */
    public static NetworkSpec sarussi(int inputDim, int k, double alpha, double initScale, boolean appendOne) {
        double[][] second = new double[2 * k][1];
        for (int i = 0; i < 2 * k; i++) {
            second[i][0] = i < k ? 1 : -1;
        }
        LayerSpec hidden = new LayerSpec(2 * k, Activation.leakyRelu(alpha), false, true, Initialiser.NORMAL,
                initScale, 0, null, null);
        LayerSpec out = new LayerSpec(1, Activation.LINEAR, false, false, Initialiser.ZERO, 1.0, 0, second, null);
        return new NetworkSpec(inputDim, appendOne, List.of(hidden, out));
    }

    @JsonIgnore
    public int effectiveInputDim() {
        return inputDim + (appendConstantInput ? 1 : 0);
    }

    @JsonIgnore
    public int outputWidth() {
        return layers.get(layers.size() - 1).width();
    }

    /** Number of classes the head separates: 2 for one logit, else its width. */
    @JsonIgnore
    public int classes() {
        return outputWidth() == 1 ? 2 : outputWidth();
    }

    /** Width of the transformed space (the last hidden layer), or the input dimension without hidden layers. */
    @JsonIgnore
    public int transformedDim() {
        return layers.size() >= 2 ? layers.get(layers.size() - 2).width() : effectiveInputDim();
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(inputDim, appendConstantInput, newLayers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputDim);
        for (LayerSpec l : layers) {
            sb.append('-').append(l.width());
        }
        return sb.toString();
    }
}
