package org.marginscope.analysis;

import org.marginscope.data.Dataset;
import org.marginscope.model.Parameters;

/**
 * Sarussi, Brutzkus, Globerson 2021: the first-layer neurons of a two-layer net whose second layer is
 * fixed to +1 / -1, grouped by that sign. Measures the two clusters (means w+ and w-, radius R, the
 * largest angle inside a cluster), the points outside Thm 5.1's linear regime, the Perfect Agreement
 * Regime share and the Neural Agreement Regime disagreement count.
 *
 * <p>Points are taken as the network sees them: with a constant 1 appended when the net has the bias
 * trick (App K), since the neurons' weight vectors live in that space.
 */
public final class NeuronClusters {
    /**
     * @param wPos           mean of the + neurons (w+), in the input space the neurons see
     * @param wNeg           mean of the - neurons (w-)
     * @param radius         R: the largest distance of a neuron from its cluster's mean
     * @param ratioPos       R / |w+|  (Thm 5.1's cone half-width, as a cosine)
     * @param ratioNeg       R / |w-|
     * @param maxAngleDeg    the largest angle between two neurons of one type
     * @param nonlinearTrain share of training points with |cos(x, w+)| <= R/|w+| or |cos(x, w-)| <= R/|w-|
     * @param nonlinearTest  the same for test points (NaN without any)
     * @param parSharePos    share of + neurons in PAR: sign<w, x_i> = y_i for every training point
     * @param parShareNeg    share of - neurons in PAR: sign<w, x_i> = -y_i for every training point
     * @param narDisagreement the largest number of training points on which two neurons of one type
     *                        disagree (sign of <w, x>); 0 = the Neural Agreement Regime
     */
    public record Result(double[] wPos, double[] wNeg, double radius, double ratioPos, double ratioNeg,
                         double maxAngleDeg, double nonlinearTrain, double nonlinearTest, double parSharePos,
                         double parShareNeg, int narDisagreement) {
    }

    private NeuronClusters() {
    }

    /** The clusters alone (means and radius), cheap enough to draw with: no data needed. */
    public record Geometry(double[] wPos, double[] wNeg, double radius) {
    }

    /** The first-layer neurons as rows w[i] (in the space the net sees) and the sign of each one's output weight. */
    public record Neurons(double[][] w, int[] sign) {
    }

    public static Neurons neurons(Parameters p) {
        if (!applies(p)) {
            throw new IllegalArgumentException("neuron clusters need a two-layer net with a +1/-1 second layer");
        }
        int in = p.in(0), h = p.out(0);
        double[][] w = new double[h][in];
        int[] sign = new int[h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < in; j++) {
                w[i][j] = p.weight(0, j, i);
            }
            sign[i] = (int) Math.signum(p.weight(1, i, 0));
        }
        return new Neurons(w, sign);
    }

    public static Geometry geometry(Parameters p) {
        return geometry(neurons(p));
    }

    private static Geometry geometry(Neurons n) {
        double[][] w = n.w();
        int[] sign = n.sign();
        int in = w[0].length;
        double[] wPos = mean(w, sign, 1, in), wNeg = mean(w, sign, -1, in);
        double radius = 0;
        for (int i = 0; i < w.length; i++) {
            if (sign[i] != 0) {
                radius = Math.max(radius, dist(w[i], sign[i] > 0 ? wPos : wNeg));
            }
        }
        return new Geometry(wPos, wNeg, radius);
    }

    /** Whether a network has Sarussi's shape: two layers, one output, a fixed second layer of +1s and -1s. */
    /**
     * Sarussi et al.'s setting: {@link #applies} and a second layer the architecture fixes (their +-1
     * read-out), so that a neuron's sign is its type. A read-out that trains (a random-feature model,
     * an ordinary MLP) has no such types.
     */
    public static boolean appliesTo(org.marginscope.model.NetworkSpec spec, Parameters p) {
        return spec != null && spec.layers().size() == 2 && !spec.layers().get(1).trainable() && applies(p);
    }

    public static boolean applies(Parameters p) {
        if (p.layers() != 2 || p.out(1) != 1) {
            return false;
        }
        boolean pos = false, neg = false;
        for (int i = 0; i < p.out(0); i++) {
            double a = p.weight(1, i, 0);
            pos |= a > 0;
            neg |= a < 0;
        }
        return pos && neg;
    }

    public static Result measure(Parameters p, Dataset d, boolean appendConstant) {
        Neurons all = neurons(p);
        double[][] w = all.w();
        int[] sign = all.sign();
        int h = w.length;
        Geometry g = geometry(all);
        double[] wPos = g.wPos(), wNeg = g.wNeg();
        double radius = g.radius(), maxAngle = 0;
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                if (sign[i] != 0 && sign[j] == sign[i]) {
                    maxAngle = Math.max(maxAngle, angleDeg(w[i], w[j]));
                }
            }
        }
        double ratioPos = radius / norm(wPos), ratioNeg = radius / norm(wNeg);
        double[][] xs = points(d.trainX(), d.size(), d.dim(), appendConstant);
        double[][] xt = points(d.testX(), d.testSize(), d.dim(), appendConstant);
        int[] y = d.trainY();
        int[][] s = new int[h][xs.length];
        for (int i = 0; i < h; i++) {
            for (int n = 0; n < xs.length; n++) {
                s[i][n] = Vectors.dot(w[i], xs[n]) > 0 ? 1 : -1;
            }
        }
        int parPos = 0, parNeg = 0, nPos = 0, nNeg = 0;
        for (int i = 0; i < h; i++) {
            if (sign[i] == 0) {
                continue;
            }
            boolean agrees = true;
            for (int n = 0; n < xs.length && agrees; n++) {
                agrees = s[i][n] == sign[i] * (y[n] == 1 ? 1 : -1);
            }
            if (sign[i] > 0) {
                nPos++;
                parPos += agrees ? 1 : 0;
            } else {
                nNeg++;
                parNeg += agrees ? 1 : 0;
            }
        }
        int nar = 0;
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                if (sign[i] != 0 && sign[j] == sign[i]) {
                    int diff = 0;
                    for (int n = 0; n < xs.length; n++) {
                        diff += s[i][n] != s[j][n] ? 1 : 0;
                    }
                    nar = Math.max(nar, diff);
                }
            }
        }
        return new Result(wPos, wNeg, radius, ratioPos, ratioNeg, maxAngle,
                nonlinearShare(xs, wPos, wNeg, ratioPos, ratioNeg),
                xt.length == 0 ? Double.NaN : nonlinearShare(xt, wPos, wNeg, ratioPos, ratioNeg),
                nPos == 0 ? Double.NaN : (double) parPos / nPos, nNeg == 0 ? Double.NaN : (double) parNeg / nNeg, nar);
    }

    /**
     * Thm 5.1: outside these cones N(x) has the sign of the linear classifier &lt;w+ - w-, x&gt;. A point is
     * in the non-linear regime when |cos(x, w+)| &lt;= R/|w+| or |cos(x, w-)| &lt;= R/|w-|.
     */
    public static boolean inNonlinearRegime(double[] x, double[] wPos, double[] wNeg, double ratioPos, double ratioNeg) {
        return Math.abs(cos(x, wPos)) <= ratioPos || Math.abs(cos(x, wNeg)) <= ratioNeg;
    }

    private static double nonlinearShare(double[][] xs, double[] wPos, double[] wNeg, double rp, double rn) {
        int c = 0;
        for (double[] x : xs) {
            c += inNonlinearRegime(x, wPos, wNeg, rp, rn) ? 1 : 0;
        }
        return xs.length == 0 ? Double.NaN : (double) c / xs.length;
    }

    static double[][] points(double[] flat, int n, int dim, boolean appendConstant) {
        int in = dim + (appendConstant ? 1 : 0);
        double[][] out = new double[n][in];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * dim, out[i], 0, dim);
            if (appendConstant) {
                out[i][dim] = 1;
            }
        }
        return out;
    }

    private static double[] mean(double[][] w, int[] sign, int which, int in) {
        double[] m = new double[in];
        int c = 0;
        for (int i = 0; i < w.length; i++) {
            if (sign[i] == which) {
                c++;
                for (int j = 0; j < in; j++) {
                    m[j] += w[i][j];
                }
            }
        }
        for (int j = 0; j < in; j++) {
            m[j] /= Math.max(1, c);
        }
        return m;
    }

    public static double norm(double[] a) {
        return Math.sqrt(Vectors.dot(a, a));
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static double cos(double[] a, double[] b) {
        double na = norm(a), nb = norm(b);
        return na == 0 || nb == 0 ? 0 : Vectors.dot(a, b) / (na * nb);
    }

    static double angleDeg(double[] a, double[] b) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos(a, b)))));
    }
}
