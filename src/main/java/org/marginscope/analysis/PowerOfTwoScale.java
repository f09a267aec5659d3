package org.marginscope.analysis;

/**
 * The power of two s = 2^e that brings the largest absolute coordinate of some points into [1, 2).
 * Dividing by it and multiplying back only change the exponent, so both are exact as long as the
 * result is a normal double: from subnormal data (5e-324) to the largest finite ones (1.8e308) the
 * solvers see numbers of unit size.
 */
final class PowerOfTwoScale {
    /** e in s = 2^e; 0 for data that are all zero. */
    final int exponent;

    private PowerOfTwoScale(int exponent) {
        this.exponent = exponent;
    }

    static PowerOfTwoScale of(double[] x) {
        double m = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("an SVM needs finite coordinates, not " + v);
            }
            m = Math.max(m, Math.abs(v));
        }
        if (m == 0) {
            return new PowerOfTwoScale(0);
        }
        int e = Math.getExponent(m);
        if (e < Double.MIN_EXPONENT) { // subnormal: Math.getExponent says MIN_EXPONENT - 1 for all of them
            e = Math.getExponent(Math.scalb(m, 64)) - 64;
        }
        return new PowerOfTwoScale(e);
    }

    /** x / s, element by element (a new array). */
    double[] down(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.scalb(x[i], -exponent);
        }
        return out;
    }

    /** v * s^power. */
    double times(double v, int power) {
        return Math.scalb(v, power * exponent);
    }
}
