package org.marginscope.experiment.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.MisclassifiedArea;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.train.MetricProbe;
import org.marginscope.model.Network;
import org.nd4j.linalg.api.buffer.DataType;

/** van den Berg's per-snapshot measures (Figs 13-16) against MisclassifiedArea and hand computations. */
class VandenBergProbesTest {
    /**
     * Fig 13's start: the hyperplane x + 0.3 y = 2 through (2, 0) on the strip [-6,6] x [-1,1] whose classes
     * part at x = 0. The misclassified region between the y-axis and the hyperplane is the trapezoid
     * 0 < x < 2 - 0.3 y, of area integral_{-1}^{1} (2 - 0.3 y) dy = 4.
     */
    @Test
    void theMisclassifiedAreaOfFig13sStartIsTheTrapezoidBetweenTheYAxisAndTheHyperplane() {
        Preset p = PresetLibrary.byName("vdberg-fig14-norm1");
        Dataset d = p.dataset().build();
        Network net = new Network(p.network(), DataType.DOUBLE, 1L);
        assertEquals(0, -p.network().layers().get(0).biases()[0] / p.network().layers().get(0).weights()[0][0] - 2,
                1e-5, "the hyperplane crosses the x-axis at 2");
        Map<String, Double> out = new HashMap<>();
        VandenBergProbes.misclassifiedArea(p.areaGridCells(), 2400).measure(at(net, d), out);
        double probe = out.get(ExperimentRun.MISCLASSIFIED_AREA);
        var truth = d.groundTruth().orElseThrow();
        assertEquals(new MisclassifiedArea(truth, p.areaGridCells()).measure(net, 0), probe, 0,
                "the strip's 120 x 20 grid fits the app's cap: the same grid as the command line's");
        assertEquals(4, probe, 0.02, "the trapezoid");
        // a coarser grid for a square domain agrees with MisclassifiedArea on that grid
        Preset xor = PresetLibrary.byName("vdberg-fig12-gamma1");
        Dataset dx = xor.dataset().build();
        Network nx = new Network(xor.network(), DataType.DOUBLE, 1L);
        Map<String, Double> o2 = new HashMap<>();
        VandenBergProbes.misclassifiedArea(120, 2400).measure(at(nx, dx), o2);
        int cells = VandenBergProbes.cappedCells(dx.groundTruth().orElseThrow().domain(), 120, 2400);
        assertEquals(48, cells);
        assertEquals(new MisclassifiedArea(dx.groundTruth().orElseThrow(), cells).measure(nx, 0),
                o2.get(ExperimentRun.MISCLASSIFIED_AREA), 0);
        assertEquals(new MisclassifiedArea(dx.groundTruth().orElseThrow(), 120).measure(nx, 0),
                o2.get(ExperimentRun.MISCLASSIFIED_AREA), 0.1, "close to the fine grid's area");
    }

    private static MetricProbe.Moment at(Network net, Dataset d) {
        return new MetricProbe.Moment(0, net, d, 0, java.util.List.of(), false);
    }

    @Test
    void cellsAreCappedByTheGridsSize() {
        assertEquals(120, VandenBergProbes.cappedCells(new Bounds(-6, 6, -1, 1), 120, 2400));
        assertEquals(48, VandenBergProbes.cappedCells(new Bounds(-3, 3, -3, 3), 120, 2400));
        assertEquals(30, VandenBergProbes.cappedCells(new Bounds(-3, 3, -3, 3), 30, 2400));
    }

    /** The hyperplane distance by hand from the preset's own numbers, in the snapshots and the final metrics. */
    @Test
    void theHyperplaneDistanceIsTheNearestSamplesAndTheCommandLineReportsIt() {
        Preset p = PresetLibrary.byName("vdberg-fig13-n50");
        ExperimentRun run = new ExperimentRun(p, 0L, null);
        var last = run.run(null);
        Dataset d = run.dataset();
        double a1 = 0.957826, a2 = 0.287348, c = -1.915653, norm = Math.hypot(a1, a2);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            best = Math.min(best, Math.abs(a1 * d.trainCoord(i, 0) + a2 * d.trainCoord(i, 1) + c) / norm);
        }
        assertEquals(best, last.metric(VandenBergProbes.distanceKey(0)), 1e-12);
        Map<String, Object> m = run.finalMetrics(last);
        double[] list = (double[]) m.get(VandenBergProbes.HYPERPLANE_DISTANCE);
        assertEquals(1, list.length);
        assertEquals(best, list[0], 1e-12);
        assertFalse(m.containsKey(VandenBergProbes.distanceKey(0)), "per-unit keys stay in the snapshots");
        assertTrue(m.containsKey(ExperimentRun.MISCLASSIFIED_AREA));
    }
}
