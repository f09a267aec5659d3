package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.render.ChartFigure;

/**
 * The sweep summary's numbers against values worked out by hand (R-7 quantiles: h = (n - 1) p, linear
 * interpolation between the order statistics around h).
 */
class SweepSummaryTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    @Test
    void quantilesAreTypeSevenWorkedByHand() {
        double[] v = {1, 2, 4, 8};
        // p = 0.25: h = 0.75 -> 1 + 0.75 (2 - 1) = 1.75; p = 0.5: h = 1.5 -> 2 + 0.5 (4 - 2) = 3;
        // p = 0.75: h = 2.25 -> 4 + 0.25 (8 - 4) = 5
        assertEquals(1.75, SweepSummary.quantile(v, 0.25), EPS);
        assertEquals(3.0, SweepSummary.quantile(v, 0.5), EPS);
        assertEquals(5.0, SweepSummary.quantile(v, 0.75), EPS);
        assertEquals(1.0, SweepSummary.quantile(v, 0), EPS);
        assertEquals(8.0, SweepSummary.quantile(v, 1), EPS);
        // five values: h = 1, 2, 3 fall on order statistics exactly
        double[] w = {10, 20, 30, 40, 50};
        assertEquals(20, SweepSummary.quantile(w, 0.25), EPS);
        assertEquals(30, SweepSummary.quantile(w, 0.5), EPS);
        assertEquals(40, SweepSummary.quantile(w, 0.75), EPS);
        assertEquals(7.0, SweepSummary.quantile(new double[] {7}, 0.25), EPS);
        assertThrows(IllegalArgumentException.class, () -> SweepSummary.quantile(new double[0], 0.5));
    }

    @Test
    void statsSortAndLeaveOutMissingValues() {
        SweepSummary.Stats s = SweepSummary.Stats.of(new double[] {8, Double.NaN, 1, 4, 2});
        assertEquals(4, s.n());
        assertEquals(3.0, s.median(), EPS);
        assertEquals(1.75, s.q1(), EPS);
        assertEquals(5.0, s.q3(), EPS);
        assertEquals(1.0, s.min(), EPS);
        assertEquals(8.0, s.max(), EPS);
        SweepSummary.Stats none = SweepSummary.Stats.of(new double[] {Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.median()) && Double.isNaN(none.max()));
    }

    @Test
    void stepsAreTheCommonStepsAtOrBeforeLogSpacedTargets() {
        MetricsTable a = table(new long[] {0, 1, 2, 3, 5, 10, 20, 50, 100});
        MetricsTable b = table(new long[] {0, 1, 2, 3, 5, 10, 20, 50, 100, 200}); // ran longer
        MetricsTable c = table(new long[] {0, 1, 2, 5, 10, 20, 50, 100}); // lacks step 3
        // common: 0 1 2 5 10 20 50 100; targets (100 + 1)^(i/4) - 1 = 0, 2.17, 9.05, 30.9, 100
        // -> at or before: 0, 2, 5, 20, 100
        assertArrayEquals(new long[] {0, 2, 5, 20, 100}, SweepSummary.logSpacedSteps(List.of(a, b, c), 5));
        // more targets than steps: every common step at most once
        assertArrayEquals(new long[] {0, 1, 2, 5, 10, 20, 50, 100},
                SweepSummary.logSpacedSteps(List.of(a, b, c), 200));
        assertArrayEquals(new long[0], SweepSummary.logSpacedSteps(List.of(table(new long[] {0, 1}),
                table(new long[] {2, 3})), 5));
    }

    @Test
    void finalMetricsFlattenToNumbers() throws Exception {
        var node = new ObjectMapper().readTree("{\"preset\":\"p\",\"step\":10,\"loss\":0.5,\"ok\":true,\"bad\":false,"
                + "\"weight_norms\":[1.5,null,3],\"row_norms\":[[1,2]],\"maybe\":null,\"seconds\":2.5}");
        Map<String, Double> f = SweepSummary.flatten(node);
        assertEquals(List.of("step", "loss", "ok", "bad", "weight_norms_1", "weight_norms_2", "weight_norms_3", "maybe",
                "seconds"), List.copyOf(f.keySet()));
        assertEquals(1.0, f.get("ok"));
        assertEquals(0.0, f.get("bad"));
        assertEquals(3.0, f.get("weight_norms_3"));
        assertTrue(f.get("weight_norms_2").isNaN() && f.get("maybe").isNaN());
    }

    /** Three runs whose values are chosen so that every statistic can be read off by hand. */
    private static List<SweepSummary.RunData> threeRuns() {
        List<String> cols = List.of("step", "loss", "seconds", "margin");
        // seed 3 is listed first: the summary orders by seed
        MetricsTable t3 = new MetricsTable(cols, new double[][] {{0, 0.9, 0.1, Double.NaN}, {1, 0.6, 0.2, 6}, {2, 0.3, 0.3, 9}});
        MetricsTable t1 = new MetricsTable(cols, new double[][] {{0, 0.7, 0.1, 1}, {1, 0.2, 0.2, 2}, {2, 0.1, 0.3, 3}});
        MetricsTable t2 = new MetricsTable(cols, new double[][] {{0, 0.8, 0.1, 4}, {1, 0.4, 0.2, 5}, {2, 0.2, 0.3, 6}});
        return List.of(new SweepSummary.RunData(3, t3, Map.of("loss", 0.3, "seconds", 3.0)),
                new SweepSummary.RunData(1, t1, Map.of("loss", 0.1, "seconds", 1.0, "steps_to_zero", Double.NaN)),
                new SweepSummary.RunData(2, t2, Map.of("loss", 0.2, "seconds", 2.0, "steps_to_zero", 40.0)));
    }

    @Test
    void summaryOverSeedsWorkedByHand() {
        SweepSummary s = SweepSummary.of(threeRuns(), 3);
        assertEquals(List.of(1L, 2L, 3L), s.seeds());
        // common steps 0 1 2; targets 3^(i/2) - 1 = 0, 0.73, 2 -> 0, 0, 2
        assertArrayEquals(new long[] {0, 2}, s.steps());
        assertEquals(List.of("loss", "margin"), List.copyOf(s.atSteps().keySet()), "step and seconds are not metrics");
        // loss at step 0: 0.7 0.8 0.9 -> median 0.8, q1 (h = 0.5) 0.75, q3 (h = 1.5) 0.85
        SweepSummary.Stats l0 = s.atSteps().get("loss").get(0);
        assertEquals(3, l0.n());
        assertEquals(0.8, l0.median(), EPS);
        assertEquals(0.75, l0.q1(), EPS);
        assertEquals(0.85, l0.q3(), EPS);
        assertEquals(0.7, l0.min(), EPS);
        assertEquals(0.9, l0.max(), EPS);
        // margin at step 0: 1, 4 and an empty cell -> n = 2, median 2.5, q1 (h = 0.25) 1.75, q3 (h = 0.75) 3.25
        SweepSummary.Stats m0 = s.atSteps().get("margin").get(0);
        assertEquals(2, m0.n());
        assertEquals(2.5, m0.median(), EPS);
        assertEquals(1.75, m0.q1(), EPS);
        assertEquals(3.25, m0.q3(), EPS);
        // margin at step 2: 3 6 9 -> 6, 4.5, 7.5
        SweepSummary.Stats m2 = s.atSteps().get("margin").get(1);
        assertEquals(6, m2.median(), EPS);
        assertEquals(4.5, m2.q1(), EPS);
        assertEquals(7.5, m2.q3(), EPS);
        // the end: final loss 0.1 0.2 0.3; seconds left out; a null counted out of n
        assertFalse(s.atEnd().containsKey("seconds"));
        assertEquals(0.2, s.atEnd().get("loss").median(), EPS);
        assertEquals(0.15, s.atEnd().get("loss").q1(), EPS);
        assertEquals(1, s.atEnd().get("steps_to_zero").n());
        assertEquals(40, s.atEnd().get("steps_to_zero").median(), EPS);
        assertEquals(6.0, threeRuns().stream().mapToDouble(SweepSummary.RunData::seconds).sum(), EPS);
    }

    @Test
    void csvAndJsonCarryTheSameNumbers() throws Exception {
        SweepSummary s = SweepSummary.of(threeRuns(), 3);
        Path csv = dir.resolve("summary.csv"), json = dir.resolve("summary.json");
        s.writeCsv(csv);
        s.writeJson(json, Map.of("preset", "p"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("metric,step,n,median,q1,q3,min,max", lines.get(0));
        assertTrue(lines.contains("margin,0,2,2.5,1.75,3.25,1.0,4.0"), lines.toString());
        assertTrue(lines.contains("margin,2,3,6.0,4.5,7.5,3.0,9.0"), lines.toString());
        assertTrue(lines.contains("steps_to_zero,end,1,40.0,40.0,40.0,40.0,40.0"), lines.toString());
        var node = new ObjectMapper().readTree(json.toFile());
        assertEquals("p", node.get("preset").asText());
        assertEquals(0.85, node.at("/metrics/loss/q3/0").asDouble(), EPS);
        assertEquals(3, node.at("/metrics/margin/n/1").asInt());
        assertEquals(0.2, node.at("/end/loss/median").asDouble(), EPS);
        assertTrue(node.get("quantiles").asText().startsWith("R-7"));
        // no seed with a value: null in JSON, empty in CSV
        SweepSummary empty = SweepSummary.of(List.of(new SweepSummary.RunData(1, table(new long[] {0}),
                Map.of("x", Double.NaN))), 2);
        empty.writeCsv(csv);
        assertTrue(Files.readAllLines(csv).contains("x,end,0,,,,,"));
    }

    @Test
    void aMetricMeasuredAtFewerStepsTakesItsLastValueBefore() {
        List<String> cols = List.of("step", "loss", "angle");
        MetricsTable a = new MetricsTable(cols, new double[][] {{0, 1, Double.NaN}, {1, 1, 30}, {2, 1, Double.NaN}});
        MetricsTable b = new MetricsTable(cols, new double[][] {{0, 1, Double.NaN}, {1, 1, Double.NaN}, {2, 1, 10}});
        SweepSummary s = SweepSummary.of(List.of(new SweepSummary.RunData(1, a, Map.of()),
                new SweepSummary.RunData(2, b, Map.of())), 3);
        assertArrayEquals(new long[] {0, 2}, s.steps());
        assertEquals(0, s.atSteps().get("angle").get(0).n(), "nothing measured yet at step 0");
        SweepSummary.Stats at2 = s.atSteps().get("angle").get(1); // run 1's 30 from step 1, run 2's 10
        assertEquals(2, at2.n());
        assertEquals(20, at2.median(), EPS);
        assertEquals(15, at2.q1(), EPS);
    }

    @Test
    void aSeedTwiceIsRefused() {
        MetricsTable t = table(new long[] {0});
        assertThrows(IllegalArgumentException.class, () -> SweepSummary.of(List.of(
                new SweepSummary.RunData(1, t, Map.of()), new SweepSummary.RunData(1, t, Map.of()))));
    }

    @Test
    void figuresForTheHeadlineMetricsOnlyWithAPanelPerClass() {
        List<String> cols = List.of("step", "loss", "train_accuracy", "weight_norm_1", "svm_angle_deg_1",
                "svm_angle_deg_2");
        MetricsTable t = new MetricsTable(cols, new double[][] {{0, 1, 0.5, 1, 80, 70}, {10, 0.5, 1, 2, 40, 30}});
        SweepSummary s = SweepSummary.of(List.of(new SweepSummary.RunData(1, t, Map.of()),
                new SweepSummary.RunData(2, t, Map.of())));
        Map<String, ChartFigure> figs = SweepFigures.of(s, "caption");
        assertEquals(List.of("loss", "train_accuracy", "svm_angle_deg"), List.copyOf(figs.keySet()));
        ChartFigure.Panel p = SweepFigures.panel(s, "svm_angle_deg_2");
        assertEquals(1, p.series().size());
        assertEquals(2, p.bands().size());
        assertArrayEquals(new double[] {70, 30}, p.series().get(0).values(), EPS);
        assertTrue(SweepFigures.panel(s, "loss").logY());
        assertFalse(SweepFigures.panel(s, "train_accuracy").logY());
    }

    @Test
    void metricsCsvReadsBackWhatItWrites() throws Exception {
        Preset p = PresetLibrary.byName("sarussi-fig4-par");
        ExperimentRun run = new ExperimentRun(p, 20L, 3L, SeedVariation.TRAIN);
        run.run(null);
        Path f = dir.resolve("metrics.csv");
        run.writeMetricsCsv(f);
        MetricsTable mem = MetricsCsv.table(run.engine().timeline().snapshots());
        MetricsTable back = MetricsCsv.read(f);
        assertEquals(mem.columns(), back.columns());
        assertEquals(mem.rows().length, back.rows().length);
        for (int i = 0; i < mem.rows().length; i++) {
            assertArrayEquals(mem.rows()[i], back.rows()[i], 0.0, "row " + i);
        }
    }

    private static MetricsTable table(long[] steps) {
        double[][] rows = new double[steps.length][];
        for (int i = 0; i < steps.length; i++) {
            rows[i] = new double[] {steps[i], 1.0 / (1 + steps[i])};
        }
        return new MetricsTable(List.of("step", "loss"), rows);
    }
}
