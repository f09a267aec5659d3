package org.marginscope.experiment.probes;

import java.util.Map;
import org.marginscope.analysis.LastLayerAlignment;
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
    /** Two classes: the angle in degrees; K classes: one per class, {@code svm_angle_deg_<c>}. */
    public static final String ANGLE = "svm_angle_deg";
    public static final String BIAS_GAP = "svm_bias_gap";
    public static final String NN_MARGIN = "nn_margin";
    public static final String SVM_MARGIN = CompanionProbes.SVM_MARGIN;
    /** 1 when the SVM separates the transformed points, else 0 (the CLI prints a boolean). */
    public static final String SEPARABLE = "transform_separable";

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
     * The mean angle over a snapshot's per-class angles, or its single angle; NaN when the snapshot has none
     * (what the angle chart plots).
     */
    public static double meanAngle(Map<String, Double> metrics) {
        Double one = metrics.get(ANGLE);
        if (one != null) {
            return one;
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; metrics.containsKey(angleKey(c)); c++) {
            sum += metrics.get(angleKey(c));
            n++;
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
                out.put(angleKey(c), a[c]);
            }
        }
        out.put(BIAS_GAP, r.biasGap());
        out.put(NN_MARGIN, r.nnMargin());
        out.put(SVM_MARGIN, r.svmMargin());
        out.put(SEPARABLE, r.separable() ? 1.0 : 0.0);
    }
}
