package org.marginscope.render;

/**
 * Class colours and marker shapes. Colours are the Okabe-Ito set, distinguishable with the common
 * colour-vision deficiencies; every class also has its own marker shape, so colour is never the only cue.
 */
public final class Palette {
    public static final int MAX_CLASSES = 8;

    /** ARGB, opaque: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black. */
    private static final int[] COLOURS = {
        0xFF0072B2, 0xFFE69F00, 0xFF009E73, 0xFFD55E00, 0xFFCC79A7, 0xFF56B4E9, 0xFFF0E442, 0xFF000000
    };

    public enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, CROSS, PLUS, TRIANGLE_DOWN, STAR }

    private Palette() {
    }

    public static int colour(int cls) {
        return COLOURS[Math.floorMod(cls, COLOURS.length)];
    }

    public static Marker marker(int cls) {
        return Marker.values()[Math.floorMod(cls, Marker.values().length)];
    }

    /** The colour as #RRGGBB. */
    public static String hex(int cls) {
        return String.format("#%06X", colour(cls) & 0xFFFFFF);
    }

    static int r(int argb) {
        return (argb >> 16) & 0xFF;
    }

    static int g(int argb) {
        return (argb >> 8) & 0xFF;
    }

    static int b(int argb) {
        return argb & 0xFF;
    }

    static int argb(double r, double g, double b) {
        return 0xFF000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Linear blend: t = 0 gives a, t = 1 gives b. */
    static int mix(int a, int b, double t) {
        return argb(r(a) + (r(b) - r(a)) * t, g(a) + (g(b) - g(a)) * t, b(a) + (b(b) - b(a)) * t);
    }
}
