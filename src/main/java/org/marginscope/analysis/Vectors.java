package org.marginscope.analysis;

/** The one dot product the measures share, summed from the first coordinate on (their results depend on the order). */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
