package org.marginscope.experiment.probes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.marginscope.analysis.DecadeTrend;
import org.marginscope.train.Snapshot;

/**
 * Sarussi et al. Thm 5.1 over time, from a run's timeline rather than one snapshot: once the cluster radius R
 * freezes, R/|w| falls only as |w| grows (like 1/log t), and so does the share of training points in the
 * non-linear cones. The per-decade slopes over the last two decades of steps ({@link DecadeTrend}) and the step at
 * which the share's line would reach 0 say how far "ends in the linear regime" is from the horizon.
 */
public final class ClusterTrend {
    /** Slope per decade of t of the wider cone, max(R/|w+|, R/|w-|). */
    public static final String RATIO_SLOPE = "cluster_ratio_slope_per_decade";
    /** Slope per decade of t of {@code nonlinear_fraction_train}. */
    public static final String SHARE_SLOPE = "nonlinear_share_slope_per_decade";
    /** The step at which the share's line reaches 0 (absent, or null in {@code run}'s output, when it is not falling). */
    public static final String SHARE_ZERO_STEP = "nonlinear_share_zero_step";

    private ClusterTrend() {
    }

    /** The trend keys of a timeline up to and including {@code upTo}; empty for nets without Sarussi's measures. */
    public static Map<String, Double> of(List<Snapshot> timeline, long upTo) {
        Map<String, Double> out = new LinkedHashMap<>();
        DecadeTrend ratio = fit(timeline, upTo, s -> Math.max(s.metric(ClusterProbe.RATIO_POS), s.metric(ClusterProbe.RATIO_NEG)));
        DecadeTrend share = fit(timeline, upTo, s -> s.metric(ClusterProbe.NONLINEAR_TRAIN));
        if (ratio != null) {
            out.put(RATIO_SLOPE, ratio.slopePerDecade());
        }
        if (share != null) {
            out.put(SHARE_SLOPE, share.slopePerDecade());
            out.put(SHARE_ZERO_STEP, share.stepReaching(0));
        }
        return out;
    }

    /** The share's line itself (for the chart's dashed trend), or null. */
    public static DecadeTrend shareTrend(List<Snapshot> timeline, long upTo) {
        return fit(timeline, upTo, s -> s.metric(ClusterProbe.NONLINEAR_TRAIN));
    }

    private static DecadeTrend fit(List<Snapshot> timeline, long upTo, ToDoubleFunction<Snapshot> value) {
        int n = 0;
        for (Snapshot s : timeline) {
            if (s.step() <= upTo) {
                n++;
            }
        }
        long[] steps = new long[n];
        double[] values = new double[n];
        int i = 0;
        for (Snapshot s : timeline) {
            if (s.step() <= upTo) {
                steps[i] = s.step();
                values[i++] = value.applyAsDouble(s);
            }
        }
        return DecadeTrend.fit(steps, values);
    }
}
