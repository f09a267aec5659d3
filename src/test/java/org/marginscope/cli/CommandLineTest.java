package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.Dataset;

/** The command line as scripts use it: exit codes, stdout, stderr, files (docs/cli.md). */
class CommandLineTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = MarginScopeCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void presetsListsNameTabDescription() {
        Result r = run("presets");
        assertEquals(0, r.code());
        assertTrue(r.outLines().size() >= 2);
        for (String line : r.outLines()) {
            String[] parts = line.split("\t");
            assertEquals(2, parts.length, line);
            assertTrue(parts[0].matches("[a-z0-9-]+") && !parts[1].isBlank(), line);
        }
        assertTrue(r.out().contains("li-blob\t") && r.out().contains("vdberg-strip-norm1\t"));
    }

    /** Each command answers --help with its own options, even those that are otherwise required (gen's --dataset). */
    @Test
    void everyCommandAnswersHelpWithItsOwnOptions() {
        java.util.Map<String, String> ownOption = java.util.Map.of("presets", "Usage: marginscope presets",
                "gen", "--dataset", "run", "--paper-settings", "svm", "--csv", "bench", "--quick", "claims", "--verdicts",
                "sweep", "--seeds");
        for (var e : ownOption.entrySet()) {
            Result r = run(e.getKey(), "--help");
            assertEquals(0, r.code(), e.getKey() + ": " + r.err());
            assertTrue(r.out().contains("Usage: marginscope " + e.getKey()) && r.out().contains(e.getValue()),
                    e.getKey() + ": " + r.out());
        }
    }

    /** A long run first says how long it should take, measured on a short run of the same preset; a short run does not. */
    @Test
    void aLongRunAnnouncesItsMeasuredDurationFirst() {
        Result longRun = run("run", "--preset", "vdberg-strip-norm1", "--steps", String.valueOf(RunCommand.LONG_RUN_STEPS));
        assertEquals(0, longRun.code(), longRun.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "expected duration about (\\d+) s on this machine \\((\\d+) steps at ([0-9.e-]+) ms a step").matcher(longRun.err());
        assertTrue(m.find(), longRun.err());
        assertEquals(RunCommand.LONG_RUN_STEPS, Long.parseLong(m.group(2)));
        assertTrue(Double.parseDouble(m.group(3)) > 0, "a measured pace");
        assertTrue(longRun.err().indexOf("expected duration") < longRun.err().indexOf("step "),
                "said before the training's progress");
        Result shortRun = run("run", "--preset", "vdberg-strip-norm1", "--steps", "300");
        assertEquals(0, shortRun.code(), shortRun.err());
        assertFalse(shortRun.err().contains("expected duration"), shortRun.err());
    }

    @Test
    void genWritesALoadableCsv() throws Exception {
        Path f = dir.resolve("moon.csv");
        Result r = run("gen", "--dataset", "moon", "--n", "300", "--seed", "4", "--range", "small", "--out", f.toString());
        assertEquals(0, r.code(), r.err());
        Dataset d = CsvDatasetReader.read(f);
        assertEquals(300, d.size());
        assertTrue(d.extent(0).xMax() <= 1.0);
    }

    @Test
    void runPrintsFinalMetricsAsJsonOnTheLastLineAndWritesMetricsCsv() throws Exception {
        Path out = dir.resolve("run");
        Result r = run("run", "--preset", "vdberg-strip-norm1", "--steps", "50", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        JsonNode m = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(50, m.get("step").asLong());
        assertEquals("CPU", m.get("backend").asText());
        assertEquals("float64", m.get("dtype").asText());
        assertEquals(2, m.get("weight_norms").size());
        assertTrue(m.get("misclassified_area").asDouble() > 0);
        assertTrue(m.get("steps_to_zero_misclassified_area").isNull());
        assertTrue(r.err().contains("step 50/50"), "progress on stderr");
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("50", csv.get(csv.size() - 1).split(",")[0]);
    }

    @Test
    void runFromAConfigFile() throws Exception {
        Path cfg = dir.resolve("p.json");
        Files.writeString(cfg, """
                {"name": "tiny", "dataset": {"generator": "xor", "n": 80},
                 "network": {"inputDim": 2, "layers": [
                    {"width": 8, "activation": {"kind": "tanh"}},
                    {"width": 1, "activation": {"kind": "linear"}}]},
                 "training": {"learningRate": 0.5, "dtype": "float64"},
                 "steps": 30}
                """);
        Result r = run("run", "--config", cfg.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.outLines().get(r.outLines().size() - 1));
        assertEquals(30, m.get("step").asLong());
        assertEquals("", r.err(), "--quiet prints nothing on stderr");
    }

    @Test
    void aConfigWithALayerTooWideIsRefusedNamingTheLimit() throws Exception {
        for (String width : List.of("2147483647", "1000000000", "100001")) {
            Path cfg = dir.resolve("wide.json");
            Files.writeString(cfg, """
                    {"name": "wide", "dataset": {"generator": "xor", "n": 80},
                     "network": {"inputDim": 2, "layers": [
                        {"width": WIDTH, "activation": {"kind": "relu"}},
                        {"width": 1, "activation": {"kind": "linear"}}]},
                     "steps": 3}
                    """.replace("WIDTH", width));
            Result r = run("run", "--config", cfg.toString(), "--quiet");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("wide.json") && r.err().contains("over the limit of 100,000 units")
                    && r.err().contains(width), r.err());
        }
    }

    @Test
    void svmPrintsTheHardMarginSolution() throws Exception {
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "x,y,label\n1,2,1\n3,1,0\n");
        Result r = run("svm", "--csv", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.outLines().get(r.outLines().size() - 1));
        // closed form: w = 2 (x - p) / |x - p|^2 = (-0.8, 0.4), margin = sqrt(5) / 2
        assertEquals(-0.8, m.get("w").get(0).asDouble(), 1e-5);
        assertEquals(0.4, m.get("w").get(1).asDouble(), 1e-5);
        assertEquals(Math.sqrt(5) / 2, m.get("margin").asDouble(), 1e-5);
        assertEquals(2, m.get("support_vectors").asInt());
        assertTrue(m.get("separable").asBoolean());
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "1,0,0,a\n0,1,0,b\n0,0,1,c\n");
        JsonNode k = new ObjectMapper().readTree(run("svm", "--csv", three.toString()).outLines().get(0));
        assertEquals(3, k.get("w").size(), "one row per class");
        assertEquals(2.0 / 3, k.get("w").get(0).get(0).asDouble(), 2e-3);
        Result bad = run("svm", "--csv", dir.resolve("nope.csv").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("nope.csv"), bad.err());
    }

    @Test
    void svmRefusesAMalformedCsvWithOneLineNamingTheLineAndColumn() throws Exception {
        Path f = dir.resolve("stray.csv");
        Files.writeString(f, "1,2,0\n3,4,1\n5,6,0\"\n");
        Result r = run("svm", "--csv", f.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("marginscope: " + f + ", line 3, column 3: expected a class label (an integer, or a name:"
                + " a letter then letters, digits, '_', '-' or '.'), found '0\"': stray quote character"),
                r.err().lines().toList());
    }

    @Test
    void errorsExitNonZeroWithOneClearLine() {
        for (String[] args : List.of(
                new String[] {"run", "--preset", "no-such-preset"},
                new String[] {"gen", "--dataset", "nope", "--out", dir.resolve("x.csv").toString()},
                new String[] {"run", "--config", dir.resolve("missing.json").toString()},
                new String[] {"gen", "--dataset", "blob"})) {
            Result r = run(args);
            assertNotEquals(0, r.code(), String.join(" ", args));
            List<String> errLines = r.err().lines().toList();
            assertEquals(1, errLines.size(), r.err());
            assertTrue(errLines.get(0).startsWith("marginscope: "), r.err());
        }
        Result unknown = run("run", "--preset", "no-such-preset");
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("li-blob"), "the message lists the known presets");
    }

    @Test
    void divergenceExitsNonZeroButStillReportsMetrics() throws Exception {
        Path cfg = dir.resolve("d.json");
        Files.writeString(cfg, """
                {"name": "boom", "dataset": {"generator": "blob", "n": 100},
                 "network": {"inputDim": 2, "layers": [
                    {"width": 8, "activation": {"kind": "relu"}},
                    {"width": 1, "activation": {"kind": "linear"}}]},
                 "training": {"learningRate": 1e12, "loss": "exponential"},
                 "steps": 100}
                """);
        Result r = run("run", "--config", cfg.toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("training stopped"), r.err());
        JsonNode m = new ObjectMapper().readTree(r.outLines().get(r.outLines().size() - 1));
        assertTrue(m.get("stopped").asText().contains("step"));
    }

    /** Issue 23: a learning rate that wrecks the run with finite numbers is reported, not passed off as a result. */
    @Test
    void aLearningRateThatWrecksTheRunExitsWith3AndSaysWhy() throws Exception {
        for (String lr : List.of("10", "1e3", "1e6")) {
            Path cfg = dir.resolve("lr.json");
            Files.writeString(cfg, """
                    {"name": "wreck", "dataset": {"generator": "blob", "n": 200, "range": "small", "testFraction": 0.25},
                     "network": {"inputDim": 2, "layers": [
                        {"width": 32, "activation": {"kind": "relu"}},
                        {"width": 2, "activation": {"kind": "relu"}, "biasInit": 0.1},
                        {"width": 1, "activation": {"kind": "linear"}}]},
                     "training": {"learningRate": LR, "seed": 5},
                     "steps": 300}
                    """.replace("LR", lr));
            Result r = run("run", "--config", cfg.toString(), "--quiet");
            assertEquals(3, r.code(), lr + ": " + r.err());
            JsonNode m = new ObjectMapper().readTree(r.outLines().get(r.outLines().size() - 1));
            String why = m.get("diverged").asText();
            assertTrue(why.contains("the learning rate " + (lr.equals("1e3") ? "1000" : lr) + " is too large - try"), why);
            assertTrue(r.err().contains("training stopped: " + why), r.err());
            for (String key : List.of("preset", "step", "loss", "train_accuracy", "weight_norms", "grad_norms", "backend",
                    "dtype", "seconds", "stopped")) {
                assertTrue(m.has(key), key + " is still reported");
            }
            assertTrue(m.get("step").asLong() < 300, "stopped early");
        }
    }

    @Test
    void dataTooLargeToTrainAreRefusedNamingTheirScaleAndTheSvmStillSeparatesThem() throws Exception {
        Path csv = dir.resolve("huge.csv");
        Files.writeString(csv, "x,label\n1e200,1\n-1e200,0\n3e200,1\n-2e200,0\n");
        Path cfg = dir.resolve("huge.json");
        Files.writeString(cfg, """
                {"name": "huge", "dataset": {"csv": "CSV"},
                 "network": {"inputDim": 1, "layers": [
                    {"width": 8, "activation": {"kind": "relu"}},
                    {"width": 1, "activation": {"kind": "linear"}}]},
                 "training": {"learningRate": 0.1, "dtype": "float64"},
                 "steps": 10}
                """.replace("CSV", csv.toString()));
        Result r = run("run", "--config", cfg.toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("the data's coordinates reach 3e200") && !r.err().contains("learning rate"), r.err());
        for (String v : List.of("1e300", "1.7e308", "1e-300", "5e-324")) {
            Path two = dir.resolve("two.csv");
            Files.writeString(two, "x,label\n" + v + ",1\n-" + v + ",0\n");
            Result s = run("svm", "--csv", two.toString());
            assertEquals(0, s.code(), s.err());
            JsonNode m = new ObjectMapper().readTree(s.outLines().get(0));
            assertTrue(m.get("separable").asBoolean(), v);
            assertEquals(Double.parseDouble(v), m.get("margin").asDouble(), 1e-6 * Double.parseDouble(v), v);
        }
    }

    @Test
    void runWritesFiguresChartsAndAnAnimationAsAsked() throws Exception {
        Path out = dir.resolve("figs");
        Result r = run("run", "--preset", "li-blob-small-net", "--steps", "200", "--quiet", "--out", out.toString(),
                "--figure", "png,svg,pdf", "--png-scale", "3", "--animation", "gif", "--frames", "9", "--fps", "4");
        assertEquals(0, r.code(), r.err());
        var png = javax.imageio.ImageIO.read(out.resolve("figure.png").toFile());
        var pngCharts = javax.imageio.ImageIO.read(out.resolve("charts.png").toFile());
        assertEquals(0, png.getWidth() % 3, "3x scale");
        assertTrue(pngCharts.getWidth() > 900, "four chart panels");
        for (String f : List.of("figure.svg", "charts.svg", "figure.pdf", "charts.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 5_000, f);
        }
        try (var in = javax.imageio.ImageIO.createImageInputStream(out.resolve("animation.gif").toFile())) {
            var reader = javax.imageio.ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(9, reader.getNumImages(true));
        }
        Result bad = run("run", "--preset", "li-blob-small-net", "--steps", "1", "--figure", "eps", "--out", out.toString());
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("eps"), bad.err());
        Result noOut = run("run", "--preset", "li-blob-small-net", "--steps", "1", "--animation", "gif");
        assertNotEquals(0, noOut.code());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }
}
