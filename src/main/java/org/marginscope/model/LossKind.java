package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum LossKind {
    /** Logistic loss for one logit, softmax cross-entropy for K logits. */
    CROSS_ENTROPY("cross_entropy"),
    /** exp(-y f) for one logit; sum_{j != y} exp(f_j - f_y) for K logits. */
    EXPONENTIAL("exponential"),
    /** (f - y)^2 / 2 with y in {-1, +1} for one logit; one-hot targets for K logits. */
    SQUARE("square"),
    /** max(0, 1 - y f); Crammer-Singer max(0, 1 + max_{j != y} f_j - f_y) for K logits. */
    HINGE("hinge"),
    /**
     * Nar et al.'s differential training (Thm 5): the mean over pairs (i of class 1, j of class 0) of
     * log(1 + exp(-(f(x_i) - f(x_j)))). One logit only; the bias comes afterwards from Eq (8).
     */
    DIFFERENTIAL("differential");

    private final String id;

    LossKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static LossKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (LossKind l : values()) {
            if (l.id.equals(k)) {
                return l;
            }
        }
        switch (k) {
            case "logistic":
            case "ce":
            case "xent":
                return CROSS_ENTROPY;
            case "exp":
                return EXPONENTIAL;
            case "mse":
                return SQUARE;
            default:
                throw new IllegalArgumentException("unknown loss '" + s
                        + "'; known: cross_entropy, exponential, square, hinge, differential");
        }
    }
}
