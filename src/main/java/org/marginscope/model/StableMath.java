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

    /** log(1 + e^z). */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
