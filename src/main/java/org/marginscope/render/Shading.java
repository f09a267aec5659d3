package org.marginscope.render;

/**
 * Colours a class-probability field. Two classes: a diverging map from class 0's colour through a
 * light neutral (p = 0.5) to class 1's colour. K classes: the class colours blended by their
 * probabilities, faded towards the neutral by how unsure the net is (max probability 1/K -> neutral).
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

    /** probs: K class probabilities starting at offset o: the class colours blended by probability, faded by uncertainty. */
    public static int multi(double[] probs, int o, int k) {
        return multi(probs, o, k, k);
    }

    /** As above when only {@code classes} of the k outputs can win (the others' probabilities are 0). */
    public static int multi(double[] probs, int o, int k, int classes) {
        double r = 0, g = 0, b = 0, best = 0;
        for (int j = 0; j < k; j++) {
            double p = probs[o + j];
            int c = Palette.colour(j);
            r += p * Palette.r(c);
            g += p * Palette.g(c);
            b += p * Palette.b(c);
            best = Math.max(best, p);
        }
        double conf = (best - 1.0 / classes) / (1 - 1.0 / classes);
        return Palette.mix(NEUTRAL, Palette.argb(r, g, b), MAX_TINT * Math.max(0, Math.min(1, conf)));
    }

    /** A flat label colour: class {@code cls}'s tint at a fixed strength (for hard labels such as an SVM's). */
    public static int tint(int cls) {
        return Palette.mix(NEUTRAL, Palette.colour(cls), 0.6 * MAX_TINT);
    }

    /** Slate blue: the confidence scale's full end, apart from both class colours. */
    static final int CONFIDENT = 0xFF2F3E62;

    /** Nar Remark 2's fixed scale: confidence 0.5 (or less) neutral, 1.0 dark slate, linear in between. */
    public static int confidence(double c) {
        double t = Math.max(0, Math.min(1, (c - 0.5) / 0.5));
        return Palette.mix(NEUTRAL, CONFIDENT, 0.8 * t);
    }
}
