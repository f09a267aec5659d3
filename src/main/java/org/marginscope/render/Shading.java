package org.marginscope.render;

/**
 * Colours a class-probability field. Two classes: a diverging map from class 0's colour through a
 * light neutral (p = 0.5) to class 1's colour. K classes: the winning class's colour, faded towards
 * the neutral by how unsure the net is (max probability 1/K -> neutral, 1 -> a light tint).
 */
public final class Shading {
    /** Neutral at the boundary: a very light grey, so white points and the contour stay visible. */
    static final int NEUTRAL = 0xFFF7F7F7;
    /** How strong the tint gets at full confidence (1 = the pure class colour; lighter keeps points readable). */
    static final double MAX_TINT = 0.55;

    private Shading() {
    }

    /** p1 = probability of class 1. */
    public static int binary(double p1) {
        double t = Math.abs(2 * p1 - 1);
        int c = Palette.colour(p1 >= 0.5 ? 1 : 0);
        return Palette.mix(NEUTRAL, c, MAX_TINT * t);
    }

    /** probs: K class probabilities starting at offset o. */
    public static int multi(double[] probs, int o, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (probs[o + j] > probs[o + best]) {
                best = j;
            }
        }
        double conf = (probs[o + best] - 1.0 / k) / (1 - 1.0 / k);
        return Palette.mix(NEUTRAL, Palette.colour(best), MAX_TINT * Math.max(0, Math.min(1, conf)));
    }
}
