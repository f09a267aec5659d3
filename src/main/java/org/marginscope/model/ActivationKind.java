package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The activation functions a layer can use; the parameter's meaning is given per kind. */
public enum ActivationKind {
    LINEAR("linear", Double.NaN),
    RELU("relu", Double.NaN),
    /** max(alpha z, z); parameter alpha. */
    LEAKY_RELU("leaky_relu", 0.01),
    /** van den Berg's symmetric sigmoid sigma_gamma(z) = 2/(1+e^{-gamma z}) - 1 = tanh(gamma z / 2); parameter gamma. */
    SYMMETRIC_SIGMOID("symmetric_sigmoid", 1.0),
    /** logistic_gamma(z) = 1/(1+e^{-gamma z}); parameter gamma. */
    LOGISTIC("logistic", 1.0),
    TANH("tanh", Double.NaN),
    /** u^2 (Li et al. appendix: keeps the boundary non-linear on small-range data). */
    SQUARE("square", Double.NaN),
    SOFTPLUS("softplus", Double.NaN);

    private final String id;
    private final double defaultParam;

    ActivationKind(String id, double defaultParam) {
        this.id = id;
        this.defaultParam = defaultParam;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean hasParam() {
        return !Double.isNaN(defaultParam);
    }

    public double defaultParam() {
        return defaultParam;
    }

    @JsonCreator
    public static ActivationKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ActivationKind a : values()) {
            if (a.id.equals(k)) {
                return a;
            }
        }
        if (k.equals("sigmoid")) {
            return LOGISTIC;
        }
        throw new IllegalArgumentException("unknown activation '" + s + "'; known: linear, relu, leaky_relu, "
                + "symmetric_sigmoid, logistic, tanh, square, softplus");
    }
}
