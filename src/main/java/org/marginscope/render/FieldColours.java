package org.marginscope.render;

/**
 * Colour maps for scalar fields over the plane (van den Berg's unit maps and gradient heatmaps), as
 * opaque ARGB. Both are print-safe and keep their order in grey: the diverging map runs from the
 * class-0 blue through white to the class-1 orange; the sequential map from white through yellow and
 * orange to dark brown (ColorBrewer YlOrBr).
 */
public final class FieldColours {
    private static final int[] SEQUENTIAL = {0xFFFFFF, 0xFEE391, 0xFE9929, 0xCC4C02, 0x662506};
    /** Cells without a value (e.g. outside every class region). */
    public static final int NONE = 0xFFE6E6E6;

    private FieldColours() {
    }

    /** t in [0, 1] (clamped): white at 0, dark brown at 1; NaN gives {@link #NONE}. */
    public static int sequential(double t) {
        if (Double.isNaN(t)) {
            return NONE;
        }
        double s = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
        int i = Math.min(SEQUENTIAL.length - 2, (int) s);
        return Palette.mix(SEQUENTIAL[i], SEQUENTIAL[i + 1], s - i);
    }

    /** v in [lo, hi] with the centre white: blue below, orange above; NaN gives {@link #NONE}. */
    public static int diverging(double v, double lo, double centre, double hi) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (v >= centre) {
            double t = hi > centre ? Math.min(1, (v - centre) / (hi - centre)) : 0;
            return Palette.mix(0xFFFFFF, Palette.colour(1) & 0xFFFFFF, 0.85 * t);
        }
        double t = centre > lo ? Math.min(1, (centre - v) / (centre - lo)) : 0;
        return Palette.mix(0xFFFFFF, Palette.colour(0) & 0xFFFFFF, 0.85 * t);
    }
}
