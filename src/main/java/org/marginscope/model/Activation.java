package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An activation function with its parameter (alpha for Leaky ReLU, gamma for the sigmoids). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activation(ActivationKind kind, Double param) {

    public static final Activation LINEAR = new Activation(ActivationKind.LINEAR, null);
    public static final Activation RELU = new Activation(ActivationKind.RELU, null);
    public static final Activation TANH = new Activation(ActivationKind.TANH, null);
    public static final Activation SQUARE = new Activation(ActivationKind.SQUARE, null);
    public static final Activation SOFTPLUS = new Activation(ActivationKind.SOFTPLUS, null);

    @JsonCreator
    public Activation(@JsonProperty("kind") ActivationKind kind, @JsonProperty("param") Double param) {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind missing");
        }
        if (kind.hasParam()) {
            param = param == null ? kind.defaultParam() : param;
            if (!Double.isFinite(param)) {
                throw new IllegalArgumentException(kind.id() + " needs a finite parameter, got " + param);
            }
            if (kind == ActivationKind.LEAKY_RELU && (param < 0 || param > 1)) {
                throw new IllegalArgumentException("leaky ReLU max(alpha z, z) needs alpha in [0, 1], got " + param);
            }
        } else {
            param = null;
        }
        this.kind = kind;
        this.param = param;
    }

    public static Activation leakyRelu(double alpha) {
        return new Activation(ActivationKind.LEAKY_RELU, alpha);
    }

    public static Activation symmetricSigmoid(double gamma) {
        return new Activation(ActivationKind.SYMMETRIC_SIGMOID, gamma);
    }

    public static Activation logisticWithGamma(double gamma) {
        return new Activation(ActivationKind.LOGISTIC, gamma);
    }

    double p() {
        return param == null ? Double.NaN : param;
    }

    /** f(z). */
    public double apply(double z) {
        switch (kind) {
            case LINEAR:
                return z;
            case RELU:
                return z > 0 ? z : 0;
            case LEAKY_RELU:
                return z > 0 ? z : param * z;
            case SYMMETRIC_SIGMOID:
                return StableMath.tanh(0.5 * param * z);
            case LOGISTIC:
                return StableMath.sigmoid(param * z);
            case TANH:
                return StableMath.tanh(z);
            case SQUARE:
                return z * z;
            case SOFTPLUS:
                return StableMath.softplus(z);
            default:
                throw new AssertionError(kind);
        }
    }

    /** f'(z). At the kink of ReLU-type functions the derivative of the left side (0 resp. alpha) is used. */
    public double derivative(double z) {
        switch (kind) {
            case LINEAR:
                return 1;
            case RELU:
                return z > 0 ? 1 : 0;
            case LEAKY_RELU:
                return z > 0 ? 1 : param;
            case SYMMETRIC_SIGMOID: {
                double t = StableMath.tanh(0.5 * param * z);
                return 0.5 * param * (1 - t * t);
            }
            case LOGISTIC: {
                double s = StableMath.sigmoid(param * z);
                return param * s * (1 - s);
            }
            case TANH: {
                double t = StableMath.tanh(z);
                return 1 - t * t;
            }
            case SQUARE:
                return 2 * z;
            case SOFTPLUS:
                return StableMath.sigmoid(z);
            default:
                throw new AssertionError(kind);
        }
    }

    /** The range of the output, used to colour unit maps: {min, max}, infinite where unbounded. */
    public double[] range() {
        switch (kind) {
            case SYMMETRIC_SIGMOID:
            case TANH:
                return new double[] {-1, 1};
            case LOGISTIC:
                return new double[] {0, 1};
            case RELU:
            case SQUARE:
            case SOFTPLUS:
                return new double[] {0, Double.POSITIVE_INFINITY};
            default:
                return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
    }

    /** True where f is piecewise linear with f(z) = slope * z, so the backward pass may read the sign off f(z). */
    boolean isPiecewiseLinearThroughZero() {
        return kind == ActivationKind.LINEAR || kind == ActivationKind.RELU || kind == ActivationKind.LEAKY_RELU;
    }

    @Override
    public String toString() {
        return param == null ? kind.id() : kind.id() + "(" + param + ")";
    }
}
