package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Poggio et al. Fig 5 as a schedule: once the training error is zero, every {@code every} steps add
 * Gaussian noise with std = factor x (each trainable layer's weight std), until step {@code until}.
 * The paper perturbs every 120,000 of 10,000,000 iterations with 1/4 of the std and stops half way.
 */
public record Perturbation(double factor, long every, long until) {
    @JsonCreator
    public Perturbation(@JsonProperty("factor") double factor, @JsonProperty("every") long every,
                        @JsonProperty("until") long until) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the perturbation factor must be a number > 0, got " + factor);
        }
        if (every < 1 || until < 0) {
            throw new IllegalArgumentException("perturb every >= 1 steps until a step >= 0 (got every " + every
                    + ", until " + until + ")");
        }
        this.factor = factor;
        this.every = every;
        this.until = until;
    }
}
