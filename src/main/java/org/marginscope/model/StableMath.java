package org.marginscope.model;

/** Overflow-free forms of the logistic function and its integral. */
public final class StableMath {
    private StableMath() {
    }

    /** 1 / (1 + e^{-z}). */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** Below this |y| {@link #tanh} asks {@link Math#tanh}: 1 - e^{-2|y|} would lose digits. */
    static final double TANH_SMALL = 0.01;

    /**
     * tanh(y) from the intrinsic {@link Math#exp} as (1 - e) / (1 + e), e = e^{-2|y|}: JDK 17's
     * Math.tanh is a native StrictMath call that took a quarter of van den Berg's tiny-net step. At
     * |y| >= 0.01 the relative error is below ~1e-14 (1 - e >= 0.0198, e within an ulp); smaller |y|
     * take the Taylor series.
     */
    public static double tanh(double y) {
        double a = Math.abs(y);
        if (Double.isNaN(y)) {
            return y;
        }
        if (a < TANH_SMALL) {
            // Taylor series to y^9: the next term, 1382/155925 y^11, is below 1e-24 |y| here
            double q = y * y;
            return y * (1 + q * (-1.0 / 3 + q * (2.0 / 15 + q * (-17.0 / 315 + q * (62.0 / 2835)))));
        }
        if (a >= 22) {
            return Math.copySign(1.0, y); // as fdlibm: 1 - 2e^-44 rounds to 1 (and e^-2a would go subnormal, slowly)
        }
        double e = Math.exp(-2 * a);
        return Math.copySign((1 - e) / (1 + e), y);
    }

    /** log(1 + e^z). */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
