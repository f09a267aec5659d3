package org.marginscope.experiment.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.Activation;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.MetricProbe;
import org.nd4j.linalg.api.buffer.DataType;

/** The regions probe against counts worked out by hand, and the cases where it must stay silent. */
class LinearRegionsProbeTest {
    /** Hidden units x > 0, y > 0, x + y > 0.5: inside [-1,1]^2 (and the viewed square) 7 regions. */
    private static final Parameters THREE_LINES = new Parameters(new int[] {2, 3}, new int[] {3, 1},
            new double[][] {{1, 0, 1, 0, 1, 1}, {1, 1, 1}}, new double[][] {{0, 0, -0.5}, {0}});

    /**
     * Training points at the corners of [-1,1]^2 (patterns 000, 111, 010, 100) and two more in 111: four regions
     * hold data. The test point (0.1, 0.1) is alone in region 110 and must not count.
     */
    private static final Dataset DATA = new Dataset("corners", 2,
            new double[] {-1, -1, 1, 1, -1, 1, 1, -1, 0.9, 0.8, 0.7, 0.7}, new int[] {0, 1, 0, 1, 1, 1},
            new double[] {0.1, 0.1}, new int[] {0}, Dataset.defaultClassNames(2), null);

    @Test
    void countsTheRegionsOfTheViewedSquareAndThoseHoldingTrainingPoints() {
        Map<String, Double> out = measure(new LinearRegionsProbe(), Activation.RELU, 3, false);
        assertEquals(7.0, out.get(LinearRegionsProbe.REGIONS));
        assertEquals(4.0, out.get(LinearRegionsProbe.DATA_REGIONS));
    }

    @Test
    void theViewedSquareIsTheDataExtentWidenedBySixPercentOnEachSide() {
        Dataset d = Dataset.of("d", 2, new double[] {0, 0, 1, 2}, new int[] {0, 1});
        Bounds b = LinearRegionsProbe.viewedSquare(d);
        assertEquals(-0.06, b.xMin(), 1e-12);
        assertEquals(1.06, b.xMax(), 1e-12);
        assertEquals(-0.12, b.yMin(), 1e-12);
        assertEquals(2.12, b.yMax(), 1e-12);
    }

    @Test
    void measuresOnTheSvmProbesScheduleAndOnRecordedSnapshotsOnly() {
        assertTrue(measure(new LinearRegionsProbe(), Activation.RELU, 17, false).isEmpty(), "17 is off the schedule");
        assertEquals(7.0, measure(new LinearRegionsProbe(), Activation.RELU, 17, true).get(LinearRegionsProbe.REGIONS),
                "a recorded snapshot");
        assertEquals(7.0, measure(new LinearRegionsProbe(), Activation.RELU, 24, false).get(LinearRegionsProbe.REGIONS),
                "24 is on the schedule");
    }

    @Test
    void staysSilentPastItsCapAndForANetThatIsNotPiecewiseLinear() {
        assertTrue(measure(new LinearRegionsProbe(6), Activation.RELU, 0, true).isEmpty(), "7 regions, cap 6");
        assertEquals(7.0, measure(new LinearRegionsProbe(7), Activation.RELU, 0, true).get(LinearRegionsProbe.REGIONS));
        assertTrue(measure(new LinearRegionsProbe(), Activation.TANH, 0, true).isEmpty());
        assertEquals(7.0, measure(new LinearRegionsProbe(), Activation.leakyRelu(0.1), 0, true)
                .get(LinearRegionsProbe.REGIONS), "Leaky ReLU is piecewise linear");
    }

    @Test
    void comesWithThePresetsThatListItAndThoseOfNoPaper() {
        for (String name : new String[] {"li-blob-small-net", "moon-small-net", "li-blob", "poggio-fig7-depth3"}) {
            var preset = org.marginscope.experiment.PresetLibrary.byName(name);
            boolean installed = ProbePolicy.forPreset(preset, () -> null).stream()
                    .anyMatch(p -> p instanceof LinearRegionsProbe);
            assertEquals(name.equals("li-blob-small-net") || name.equals("moon-small-net"), installed, name);
        }
    }

    private static Map<String, Double> measure(LinearRegionsProbe probe, Activation hidden, long step,
                                               boolean recorded) {
        Network net = new Network(NetworkSpec.mlp(2, 2, hidden, 3), DataType.DOUBLE, THREE_LINES);
        Map<String, Double> out = new HashMap<>();
        probe.measure(new MetricProbe.Moment(step, net, DATA, 0, List.of(), recorded), out);
        return out;
    }
}
