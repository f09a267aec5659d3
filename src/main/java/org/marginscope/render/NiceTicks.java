package org.marginscope.render;

import java.util.ArrayList;
import java.util.List;

/** Axis ticks at 1, 2 or 5 times a power of ten. */
public final class NiceTicks {
    private NiceTicks() {
    }

    /** About {@code count} ticks covering [min, max], each a multiple of a nice step. */
    public static List<Double> ticks(double min, double max, int count) {
        List<Double> t = new ArrayList<>();
        if (!(max > min) || count < 1) {
            return t;
        }
        double step = step(min, max, count);
        double first = Math.ceil(min / step) * step;
        for (int i = 0; ; i++) {
            double v = first + i * step;
            if (v > max + step * 1e-9) {
                break;
            }
            t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return t;
    }

    public static double step(double min, double max, int count) {
        double raw = (max - min) / Math.max(1, count);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    }

    /** A short label for a tick: no trailing zeros, scientific notation for very large or small values. */
    public static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
