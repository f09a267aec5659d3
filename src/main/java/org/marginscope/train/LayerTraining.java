package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-layer training settings: an L2 penalty (lambda/2)|W|^2 on the weights, a bound kappa on every
 * unit's incoming weight norm enforced by projection after each step (van den Berg Sec 5.2), and
 * freezing (on top of the spec's own trainable flag).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record LayerTraining(double l2, double maxRowNorm, boolean frozen) {
    public static final LayerTraining DEFAULT = new LayerTraining(0, 0, false);

    public LayerTraining {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("L2 penalty must be a finite number >= 0, got " + l2);
        }
        if (!(maxRowNorm >= 0) || Double.isInfinite(maxRowNorm)) {
            throw new IllegalArgumentException("row-norm bound must be a finite number >= 0 (0 = none), got " + maxRowNorm);
        }
    }

    @JsonCreator
    public static LayerTraining fromJson(@JsonProperty("l2") Double l2, @JsonProperty("maxRowNorm") Double maxRowNorm,
                                         @JsonProperty("frozen") Boolean frozen) {
        return new LayerTraining(l2 == null ? 0 : l2, maxRowNorm == null ? 0 : maxRowNorm, frozen != null && frozen);
    }
}
