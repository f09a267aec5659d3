package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One dense layer x_k = act(x_{k-1} W + c); biases start at {@code biasInit} (Li et al.'s code uses 0.1). Explicit initial weights, when given, are row-major
 * in x out (the transpose of the paper's A_k, whose rows are units) and override the initialiser.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(
        int width,
        Activation activation,
        boolean bias,
        boolean trainable,
        Initialiser init,
        double initScale,
        double biasInit,
        double[][] weights,
        double[] biases) {

    public LayerSpec {
        if (width < 1) {
            throw new IllegalArgumentException("layer width must be at least 1, got " + width);
        }
        if (width > NetworkSpec.MAX_WIDTH) {
            throw new IllegalArgumentException("a layer of width " + width + " is over the limit of "
                    + NetworkSpec.limit(NetworkSpec.MAX_WIDTH) + " units");
        }
        activation = activation == null ? Activation.RELU : activation;
        init = init == null ? defaultInit(activation) : init;
        if (!Double.isFinite(biasInit)) {
            throw new IllegalArgumentException("bias init must be a finite number, got " + biasInit);
        }
        if (!(initScale >= 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("init scale must be a finite number >= 0, got " + initScale);
        }
        if (biases != null && biases.length != width) {
            throw new IllegalArgumentException("layer of width " + width + " has " + biases.length + " explicit biases");
        }
        if (!finite(biases) || (weights != null && !java.util.Arrays.stream(weights).allMatch(LayerSpec::finite))) {
            throw new IllegalArgumentException("explicit weights and biases must be finite numbers");
        }
    }

    /** The JSON form: bias and trainable default to true, the init scale to 1. */
    @JsonCreator
    public static LayerSpec fromJson(@JsonProperty("width") int width,
                                     @JsonProperty("activation") Activation activation,
                                     @JsonProperty("bias") Boolean bias,
                                     @JsonProperty("trainable") Boolean trainable,
                                     @JsonProperty("init") Initialiser init,
                                     @JsonProperty("initScale") Double initScale,
                                     @JsonProperty("biasInit") Double biasInit,
                                     @JsonProperty("weights") double[][] weights,
                                     @JsonProperty("biases") double[] biases) {
        return new LayerSpec(width, activation, bias == null || bias, trainable == null || trainable, init,
                initScale == null ? 1.0 : initScale, biasInit == null ? 0.0 : biasInit, weights, biases);
    }

    private static boolean finite(double[] v) {
        return v == null || java.util.Arrays.stream(v).allMatch(Double::isFinite);
    }

    private static Initialiser defaultInit(Activation a) {
        if (a == null) {
            return Initialiser.HE;
        }
        switch (a.kind()) {
            case RELU:
            case LEAKY_RELU:
                return Initialiser.HE;
            default:
                return Initialiser.XAVIER;
        }
    }

    public static LayerSpec dense(int width, Activation activation) {
        return new LayerSpec(width, activation, true, true, null, 1.0, 0.0, null, null);
    }

    /** The output layer: linear, with a bias. */
    public static LayerSpec output(int logits) {
        return new LayerSpec(logits, Activation.LINEAR, true, true, Initialiser.XAVIER, 1.0, 0.0, null, null);
    }

    public LayerSpec withBias(boolean b) {
        return new LayerSpec(width, activation, b, trainable, init, initScale, biasInit, weights, biases);
    }

    public LayerSpec withTrainable(boolean t) {
        return new LayerSpec(width, activation, bias, t, init, initScale, biasInit, weights, biases);
    }

    public LayerSpec withInit(Initialiser i, double scale) {
        return new LayerSpec(width, activation, bias, trainable, i, scale, biasInit, weights, biases);
    }

    public LayerSpec withWeights(double[][] w, double[] b) {
        return new LayerSpec(width, activation, bias, trainable, init, initScale, biasInit, w, b);
    }
}
