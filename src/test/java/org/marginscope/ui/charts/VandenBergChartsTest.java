package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.probes.VandenBergProbes;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.marginscope.ui.AppWindowTest;

/** van den Berg's training charts (Figs 13-16) plot the snapshots' own measures. */
class VandenBergChartsTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "vdberg-fig13-n50";
    }

    private static double last(List<Double> v) {
        return v.get(v.size() - 1);
    }

    @Test
    void theChartsShowTheSnapshotsMeasures(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        window.session().trainer().step(3000);
        window.session().trainer().awaitIdle();
        Snapshot s = window.session().trainer().latest();
        assertTrue(s.step() >= 3000, "trained: " + s.step());
        assertTrue(s.metrics().containsKey("misclassified_area"), "the app measures the area for van den Berg's runs");
        waitUntil(() -> window.charts().paperChart("row-norms-chart") != null
                && !window.charts().paperChart("row-norms-chart").values("A1 row 1").isEmpty()
                && last(window.charts().paperChart("row-norms-chart").values("A1 row 1"))
                        == s.parameters().rowNorms(0)[0], "the charts reach the last snapshot (row norms change every step)");
        MetricChart area = window.charts().paperChart("misclassified-area-chart");
        MetricChart rows = window.charts().paperChart("row-norms-chart");
        MetricChart grads = window.charts().paperChart("gradient-norms-chart");
        MetricChart dist = window.charts().paperChart("hyperplane-distance-chart");
        assertNotNull(area);
        assertNotNull(grads);
        assertNotNull(dist);
        // the last point of every series is the last snapshot's measure
        assertEquals(s.metric("misclassified_area"), last(area.values("misclassified area")), 0);
        assertEquals(s.parameters().rowNorms(1)[1], last(rows.values("A2 row 2")), 0);
        assertEquals(s.gradientNorms()[0], last(grads.values("L1")), 0);
        assertTrue(grads.values("L2").isEmpty(), "the fixed second layer (0) stays off the log axis");
        assertEquals(s.metric(VandenBergProbes.distanceKey(0)), last(dist.values("unit 1")), 0);
        // and the first the step-0 snapshot's: Fig 13's start, area 4 (the trapezoid), |A1| = 1
        Snapshot first = window.session().trainer().timeline().snapshots().get(0);
        assertEquals(0, first.step());
        assertEquals(first.metric("misclassified_area"), area.values("misclassified area").get(0), 0);
        assertEquals(4, area.values("misclassified area").get(0), 0.02);
        assertEquals(1, rows.values("A1 row 1").get(0), 1e-6);
        assertEquals(first.metric(VandenBergProbes.distanceKey(0)), dist.values("unit 1").get(0), 0);
        var areas = area.values("misclassified area");
        assertTrue(last(areas) < areas.get(0), "the hyperplane moves towards the y-axis: " + areas);
        assertNull(window.charts().paperChart("norms-chart"), "Poggio's chart is not van den Berg's");
    }
}
