package org.marginscope.experiment;

import org.marginscope.experiment.probes.ClusterProbe;
import org.marginscope.experiment.probes.CompanionProbes;
import org.marginscope.experiment.probes.VandenBergProbes;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a {@link Tour}: which preset, which right-hand view and overlays, how far to train, what
 * to read aloud, and what to point at.
 *
 * @param view      the right-hand view (see {@link #VIEWS}); null keeps the preset's own
 * @param overlays  overlays of the original-space view switched on (the others off); null keeps the preset's
 * @param train     how far to train in this step; null: no training, the step only shows
 * @param highlight a view or chart to frame (see {@link #HIGHLIGHTS}); null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TourStep(String title, String preset, String view, List<String> overlays, Train train,
                       String narration, String highlight) {
    /** The views a step may choose: those beside the original-space view. */
    public static final List<ViewId> VIEWS = ViewId.besideOriginal();
    public static final List<String> OVERLAYS = List.of("confidence", "companions", "linear-regime", "linear-regions");
    public static final List<String> HIGHLIGHTS = List.of("original", "transformed", "scrubber", "loss-chart",
            "accuracy-chart", "angle-chart", "cluster-chart", "regime-chart", "norms-chart", "ensemble-chart",
            "margins-chart", "confidence-chart", "spectrum-chart", "misclassified-area-chart", "row-norms-chart",
            "gradient-norms-chart", "hyperplane-distance-chart");

    public TourStep {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a tour step needs a title");
        }
        if (preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("tour step '" + title + "' names no preset");
        }
        if (narration == null || narration.isBlank()) {
            throw new IllegalArgumentException("tour step '" + title + "' has no narration");
        }
        if (view != null) {
            ViewId.of(view, "view", VIEWS);
        }
        oneOf("highlight", highlight, HIGHLIGHTS);
        if (overlays != null) {
            overlays = List.copyOf(overlays);
            overlays.forEach(o -> oneOf("overlay", o, OVERLAYS));
        }
    }

    /** The view this step chooses, null when it keeps the preset's own. */
    @JsonIgnore
    public ViewId viewId() {
        return view == null ? null : ViewId.of(view);
    }

    private static void oneOf(String what, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + what + " '" + value + "'; known: " + String.join(", ", allowed));
        }
    }

    /**
     * How far a step trains: to an absolute step of the preset's run ({@code toStep}), or until a metric
     * passes a value ({@code below} or {@code above}) with {@code maxSteps} as the limit. Metrics: "loss",
     * "train_error", "test_error" and the snapshot metrics under the command line's keys.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Train(Long toStep, String metric, Double below, Double above, Long maxSteps) {
        public Train {
            if (toStep != null) {
                if (metric != null || below != null || above != null || maxSteps != null) {
                    throw new IllegalArgumentException("train: give either toStep or a metric with below/above and maxSteps");
                }
                if (toStep < 1) {
                    throw new IllegalArgumentException("train.toStep must be at least 1, not " + toStep);
                }
            } else {
                if (metric == null || metric.isBlank()) {
                    throw new IllegalArgumentException("train needs toStep, or a metric with below/above and maxSteps");
                }
                if ((below == null) == (above == null)) {
                    throw new IllegalArgumentException("train: the metric " + metric + " needs exactly one of below, above");
                }
                if (!Double.isFinite(Objects.requireNonNullElse(below, above))) {
                    throw new IllegalArgumentException("train: the threshold for " + metric + " must be a finite number");
                }
                if (maxSteps == null || maxSteps < 1) {
                    throw new IllegalArgumentException("train: the metric " + metric + " needs maxSteps (at least 1)");
                }
            }
        }

        public static Train to(long step) {
            return new Train(step, null, null, null, null);
        }

        /** The largest step this may train to, counted from the step the run is at when it begins. */
        public long limit(long from) {
            return toStep != null ? toStep : from + maxSteps;
        }

        /** Whether the metric target is met (always false for toStep, which ends by the step count). */
        public boolean reached(double value) {
            if (toStep != null || Double.isNaN(value)) {
                return false;
            }
            return below != null ? value < below : value > above;
        }

        /** Short text for the tour panel, e.g. "train to step 2,000" or "train until loss < 0.05". */
        public String describe() {
            return toStep != null ? String.format(java.util.Locale.ROOT, "train to step %,d", toStep)
                    : "train until " + metric + (below != null ? " < " + below : " > " + above);
        }
    }

    /** Metrics a step may train towards: the snapshot's own and the probes' (the command line's keys). */
    static final Set<String> METRICS = Set.of("loss", "train_error", "test_error", "test_loss",
            CompanionProbes.MEAN_CONFIDENCE, CompanionProbes.ENSEMBLE_SPREAD, CompanionProbes.CE_MARGIN,
            CompanionProbes.DIFF_MARGIN, CompanionProbes.SVM_MARGIN, "ce_" + CompanionProbes.SVM_ANGLE_SUFFIX,
            "diff_" + CompanionProbes.SVM_ANGLE_SUFFIX, CompanionProbes.CE_CLOSED_FORM_ANGLE, "perturbations",
            VandenBergProbes.MISCLASSIFIED_AREA, ClusterProbe.MAX_ANGLE, ClusterProbe.NAR_DISAGREEMENT);
}
