package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.probes.LinearRegionsProbe;
import org.marginscope.train.Snapshot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * The linear-regions chart (issue 22): for li-blob-small-net, whose probes count the regions, every point it plots
 * after training is the count of the snapshot at that step - in view ({@code linear_regions}) and holding data
 * ({@code linear_regions_data}); a tanh net, which has no linear regions, gets no such chart.
 */
class LinearRegionsChartTest extends AppWindowTest {
    private static final String ID = "linear-regions-chart";

    private MetricChart chart() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.charts().paperChart(ID)).get(10, TimeUnit.SECONDS);
    }

    private List<double[]> points(String series) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.charts().paperChart(ID).points(series)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theChartPlotsTheSnapshotsRegionCounts() throws Exception {
        var trainer = window.session().trainer();
        waitUntil(() -> trainer.latest() != null, "the first snapshot");
        long[] targets = {2, 4, 8, 12, 16, 32, 64, 128, 256, 512};
        for (long t : targets) {
            trainer.stepTo(t);
            trainer.awaitIdle();
            waitUntil(() -> {
                try {
                    MetricChart c = chart();
                    if (c == null) {
                        return false;
                    }
                    List<double[]> p = points(MetricChart.REGIONS_SERIES);
                    return !p.isEmpty() && p.get(p.size() - 1)[0] == t + 1.0;
                } catch (Exception e) {
                    return false;
                }
            }, "the chart plots step " + t);
        }
        Map<Long, Snapshot> byStep = trainer.timeline().snapshots().stream()
                .collect(Collectors.toMap(Snapshot::step, s -> s, (a, b) -> b));
        for (String[] series : new String[][] {{MetricChart.REGIONS_SERIES, LinearRegionsProbe.REGIONS},
                {MetricChart.DATA_REGIONS_SERIES, LinearRegionsProbe.DATA_REGIONS}}) {
            List<double[]> plotted = points(series[0]);
            assertTrue(plotted.size() >= targets.length, series[0] + ": " + plotted.size() + " points");
            for (double[] p : plotted) {
                Snapshot s = byStep.get((long) p[0] - 1);
                assertNotNull(s, "a snapshot at the plotted step " + ((long) p[0] - 1));
                assertEquals(s.metric(series[1]), p[1], series[0] + " at step " + s.step());
            }
        }
        assertTrue(points(MetricChart.REGIONS_SERIES).stream().allMatch(p -> p[1] >= 1), "counts are at least 1");
        javafx.scene.Node angle = window.scene().lookup("#angle-chart");
        assertTrue(angle.getParent().isVisible(), "the regions chart sits beside Li's angle chart, not in its place");

        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("moon-small-net")))
                .get(10, TimeUnit.SECONDS);
        waitUntil(() -> trainer.settled() && trainer.latest() != null
                && trainer.latest().spec().layers().get(0).activation().kind().id().equals("tanh"), "the tanh net's first snapshot");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // a few chart updates
        assertNull(chart(), "a tanh net has no linear regions: no chart");
    }
}
