package org.marginscope.experiment.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.train.Snapshot;

/** Sarussi's trends from a timeline: a synthetic one with known slopes, and the keys of a real run's final metrics. */
class ClusterTrendTest {
    private static Snapshot at(long step, double ratioPos, double ratioNeg, double share) {
        return new Snapshot(step, null, null, 0, 1, Double.NaN, new double[0], new double[0], 0, 0,
                Map.of(ClusterProbe.RATIO_POS, ratioPos, ClusterProbe.RATIO_NEG, ratioNeg, ClusterProbe.NONLINEAR_TRAIN, share),
                null);
    }

    @Test
    void slopesPerDecadeAndTheStepTheShareReachesZero() {
        List<Snapshot> timeline = new ArrayList<>();
        for (long t = 1; t <= 1_000_000; t = Math.max(t + 1, Math.round(t * 1.03))) {
            double lg = Math.log10(t);
            // the wider cone is the negative one here; the share falls 0.1 per decade from 0.8 at t = 1
            timeline.add(at(t, 0.2 - 0.01 * lg, 0.3 - 0.02 * lg, 0.8 - 0.1 * lg));
        }
        Map<String, Double> m = ClusterTrend.of(timeline, 1_000_000);
        assertEquals(-0.02, m.get(ClusterTrend.RATIO_SLOPE), 1e-12);
        assertEquals(-0.1, m.get(ClusterTrend.SHARE_SLOPE), 1e-12);
        assertEquals(1e8, m.get(ClusterTrend.SHARE_ZERO_STEP), 1e-3);
        Map<String, Double> early = ClusterTrend.of(timeline, 1_000);
        assertEquals(-0.1, early.get(ClusterTrend.SHARE_SLOPE), 1e-12, "up to the step asked for only");
    }

    @Test
    void aFlatShareNeverReachesZero() {
        List<Snapshot> timeline = new ArrayList<>();
        for (long t = 1; t <= 10_000; t *= 2) {
            timeline.add(at(t, 0.1, 0.1, 0.25));
        }
        assertEquals(Double.POSITIVE_INFINITY, ClusterTrend.of(timeline, 10_000).get(ClusterTrend.SHARE_ZERO_STEP));
    }

    @Test
    void runPrintsTheTrendsForSarussisNetsOnly() {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName("sarussi-fig1-small-init"), 4000L, null);
        Map<String, Object> m = run.finalMetrics(run.run(null));
        assertTrue(m.get(ClusterTrend.RATIO_SLOPE) instanceof Double, m.toString());
        assertTrue(m.get(ClusterTrend.SHARE_SLOPE) instanceof Double, m.toString());
        assertTrue(m.containsKey(ClusterTrend.SHARE_ZERO_STEP), m.toString());
        ExperimentRun other = new ExperimentRun(PresetLibrary.byName("poggio-ensemble-exp"), 50L, null);
        assertTrue(!other.finalMetrics(other.run(null)).containsKey(ClusterTrend.SHARE_SLOPE));
    }
}
