package org.marginscope.model;

/**
 * Exponentials, logarithms and tanh over whole arrays: in vector lanes where the Vector API is present
 * ({@link VectorTranscendentals}), else element by element with the same formulas. Van den Berg's tiny nets
 * spent most of their step in one tanh, one exp and one log per point. The two ways agree within an ulp of
 * each exponential, not bit for bit, so the general and the plain path both come here and stay equal.
 */
final class Transcendentals {
    private Transcendentals() {
    }

    static void exp(double[] src, double[] dst, int len) {
        if (Simd.enabled()) {
            VectorTranscendentals.exp(src, dst, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            dst[i] = Math.exp(src[i]);
        }
    }

    static void log(double[] src, double[] dst, int len) {
        if (Simd.enabled()) {
            VectorTranscendentals.log(src, dst, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            dst[i] = Math.log(src[i]);
        }
    }

    /** out[i] = tanh(c y[i]) ({@link StableMath#tanh}); out may be y. */
    static void tanh(double[] y, int len, double c, double[] out) {
        if (Simd.enabled()) {
            VectorTranscendentals.tanh(y, len, c, out);
            return;
        }
        for (int i = 0; i < len; i++) {
            out[i] = StableMath.tanh(c * y[i]);
        }
    }

    /** The scale inside tanh for the activations computed through {@link #tanh}, or NaN for the others. */
    static double tanhScale(Activation a) {
        switch (a.kind()) {
            case SYMMETRIC_SIGMOID:
                return 0.5 * a.param(); // Activation.apply: tanh(0.5 param z)
            case TANH:
                return 1;
            default:
                return Double.NaN;
        }
    }
}
