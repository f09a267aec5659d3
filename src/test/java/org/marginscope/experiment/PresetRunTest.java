package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertEquals(p.retrainLastLayerAt(), back.retrainLastLayerAt());
            assertEquals(p.paperSettings(), back.paperSettings());
            assertEquals(p.dataset(), back.dataset());
        }
    }

    /** Every Li et al. figure the issue names has a preset, and each builds its data. */
    @Test
    void liPresetsExistWithThePapersDataAndNetwork() {
        for (String name : List.of("li-fig2-plate", "li-fig2-blob", "li-fig2-sector", "li-fig2-sector-nonsep",
                "li-fig2-moon", "li-fig7-small-range", "li-fig7-square", "li-fig5-blob3", "li-fig3c-retrain",
                "li-digits-bottleneck", "li-digits3-bottleneck")) {
            Preset p = PresetLibrary.byName(name);
            assertTrue(p.metrics().contains("svm"), name);
            assertEquals(2, p.network().layers().get(p.network().layers().size() - 2).width(),
                    name + ": a 2-unit last hidden layer, so the transformed space is a plane");
            // Fig 3(c) has no schedule of its own in the paper (2-D retraining is ours)
            if (name.startsWith("li-fig") && !name.equals("li-fig3c-retrain")) {
                Preset paper = p.withPaperSettings();
                assertEquals(2000, paper.network().layers().get(0).width(), name + ": the paper's 2000 hidden units");
                assertEquals(5000, paper.dataset().n(), name + ": the paper's 5000 points");
                assertTrue(paper.steps() >= 40000, name + ": the authors' step count (100,001; 40,000 for 3 classes)");
                assertEquals(1e-4, paper.training().learningRate(), name);
                assertEquals(org.marginscope.train.OptimiserKind.GD, paper.training().optimiser(), name + ": plain GD");
                assertTrue(paper.training().meanLoss(), name);
                assertTrue(p.description().contains("--paper-settings"), name + ": says the default is lighter");
            }
            var out = p.network().layers().get(p.network().layers().size() - 1);
            if (out.width() > 1) {
                assertFalse(out.bias(), name + ": Li Thm 2 and the Crammer-Singer SVM have no last-layer bias");
            }
        }
    }

    /** The digits recipe keeps the chosen classes, relabelled in the listed order, from the shipped CSV. */
    @Test
    void csvRecipeKeepsTheListedClassesInOrder() {
        var d01 = new DatasetRecipe(null, 0, 0, 3, "large", 0, "digits-8x8.csv", List.of(0, 1)).build();
        assertEquals(64, d01.dim());
        assertEquals(2, d01.numClasses());
        assertEquals(178 + 182, d01.size(), "the UCI test part has 178 zeros and 182 ones");
        var d20 = new DatasetRecipe(null, 0, 0, 3, "large", 0, "digits-8x8.csv", List.of(2, 0)).build();
        assertEquals(177 + 178, d20.size());
        int twos = 0;
        for (int i = 0; i < d20.size(); i++) {
            twos += d20.trainLabel(i) == 0 ? 1 : 0;
        }
        assertEquals(177, twos, "digit 2 became class 0");
        var err = assertThrows(IllegalArgumentException.class,
                () -> new DatasetRecipe(null, 0, 0, 3, "large", 0, "no-such.csv", List.of()).build());
        assertTrue(err.getMessage().contains("no-such.csv"), err.getMessage());
    }

    /**
     * Li et al. Fig 3(c) on a small net: at the scheduled step the last layer is re-initialised and the
     * rest frozen; the run reports the old layer's alignment beside the new one's. Trained alone on the
     * fixed transformed points, the new layer is logistic regression on separable data, so it also turns
     * towards the same hard-margin SVM (Soudry et al.): it ends closer to it than a random layer (90
     * degrees on average) - we ask for under 30 after 3000 steps (measured: see docs/experiments.md).
     */
    @Test
    void retrainScheduleFreezesTheTransformAndReportsBothLastLayers() {
        Preset base = PresetLibrary.byName("li-blob-small-net");
        Preset p = new Preset("retrain-test", 1, "", "li2018", base.dataset(), base.network(), base.training(), 4000,
                null, List.of("svm"), List.of(), 120, 1000, null);
        ExperimentRun run = new ExperimentRun(p, null, null);
        Snapshot last = run.run(null);
        assertNotNull(last.retiredParameters(), "the old network is kept");
        Snapshot atRetrain = run.engine().timeline().snapshots().stream().filter(s -> s.step() == 1000).findFirst()
                .orElseThrow();
        // everything below the last layer is what it was at the retrain step
        for (int k = 0; k < last.parameters().layers() - 1; k++) {
            assertEquals(atRetrain.parameters().weightNorm(k), last.parameters().weightNorm(k), 0, "layer " + k + " frozen");
        }
        int top = last.parameters().layers() - 1;
        assertEquals(atRetrain.parameters().weightNorm(top), last.retiredParameters().weightNorm(top), 0);
        assertTrue(Math.abs(last.parameters().weightNorm(top) - atRetrain.parameters().weightNorm(top)) > 1e-3,
                "the last layer is new and trained");
        Map<String, Object> m = run.finalMetrics(last);
        double before = (Double) m.get("svm_angle_deg_before_retrain"), after = (Double) m.get("svm_angle_deg");
        assertTrue(after < 30, "the retrained layer turned towards the SVM: " + after + " deg");
        assertTrue(Double.isFinite(before) && Double.isFinite((Double) m.get("svm_bias_gap_before_retrain")));
        run.engine().reset(1);
        assertTrue(run.engine().config().layers().stream().noneMatch(l -> l.frozen()), "a reset trains the whole net again");
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
