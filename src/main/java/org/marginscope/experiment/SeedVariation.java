package org.marginscope.experiment;

import java.util.Locale;

/**
 * What a seed override varies (issue 21, seeds as an axis): {@code TRAIN} the training seed only (initial
 * weights, mini-batch order, companions and retraining, all derived from it), {@code DATA} the dataset
 * recipe's seed only (the points and their train/test split), {@code BOTH} both - what {@code run --seed}
 * has always done.
 */
public enum SeedVariation {
    TRAIN, DATA, BOTH;

    public boolean variesTraining() {
        return this != DATA;
    }

    public boolean variesData() {
        return this != TRAIN;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** train, data or both (any case); a clear error for anything else. */
    public static SeedVariation parse(String s) {
        for (SeedVariation v : values()) {
            if (v.id().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("--vary must be train, data or both, got '" + s + "'");
    }
}
