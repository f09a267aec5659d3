package org.marginscope.model;

/**
 * Loss values and gradients with respect to the logits, in stable form (softplus, log-sum-exp).
 * Labels are 0..K-1; with one logit, class 1 is the positive side (y = +1) and class 0 is y = -1.
 * The loss is the mean over samples (over pairs for the differential loss), or the sum.
 */
public final class Loss {
    private final LossKind kind;
    private final boolean mean;

    public Loss(LossKind kind, boolean mean) {
        this.kind = kind;
        this.mean = mean;
    }

    public LossKind kind() {
        return kind;
    }

    public boolean isMean() {
        return mean;
    }

    /**
     * Returns the loss of the batch and, when grad is not null, writes dLoss/dlogits into it
     * (same layout as logits: n x k, row-major).
     */
    public double evaluate(double[] logits, int n, int k, int[] y, double[] grad) {
        if (kind == LossKind.DIFFERENTIAL) {
            if (k != 1) {
                throw new IllegalArgumentException("the differential loss needs a one-logit output");
            }
            return differential(logits, n, y, grad);
        }
        double total = 0;
        double scale = mean ? 1.0 / n : 1.0;
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                double s = y[i] == 1 ? 1 : -1;
                double f = logits[i];
                double m = s * f;
                double l, d;
                switch (kind) {
                    case CROSS_ENTROPY:
                        l = StableMath.softplus(-m);
                        d = -s * StableMath.sigmoid(-m);
                        break;
                    case EXPONENTIAL:
                        l = Math.exp(-m);
                        d = -s * l;
                        break;
                    case SQUARE:
                        l = 0.5 * (f - s) * (f - s);
                        d = f - s;
                        break;
                    case HINGE:
                        l = Math.max(0, 1 - m);
                        d = m < 1 ? -s : 0;
                        break;
                    default:
                        throw new AssertionError(kind);
                }
                total += l;
                if (grad != null) {
                    grad[i] = scale * d;
                }
            }
        } else if (k == 2 && kind == LossKind.CROSS_ENTROPY) {
            total = twoClassCrossEntropy(logits, n, y, grad, scale);
        } else {
            for (int i = 0; i < n; i++) {
                total += multi(logits, i * k, k, y[i], grad, scale);
            }
        }
        return total * scale;
    }

    /**
     * Two-class cross-entropy with one exponential a row: the same formulas as {@link #multi}, in passes of
     * its own (van den Berg's tiny nets spent a third of their step here): the exponents, then all
     * exponentials and logarithms at once ({@link Transcendentals}: in vector lanes where the Vector API is
     * present), then the gradient and the sum.
     */
    private static double twoClassCrossEntropy(double[] f, int n, int[] y, double[] grad, double scale) {
        double[] t = SCRATCH.get();
        if (t.length < n) {
            t = new double[n];
            SCRATCH.set(t);
        }
        for (int i = 0; i < n; i++) {
            double f0 = f[2 * i], f1 = f[2 * i + 1];
            t[i] = Math.min(f0, f1) - Math.max(Math.max(Double.NEGATIVE_INFINITY, f0), f1);
        }
        Transcendentals.exp(t, t, n);
        if (grad != null) {
            for (int i = 0; i < n; i++) {
                int o = 2 * i, c = y[i];
                double e = t[i], sum = 1 + e;
                double pHigh = 1 / sum, pLow = e / sum;
                boolean zeroHigh = f[o] >= f[o + 1];
                grad[o] = scale * ((zeroHigh ? pHigh : pLow) - (c == 0 ? 1 : 0));
                grad[o + 1] = scale * ((zeroHigh ? pLow : pHigh) - (c == 1 ? 1 : 0));
            }
        }
        for (int i = 0; i < n; i++) {
            t[i] = 1 + t[i];
        }
        Transcendentals.log(t, t, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double f0 = f[2 * i], f1 = f[2 * i + 1];
            double max = Math.max(Math.max(Double.NEGATIVE_INFINITY, f0), f1);
            total += max + t[i] - (y[i] == 0 ? f0 : f1);
        }
        return total;
    }

    /** Per thread: {@link #twoClassCrossEntropy}'s exponents, exponentials and logarithms, in place. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    private double multi(double[] f, int o, int k, int c, double[] grad, double scale) {
        double fy = f[o + c];
        switch (kind) {
            case CROSS_ENTROPY: {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, f[o + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(f[o + j] - max);
                }
                double lse = max + Math.log(sum);
                if (grad != null) {
                    for (int j = 0; j < k; j++) {
                        grad[o + j] = scale * (Math.exp(f[o + j] - lse) - (j == c ? 1 : 0));
                    }
                }
                return lse - fy;
            }
            case EXPONENTIAL: {
                double l = 0;
                for (int j = 0; j < k; j++) {
                    if (j != c) {
                        double e = Math.exp(f[o + j] - fy);
                        l += e;
                        if (grad != null) {
                            grad[o + j] = scale * e;
                        }
                    }
                }
                if (grad != null) {
                    grad[o + c] = -scale * l;
                }
                return l;
            }
            case SQUARE: {
                double l = 0;
                for (int j = 0; j < k; j++) {
                    double r = f[o + j] - (j == c ? 1 : 0);
                    l += 0.5 * r * r;
                    if (grad != null) {
                        grad[o + j] = scale * r;
                    }
                }
                return l;
            }
            case HINGE: {
                int best = -1;
                double bestF = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (j != c && f[o + j] > bestF) {
                        bestF = f[o + j];
                        best = j;
                    }
                }
                double l = Math.max(0, 1 + bestF - fy);
                if (grad != null) {
                    for (int j = 0; j < k; j++) {
                        grad[o + j] = 0;
                    }
                    if (l > 0) {
                        grad[o + best] = scale;
                        grad[o + c] = -scale;
                    }
                }
                return l;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    // Nar et al. Thm 5: sum over (i in A = class 1, j in B = class 0) of log(1 + exp(-(f_i - f_j))).
    private double differential(double[] f, int n, int[] y, double[] grad) {
        int na = 0, nb = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) {
                na++;
            } else {
                nb++;
            }
        }
        if (grad != null) {
            java.util.Arrays.fill(grad, 0, n, 0);
        }
        if (na == 0 || nb == 0) {
            return 0;
        }
        double scale = mean ? 1.0 / ((double) na * nb) : 1.0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] != 1) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (y[j] == 1) {
                    continue;
                }
                double m = f[i] - f[j];
                total += StableMath.softplus(-m);
                if (grad != null) {
                    double d = scale * StableMath.sigmoid(-m);
                    grad[i] -= d;
                    grad[j] += d;
                }
            }
        }
        return total * scale;
    }

    /**
     * Nar et al. Eq (8): the bias that puts the boundary halfway between the classes' extreme outputs,
     * b = -(min_{i in class 1} f_i + max_{j in class 0} f_j) / 2.
     */
    public static double differentialBias(double[] f, int n, int[] y) {
        double minA = Double.POSITIVE_INFINITY, maxB = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) {
                minA = Math.min(minA, f[i]);
            } else {
                maxB = Math.max(maxB, f[i]);
            }
        }
        if (Double.isInfinite(minA) || Double.isInfinite(maxB)) {
            return 0;
        }
        return -(minA + maxB) / 2;
    }

    /**
     * The predicted class of sample i among the classes marked present (null: all): the sign of logit + offset for
     * one logit, else the arg max over the present classes - an output kept for a class without points (classes
     * keep their numbers, so data of classes 0, 1 and 3 have an empty class 2) is never a prediction.
     */
    public static int predict(double[] logits, int i, int k, double offset, boolean[] present) {
        if (k == 1 || present == null) {
            return predict(logits, i, k, offset);
        }
        int best = -1;
        for (int j = 0; j < k; j++) {
            if (j < present.length && present[j] && (best < 0 || logits[i * k + j] > logits[i * k + best])) {
                best = j;
            }
        }
        return best < 0 ? predict(logits, i, k, offset) : best;
    }

    /** The predicted class of sample i: the sign of logit + offset for one logit, else the argmax. */
    public static int predict(double[] logits, int i, int k, double offset) {
        if (k == 1) {
            return logits[i] + offset > 0 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (logits[i * k + j] > logits[i * k + best]) {
                best = j;
            }
        }
        return best;
    }
}
