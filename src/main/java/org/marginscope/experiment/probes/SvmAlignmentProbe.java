package org.marginscope.experiment.probes;

import java.util.Map;
import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.analysis.PenalisedBiasSvm;
import org.marginscope.analysis.TransformRank;
import org.marginscope.train.MetricProbe;

/**
 * Li et al. Sec 3 (Fig 2 (c)-(d)): the last layer against the linear SVM fitted to the transformed training
 * points - the angle of their normals, the gap of their biases, both margins. An SVM fit per snapshot would cost
 * more than training a small net, so this probe measures every step up to 16, then 8 per doubling of the step,
 * and every snapshot asked for explicitly (a pause, the end of a run).
 */
public final class SvmAlignmentProbe implements MetricProbe {
    /** Preset metric name that switches it on. */
    public static final String PRESET_METRIC = "svm";
    /**
     * Two classes: the angle in degrees; K classes: one per class, {@code svm_angle_deg_<c>}, for the classes that
     * have training points only (a class without points has no SVM row to compare with).
     */
    public static final String ANGLE = "svm_angle_deg";
    public static final String BIAS_GAP = "svm_bias_gap";
    public static final String NN_MARGIN = "nn_margin";
    public static final String SVM_MARGIN = CompanionProbes.SVM_MARGIN;
    /** 1 when the SVM separates the transformed points, else 0 (the CLI prints a boolean). */
    public static final String SEPARABLE = "transform_separable";
    /**
     * Two classes: the angle between the last layer's [w; b] and the bias-penalised SVM's, min |w|^2 + b^2 (Nar et
     * al.'s limit of cross-entropy with a trained bias) - where GD on the cross-entropy is headed, which the free-bias
     * SVM is not when the points sit away from the origin.
     */
    public static final String PENALISED_ANGLE = "svm_penalised_angle_deg";
    /** sigma_2 / sigma_1 of the centred transformed points ({@link TransformRank}). */
    public static final String RANK_RATIO = "transform_rank_ratio";
    /** 1 when the transformed points lie on a line or a unit is dead: the angles are not meaningful (CLI: boolean). */
    public static final String DEGENERATE = "transform_degenerate";

    /** The per-class key of class c (0-based). */
    public static String angleKey(int c) {
        return ANGLE + "_" + c;
    }

    /** Every step up to 16, then 8 per doubling of the step (the timeline keeps 64). */
    public static boolean onSchedule(long step) {
        if (step < 16) {
            return true;
        }
        int octave = 63 - Long.numberOfLeadingZeros(step);
        return step % (1L << (octave - 3)) == 0;
    }

    /**
     * The mean angle over a snapshot's per-class angles (the classes with points, whichever numbers they have), or
     * its single angle; NaN when the snapshot has none (what the angle chart plots).
     */
    public static double meanAngle(Map<String, Double> metrics) {
        Double one = metrics.get(ANGLE);
        if (one != null) {
            return one;
        }
        double sum = 0;
        int n = 0;
        for (var e : metrics.entrySet()) {
            if (e.getKey().startsWith(ANGLE + "_") && e.getKey().substring(ANGLE.length() + 1).chars()
                    .allMatch(Character::isDigit)) {
                sum += e.getValue();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public void measure(Moment m, Map<String, Double> out) {
        if (!m.recorded() && !onSchedule(m.step())) {
            return;
        }
        if (m.data().size() == 0 || m.data().dim() != m.network().spec().inputDim()) {
            return; // a linear model is compared in the input space (Nar et al.'s setting)
        }
        LastLayerAlignment.Result r = LastLayerAlignment.measure(m.network(), m.data(), m.decisionOffset());
        double[] a = r.angleDeg();
        if (a.length == 1) {
            out.put(ANGLE, a[0]);
        } else {
            for (int c = 0; c < a.length; c++) {
                if (r.svm().hasClass(c)) {
                    out.put(angleKey(c), a[c]);
                }
            }
        }
        out.put(BIAS_GAP, r.biasGap());
        out.put(NN_MARGIN, r.nnMargin());
        out.put(SVM_MARGIN, r.svmMargin());
        out.put(SEPARABLE, r.separable() ? 1.0 : 0.0);
        TransformRank rank = TransformRank.of(r.transformed(), m.data().size(), r.dim());
        if (!Double.isNaN(rank.rankRatio())) {
            out.put(RANK_RATIO, rank.rankRatio());
        }
        out.put(DEGENERATE, rank.degenerate() ? 1.0 : 0.0);
        if (a.length == 1 && r.separable()) { // the same points separate with a penalised bias or not at all
            out.put(PENALISED_ANGLE, penalisedAngleDeg(m, r));
        }
    }

    /** The angle between the last layer's [w; b] and the bias-penalised SVM's of the same transformed points. */
    static double penalisedAngleDeg(Moment m, LastLayerAlignment.Result r) {
        var p = m.network().parameters();
        int last = p.layers() - 1;
        PenalisedBiasSvm limit = PenalisedBiasSvm.fit(r.transformed(), m.data().size(), r.dim(), m.data().trainY());
        if (!limit.separable()) {
            return Double.NaN;
        }
        double[] w = p.unitWeights(last, 0);
        double[] nn = java.util.Arrays.copyOf(w, w.length + 1);
        nn[w.length] = (p.hasBias(last) ? p.bias(last, 0) : 0) + m.decisionOffset();
        return EnsembleSpread.angleDeg(nn, limit.augmented());
    }
}
