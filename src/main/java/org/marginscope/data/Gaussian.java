package org.marginscope.data;

import java.util.SplittableRandom;

/** Standard normal draws that depend only on the random stream (Marsaglia's polar method). */
public final class Gaussian {
    private Gaussian() {
    }

    public static double draw(SplittableRandom rnd) {
        double u, v, s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
