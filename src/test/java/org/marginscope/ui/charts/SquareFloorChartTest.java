package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.probes.CompanionProbes;
import org.marginscope.experiment.probes.SquareFloorProbe;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.marginscope.ui.AppWindowTest;

/** Poggio's square-loss ensemble in the app: the ensemble chart draws the floor of the spread as a dashed line. */
class SquareFloorChartTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "poggio-ensemble-square";
    }

    @Test
    void ensembleChartDrawsTheFloorDashedBelowTheSpread(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        window.session().trainer().step(600);
        window.session().trainer().awaitIdle();
        Snapshot s = window.session().trainer().latest();
        double floor = s.metric(SquareFloorProbe.FLOOR_SPREAD);
        waitUntil(() -> {
            MetricChart c = window.charts().paperChart("ensemble-chart");
            if (c == null) {
                return false;
            }
            List<Double> v = c.values(MetricChart.FLOOR_SERIES);
            return !v.isEmpty() && c.values("spread").size() == v.size()
                    && Math.abs(c.values("spread").get(v.size() - 1) - s.metric(CompanionProbes.ENSEMBLE_SPREAD)) < 1e-9;
        }, "the ensemble chart up to step " + s.step());
        MetricChart chart = window.charts().paperChart("ensemble-chart");
        List<Double> floors = chart.values(MetricChart.FLOOR_SERIES);
        assertEquals(floor, floors.get(floors.size() - 1), 1e-9);
        assertTrue(chart.isDashed(MetricChart.FLOOR_SERIES), "the floor is a dashed line");
        assertTrue(!chart.isDashed("spread"), "the measure is not");
        List<Double> spread = chart.values("spread");
        assertTrue(spread.get(spread.size() - 1) > floor, spread.get(spread.size() - 1) + " vs floor " + floor);
    }
}
