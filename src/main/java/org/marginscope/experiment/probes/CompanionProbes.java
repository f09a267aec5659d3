package org.marginscope.experiment.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.marginscope.analysis.Confidence;
import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.analysis.NarTwoPoint;
import org.marginscope.analysis.PenalisedBiasSvm;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.Parameters;
import org.marginscope.train.CompanionState;
import org.marginscope.train.MetricProbe;

/** The measures of Poggio et al. and Nar et al., which compare the main network with its companions. */
public final class CompanionProbes {
    /** Preset metric names that switch them on. */
    public static final String ENSEMBLE = "ensemble";
    public static final String MARGINS = "margins";
    public static final String CONFIDENCE = "confidence";

    /** Poggio Sec 3: the largest pairwise angle of the copies' normalised last layers. */
    public static final String ENSEMBLE_SPREAD = "ensemble_spread_deg";
    /** The same per layer: {@code ensemble_spread_deg_layer<k>}, k = 1..K. */
    public static final String ENSEMBLE_SPREAD_LAYER = "ensemble_spread_deg_layer";
    /** Nar et al.: the SVM's margin on the (transformed) training points. */
    public static final String SVM_MARGIN = "svm_margin";
    /** Suffixes after a loss's prefix ({@code ce_}, {@code diff_}, ...): its margin and its angle to the SVM. */
    public static final String MARGIN_SUFFIX = "margin";
    public static final String SVM_ANGLE_SUFFIX = "svm_angle_deg";
    public static final String CE_MARGIN = "ce_" + MARGIN_SUFFIX;
    public static final String DIFF_MARGIN = "diff_" + MARGIN_SUFFIX;
    /** Nar Thm 1 on two points: the closed-form limit's angle to the SVM direction, and the learned [w; b]'s to it. */
    public static final String CLOSED_FORM_ANGLE = "closed_form_angle_deg";
    public static final String CE_CLOSED_FORM_ANGLE = "ce_closed_form_angle_deg";
    /**
     * Nar et al. Sec 3: cross-entropy's limit with a trained bias, min |w|^2 + b^2 ({@link PenalisedBiasSvm}) on the
     * main network's transformed points - its margin beside {@code ce_margin}, which approaches it only as log t.
     */
    public static final String CE_LIMIT_MARGIN = "ce_limit_margin";
    /** The angle between cross-entropy's current [w; b] and the limit's. */
    public static final String CE_LIMIT_ANGLE = "ce_limit_angle_deg";
    /** Nar Remark 2: the mean of max_c p(c|x) on a fixed grid. */
    public static final String MEAN_CONFIDENCE = "mean_confidence";

    private CompanionProbes() {
    }

    /**
     * Poggio et al.: {@code ensemble_spread_deg} (the copies' normalised last layers) and
     * {@code ensemble_spread_deg_layer<k>} for every layer k = 1..K.
     */
    public static MetricProbe ensemble() {
        return (m, out) -> {
            List<Parameters> copies = new ArrayList<>();
            copies.add(m.network().parameters());
            for (CompanionState c : m.companions()) {
                copies.add(c.parameters());
            }
            if (copies.size() < 2 || !EnsembleSpread.sameShape(copies)) {
                return;
            }
            int layers = m.network().layers();
            out.put(ENSEMBLE_SPREAD, EnsembleSpread.layerSpreadDeg(copies, layers - 1));
            for (int k = 0; k < layers; k++) {
                out.put(ENSEMBLE_SPREAD_LAYER + (k + 1), EnsembleSpread.layerSpreadDeg(copies, k));
            }
        };
    }

    /**
     * Nar et al.: the geometric margin and the angle to the SVM of the main network and of every companion,
     * under the prefix of its loss ({@code ce_}, {@code diff_}, else the loss id), measured in each net's
     * own transformed space (the input for a linear model), and {@code svm_margin}. On two points of
     * opposite classes also Thm 1's {@code closed_form_angle_deg} (closed-form limit vs SVM direction)
     * and, for a linear model, {@code ce_closed_form_angle_deg} (the learned [w; b] vs the limit).
     */
    public static MetricProbe margins(Supplier<LossKind> mainLoss) {
        LimitCache limits = new LimitCache();
        return (m, out) -> {
            Network net = m.network();
            Dataset d = m.data();
            if (net.outputWidth() != 1 || d.numClasses() != 2 || d.size() < 2) {
                return;
            }
            LossKind main = mainLoss.get();
            LastLayerAlignment.Result r = LastLayerAlignment.measure(net, d, m.decisionOffset());
            put(out, main, r);
            out.put(SVM_MARGIN, r.svmMargin());
            if (main == LossKind.CROSS_ENTROPY && r.separable()) {
                PenalisedBiasSvm limit = limits.of(net, d, r);
                if (limit.separable()) {
                    out.put(CE_LIMIT_MARGIN, limit.margin());
                    var p = net.parameters();
                    int last = p.layers() - 1;
                    double[] w = p.unitWeights(last, 0);
                    double[] wb = java.util.Arrays.copyOf(w, w.length + 1);
                    wb[w.length] = (p.hasBias(last) ? p.bias(last, 0) : 0) + m.decisionOffset();
                    out.put(CE_LIMIT_ANGLE, EnsembleSpread.angleDeg(wb, limit.augmented()));
                }
            }
            for (CompanionState c : m.companions()) {
                if (c.spec().outputWidth() == 1 && c.loss() != main) {
                    Network cn = new Network(c.spec(), org.nd4j.linalg.api.buffer.DataType.DOUBLE, c.parameters());
                    put(out, c.loss(), LastLayerAlignment.measure(cn, d, c.decisionOffset()));
                }
            }
            twoPoint(net, d, out);
        };
    }

    /** A linear model's limit depends on the data only: solved once per dataset; deeper nets' transforms move. */
    private static final class LimitCache {
        private Dataset data;
        private PenalisedBiasSvm limit;

        PenalisedBiasSvm of(Network net, Dataset d, LastLayerAlignment.Result r) {
            if (net.layers() > 1) {
                return PenalisedBiasSvm.fit(r.transformed(), d.size(), r.dim(), d.trainY());
            }
            if (d != data) {
                limit = PenalisedBiasSvm.fit(r.transformed(), d.size(), r.dim(), d.trainY());
                data = d;
            }
            return limit;
        }
    }

    private static void put(Map<String, Double> out, LossKind loss, LastLayerAlignment.Result r) {
        String prefix = prefix(loss);
        out.put(prefix + MARGIN_SUFFIX, r.nnMargin());
        out.put(prefix + SVM_ANGLE_SUFFIX, r.angleDeg()[0]);
    }

    static String prefix(LossKind loss) {
        switch (loss) {
            case CROSS_ENTROPY:
                return "ce_";
            case DIFFERENTIAL:
                return "diff_";
            default:
                return loss.id() + "_";
        }
    }

    private static void twoPoint(Network net, Dataset d, Map<String, Double> out) {
        double[][] xp = NarTwoPoint.pointsOf(d);
        if (xp == null) {
            return;
        }
        double[] x = xp[0], p = xp[1];
        out.put(CLOSED_FORM_ANGLE, NarTwoPoint.angleToSvmDeg(x, p));
        Parameters w = net.parameters();
        if (w.layers() == 1 && w.hasBias(0)) {
            double[] limit = NarTwoPoint.limitDirection(x, p);
            double[] learned = {w.weight(0, 0, 0), w.weight(0, 1, 0), w.bias(0, 0)};
            out.put(CE_CLOSED_FORM_ANGLE, EnsembleSpread.angleDeg(learned, limit));
        }
    }

    /** Nar et al. Remark 2: the mean confidence on a fixed 48 x 48 grid over the data (2D), else on the points. */
    public static MetricProbe confidence() {
        return (m, out) -> {
            Network net = m.network();
            Dataset d = m.data();
            if (d.size() == 0) {
                return;
            }
            if (d.dim() == 2) {
                out.put(MEAN_CONFIDENCE, Confidence.meanOnGrid(net, m.decisionOffset(), new Viewport(d.extent(0.1), 48, 48)));
            } else {
                int n = d.size();
                double[] c = Confidence.of(net.logits(d.trainX(), n), n, net.outputWidth(), m.decisionOffset());
                out.put(MEAN_CONFIDENCE, java.util.Arrays.stream(c).average().orElse(Double.NaN));
            }
        };
    }
}
