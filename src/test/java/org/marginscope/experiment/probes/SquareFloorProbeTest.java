package org.marginscope.experiment.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.Json;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.Network;
import org.marginscope.model.Parameters;
import org.marginscope.train.CompanionState;
import org.marginscope.train.Snapshot;
import org.nd4j.linalg.api.buffer.DataType;

/** Poggio's square-loss floor as the runs measure it, against the min-norm interpolants solved here from the starts. */
class SquareFloorProbeTest {
    /**
     * Each copy's limit solved in the test from its weights at step 0: w0 + Phi^T (Phi Phi^T)^-1 (y - Phi w0), by an
     * LU of the Gram matrix; the largest pairwise angle of those limits.
     */
    private static double floorFromStart(Snapshot start, Dataset d) {
        Network net = new Network(start.spec(), DataType.DOUBLE, start.parameters());
        int n = d.size(), m = net.units(0);
        double[] h = net.layerOutput(d.trainX(), n, 0);
        RealMatrix phi = new Array2DRowRealMatrix(n, m + 1);
        RealMatrix y = new Array2DRowRealMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                phi.setEntry(i, j, h[i * m + j]);
            }
            phi.setEntry(i, m, 1);
            y.setEntry(i, 0, d.trainY()[i] == 1 ? 1 : -1);
        }
        var gram = new LUDecomposition(phi.multiply(phi.transpose())).getSolver();
        List<Parameters> starts = new ArrayList<>();
        starts.add(start.parameters());
        for (CompanionState c : start.companions()) {
            starts.add(c.parameters());
        }
        List<double[]> limits = new ArrayList<>();
        for (Parameters p : starts) {
            RealMatrix w0 = new Array2DRowRealMatrix(m + 1, 1);
            for (int j = 0; j < m; j++) {
                w0.setEntry(j, 0, p.weight(1, j, 0));
            }
            w0.setEntry(m, 0, p.bias(1, 0));
            limits.add(w0.add(phi.transpose().multiply(gram.solve(y.subtract(phi.multiply(w0))))).getColumn(0));
        }
        double worst = 0;
        for (int a = 0; a < limits.size(); a++) {
            for (int b = a + 1; b < limits.size(); b++) {
                worst = Math.max(worst, EnsembleSpread.angleDeg(limits.get(a), limits.get(b)));
            }
        }
        return worst;
    }

    /**
     * On the preset the floor reads the same at every snapshot (the limit seen from any step of GD is the start's)
     * and equals the spread of the limits solved from the starts; each copy's distance to its limit never grows.
     */
    @Test
    void floorOfThePresetIsTheSpreadOfTheStartsLimitsAtEveryStep() {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName("poggio-ensemble-square"), 3000L, null);
        Snapshot end = run.run(null);
        List<Snapshot> kept = run.engine().timeline().snapshots();
        double expected = floorFromStart(kept.get(0), run.dataset());
        assertTrue(expected > 1, "the starts keep the limits apart: " + expected);
        double previous = Double.POSITIVE_INFINITY;
        for (Snapshot s : kept) {
            assertEquals(expected, s.metric(SquareFloorProbe.FLOOR_SPREAD), 1e-6, "step " + s.step());
            double distance = s.metric(SquareFloorProbe.FLOOR_DISTANCE);
            assertTrue(distance <= previous * (1 + 1e-9), "step " + s.step() + ": " + distance + " after " + previous);
            previous = distance;
        }
        assertTrue(end.metric(CompanionProbes.ENSEMBLE_SPREAD) > end.metric(SquareFloorProbe.FLOOR_SPREAD),
                "at 3,000 steps the copies are still far from their floor");
    }

    /**
     * The engine's own GD, on four of the XOR points (well-conditioned features) at a larger step, reaches the
     * limits: each copy's angle to its limit goes to 0 and the ensemble's spread onto the floor.
     */
    @Test
    void engineGradientDescentReachesTheFloorOnWellConditionedFeatures() throws Exception {
        String json;
        try (InputStream in = Preset.class.getResourceAsStream("/org/marginscope/presets/poggio-ensemble-square.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("\"n\": 16", "\"n\": 4").replace("\"learningRate\": 0.005", "\"learningRate\": 0.05");
        Preset small = Json.MAPPER.readValue(json, Preset.class);
        assertEquals(4, small.dataset().n());
        ExperimentRun run = new ExperimentRun(small, 20_000L, null);
        Snapshot end = run.run(null);
        double floor = floorFromStart(run.engine().timeline().snapshots().get(0), run.dataset());
        assertEquals(floor, end.metric(SquareFloorProbe.FLOOR_SPREAD), 1e-6);
        assertTrue(end.metric(SquareFloorProbe.FLOOR_ANGLE) < 1e-3, "angle to the limit " + end.metric(SquareFloorProbe.FLOOR_ANGLE));
        assertEquals(floor, end.metric(CompanionProbes.ENSEMBLE_SPREAD), 1e-3);
    }

    /** Exponential-type losses have no such floor: the probe stays silent. */
    @Test
    void silentForTheExponentialLoss() {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName("poggio-ensemble-exp"), 50L, null);
        Snapshot end = run.run(null);
        assertTrue(end.metrics().containsKey(CompanionProbes.ENSEMBLE_SPREAD));
        assertFalse(end.metrics().containsKey(SquareFloorProbe.FLOOR_SPREAD));
    }
}
