package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.train.Snapshot;

class PresetRunTest {
    @TempDir
    Path dir;

    @Test
    void builtInPresetsLoadAndRoundTripThroughJson() throws Exception {
        List<Preset> all = PresetLibrary.builtIn();
        assertTrue(all.stream().anyMatch(p -> p.name().equals("li-blob")));
        assertTrue(all.stream().anyMatch(p -> p.name().equals("vdberg-strip-norm1")));
        for (Preset p : all) {
            Path f = dir.resolve(p.name() + ".json");
            Files.writeString(f, Json.MAPPER.writeValueAsString(p));
            Preset back = PresetLibrary.read(f);
            assertEquals(p.name(), back.name());
            assertEquals(p.training(), back.training());
            assertEquals(p.network().toString(), back.network().toString());
            assertEquals(p.steps(), back.steps());
        }
    }

    /**
     * van den Berg Fig 14, initial norm 1: the paper reports the misclassified area reaching 0 after
     * about 3,260 iterations; the exact count depends on the unreported sample draw and interface
     * points (our seeds 1-4 give 2472, 2359, 3058, 3794), so the test asks for the same order:
     * between 1,000 and 10,000.
     */
    @Test
    void vandenBergNorm1ReachesZeroMisclassifiedAreaAfterAFewThousandSteps() {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName("vdberg-strip-norm1"), null, null);
        Snapshot last = run.run(null);
        Long steps = run.stepsToZeroMisclassifiedArea();
        assertNotNull(steps, "the area must reach zero");
        assertTrue(steps >= 1_000 && steps <= 10_000, "steps to zero area: " + steps);
        assertEquals(0.0, last.metric(ExperimentRun.MISCLASSIFIED_AREA));
        // closed form at the start: the hyperplane 0.957826 x + 0.287348 y = 1.915653 cuts off
        // integral_{-1}^{1} (1.915653 - 0.287348 y) / 0.957826 dy = 4.0 of the domain; grid cells 0.1
        Snapshot first = run.engine().timeline().snapshots().get(0);
        assertEquals(4.0, first.metric(ExperimentRun.MISCLASSIFIED_AREA), 0.1);
        assertEquals((long) steps, last.step(), "the run ends at the step whose weights reach zero");
        for (Snapshot s : run.engine().timeline().snapshots()) {
            if (s.step() < steps) {
                assertTrue(s.metric(ExperimentRun.MISCLASSIFIED_AREA) > 0, "area already zero at step " + s.step());
            }
        }
        Map<String, Object> m = run.finalMetrics(last);
        for (String key : List.of("step", "loss", "train_accuracy", "test_accuracy", "weight_norms", "backend", "dtype",
                "seconds", "misclassified_area", "row_norms", "grad_norms")) {
            assertTrue(m.containsKey(key), "missing metric " + key);
        }
    }

    @Test
    void metricsCsvHasOneRowPerSnapshot() throws IOException {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName("vdberg-strip-norm1"), 300L, null);
        run.run(null);
        Path csv = dir.resolve("m.csv");
        run.writeMetricsCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(run.engine().timeline().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("step,loss,train_accuracy,test_accuracy,seconds,weight_norm_1"));
        assertTrue(lines.get(0).endsWith("misclassified_area"));
        assertEquals("300", lines.get(lines.size() - 1).split(",")[0]);
    }

    @Test
    void brokenConfigFilesNameLineAndProblem() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"name\": \"x\",\n  \"steps\": \"many\"\n}\n");
        IOException e = assertThrows(IOException.class, () -> PresetLibrary.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("line 3"), e.getMessage());
        Files.writeString(f, "{\"name\": \"x\", \"dataset\": {\"generator\": \"blob\"}, \"network\": {\"inputDim\": 2,"
                + " \"layers\": [{\"width\": 1, \"activation\": {\"kind\": \"relu\"}}]}, \"training\": {}}");
        IOException e2 = assertThrows(IOException.class, () -> PresetLibrary.read(f));
        assertTrue(e2.getMessage().contains("output layer must be linear"), e2.getMessage());
    }
}
