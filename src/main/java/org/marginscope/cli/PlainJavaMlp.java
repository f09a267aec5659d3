package org.marginscope.cli;

import org.marginscope.data.Dataset;

/**
 * The small bench net (2-16-16-1 ReLU, logistic loss, full-batch GD) written as plain Java loops,
 * only to compare with the ND4J path's per-call overhead on tiny shapes. Not used for training.
 */
final class PlainJavaMlp {
    private PlainJavaMlp() {
    }

    static double stepsPerSecond(Dataset data, int steps) {
        int n = data.size(), h = 16;
        double[] x = data.trainX();
        int[] y = data.trainY();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        double[] w1 = new double[2 * h], b1 = new double[h], w2 = new double[h * h], b2 = new double[h], w3 = new double[h];
        double[] b3 = new double[1];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = rnd.nextGaussian() * 0.35;
        }
        for (int i = 0; i < w3.length; i++) {
            w3[i] = rnd.nextGaussian() * 0.35;
        }
        double[] a1 = new double[n * h], a2 = new double[n * h], g2 = new double[n * h], g1 = new double[n * h];
        double[] gw1 = new double[w1.length], gw2 = new double[w2.length], gw3 = new double[h];
        double[] gb1 = new double[h], gb2 = new double[h];
        double lr = 1e-4, sink = 0;
        long t0 = 0;
        int warm = steps / 5;
        for (int s = 0; s < steps + warm; s++) {
            if (s == warm) {
                t0 = System.nanoTime();
            }
            java.util.Arrays.fill(gw1, 0);
            java.util.Arrays.fill(gw2, 0);
            java.util.Arrays.fill(gw3, 0);
            java.util.Arrays.fill(gb1, 0);
            java.util.Arrays.fill(gb2, 0);
            double gb3 = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < h; j++) {
                    double z = b1[j] + x[2 * i] * w1[j] + x[2 * i + 1] * w1[h + j];
                    a1[i * h + j] = z > 0 ? z : 0;
                }
                double out = b3[0];
                for (int j = 0; j < h; j++) {
                    double z = b2[j];
                    for (int k = 0; k < h; k++) {
                        z += a1[i * h + k] * w2[k * h + j];
                    }
                    a2[i * h + j] = z > 0 ? z : 0;
                    out += a2[i * h + j] * w3[j];
                }
                double sgn = y[i] == 1 ? 1 : -1;
                double d = -sgn / (1 + Math.exp(sgn * out)) / n;
                gb3 += d;
                for (int j = 0; j < h; j++) {
                    gw3[j] += a2[i * h + j] * d;
                    g2[i * h + j] = a2[i * h + j] > 0 ? d * w3[j] : 0;
                    gb2[j] += g2[i * h + j];
                }
                for (int k = 0; k < h; k++) {
                    double g = 0;
                    for (int j = 0; j < h; j++) {
                        gw2[k * h + j] += a1[i * h + k] * g2[i * h + j];
                        g += g2[i * h + j] * w2[k * h + j];
                    }
                    g1[i * h + k] = a1[i * h + k] > 0 ? g : 0;
                    gb1[k] += g1[i * h + k];
                    gw1[k] += x[2 * i] * g1[i * h + k];
                    gw1[h + k] += x[2 * i + 1] * g1[i * h + k];
                }
            }
            for (int i = 0; i < w1.length; i++) {
                w1[i] -= lr * gw1[i];
            }
            for (int i = 0; i < w2.length; i++) {
                w2[i] -= lr * gw2[i];
            }
            for (int j = 0; j < h; j++) {
                w3[j] -= lr * gw3[j];
                b1[j] -= lr * gb1[j];
                b2[j] -= lr * gb2[j];
            }
            b3[0] -= lr * gb3;
            sink += b3[0];
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("plain-Java reference diverged");
        }
        return steps / secs;
    }
}
