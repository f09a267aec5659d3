package org.marginscope.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;

/**
 * Notices a run that has gone wrong while its numbers are still finite (issue 23): a loss that grew by
 * orders of magnitude, weights far beyond any that training reaches, or a hidden ReLU layer that died.
 * Fed by {@link TrainingEngine#step()}; each check returns what happened in words, or null.
 */
public final class DivergenceWatch {
    /** The loss has diverged once it is this many times its best and above its initial value. */
    static final double LOSS_GROWTH = 1e3;
    /** A layer's weight norm past this, or past WEIGHT_GROWTH times its initial norm (at least 1), has diverged. */
    static final double MAX_WEIGHT_NORM = 1e8, WEIGHT_GROWTH = 1e6;
    /**
     * Data with a coordinate beyond this are named as the cause instead of the learning rate: a step of
     * gradient descent grows with the square of the input scale, so no usual learning rate suits them.
     */
    static final double SANE_DATA_SCALE = 1e4;

    private double initialLoss = Double.NaN, bestLoss = Double.POSITIVE_INFINITY;
    private long bestStep, startStep = -1;
    private double[] initialNorms;
    private boolean[] deadAtStart;

    /** Forgets the run so far: the next loss and weights seen are the new start. */
    public void reset() {
        initialLoss = Double.NaN;
        bestLoss = Double.POSITIVE_INFINITY;
        startStep = -1;
        initialNorms = null;
        deadAtStart = null;
    }

    /**
     * The loss of the weights at this step. A mini-batch's loss is noisy, so it only counts when it is
     * also LOSS_GROWTH times the initial one.
     */
    public String lossGrew(long step, double loss, boolean fullBatch) {
        if (Double.isNaN(initialLoss)) {
            initialLoss = loss;
            startStep = step;
        }
        double limit = Math.max(LOSS_GROWTH * bestLoss, fullBatch ? initialLoss : LOSS_GROWTH * initialLoss);
        if (bestLoss < Double.POSITIVE_INFINITY && loss > limit) {
            return "the loss grew from " + num(bestLoss) + " (step " + bestStep + ") to " + num(loss) + " by step "
                    + step;
        }
        if (loss < bestLoss) {
            bestLoss = loss;
            bestStep = step;
        }
        return null;
    }

    public boolean hasStartNorms() {
        return initialNorms != null;
    }

    /** Every layer's weight norm (sqrt of the sum of its squared weights) at the start. */
    public void startNorms(double[] norms) {
        initialNorms = norms.clone();
    }

    /** Every layer's weight norm after the update that would make step+1 (an infinite one: the squares overflow). */
    public String weightsTooLarge(long step, double[] norms) {
        for (int k = 0; k < norms.length; k++) {
            double start = initialNorms != null && k < initialNorms.length ? initialNorms[k] : 0;
            if (norms[k] > MAX_WEIGHT_NORM || norms[k] > WEIGHT_GROWTH * Math.max(1, start)) {
                String size = Double.isInfinite(norms[k]) ? "beyond 1e154" : num(norms[k]);
                return "the weights of layer " + (k + 1) + " would reach a norm of " + size + " (" + num(start)
                        + " at the start) in the update after step " + step;
            }
        }
        return null;
    }

    /**
     * Whether a layer found dead (every unit 0 on every training point) at this step should be reported:
     * not when it was dead the first time it was looked at, which is no divergence but a bad start.
     */
    boolean reportDead(int layer, int layers, long step) {
        if (deadAtStart == null) {
            deadAtStart = new boolean[layers];
        }
        if (step == startStep) {
            deadAtStart[layer] = true;
        }
        return !deadAtStart[layer];
    }

    boolean knownDeadAtStart(int layer) {
        return deadAtStart != null && layer < deadAtStart.length && deadAtStart[layer];
    }

    /**
     * A hidden ReLU layer whose every unit outputs 0 on every training point {@code x}: then the gradients of
     * it and of every layer below are exactly 0, which is checked first (cheap); only then is the layer's
     * output computed on the training set to confirm it. What happened in words, or null.
     */
    String deadLayer(Network net, NetworkSpec spec, double[] x, int n, double[] gradNorms, boolean[] trainable,
                     long step) {
        boolean trainableBelow = false;
        for (int k = 0; k < net.layers() - 1; k++) {
            if (trainable[k]) {
                if (gradNorms[k] != 0) {
                    return null; // a gradient reaches layer k: neither it nor anything above it is dead
                }
                trainableBelow = true;
            }
            if (!trainableBelow || knownDeadAtStart(k) || spec.layers().get(k).activation().kind() != ActivationKind.RELU) {
                continue;
            }
            if (allZero(net.layerOutput(x, n, k)) && reportDead(k, net.layers(), step)) {
                return deadLayer(step, k);
            }
        }
        return null;
    }

    private static boolean allZero(double[] a) {
        for (double v : a) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    static String deadLayer(long step, int layer) {
        return "every unit of hidden layer " + (layer + 1) + " outputs 0 on every training point at step " + step
                + ", so no gradient reaches it or the layers below and the network has stopped learning";
    }

    /** What to do about it: a learning rate ten times lower, unless the data's scale is the cause. */
    public static String advice(double learningRate, double dataScale) {
        if (dataScale > SANE_DATA_SCALE) {
            return "the data's coordinates reach " + num(dataScale) + ", far from unit size: rescale the data (to"
                    + " about [-1, 1]); with data of this scale no usual learning rate trains";
        }
        return "the learning rate " + num(learningRate) + " is too large - try " + num(lower(learningRate));
    }

    /** The learning rate to offer instead (ten times lower, rounded as it is shown), or NaN when the data's scale is the cause. */
    public static double suggestedLearningRate(double learningRate, double dataScale) {
        return dataScale > SANE_DATA_SCALE ? Double.NaN : lower(learningRate);
    }

    private static double lower(double learningRate) {
        return Double.parseDouble(num(learningRate / 10));
    }

    /** The largest absolute coordinate of the points. */
    static double scaleOf(double[]... points) {
        double m = 0;
        for (double[] x : points) {
            for (double v : x) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** Three significant digits, plain between 0.001 and 100,000, else as 1.86e5. */
    static String num(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        if (a >= 1e-3 && a < 1e5) {
            return d.toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }
}
