package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.experiment.MetricsCsv;
import org.marginscope.experiment.MetricsTable;
import picocli.CommandLine;

/** `sweep`: the plan, a real small sweep in worker processes, and a merge of partial sweeps. */
class SweepCommandTest {
    @TempDir
    Path dir;

    /** Splits a line the way a POSIX shell splits words made of plain and single-quoted parts. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void planPrintsOneRunCommandPerSeedThatParsesBack() {
        Path out = dir.resolve("my sweep"); // a space, to be quoted
        CommandLineTest.Result r = CommandLineTest.run("sweep", "--plan", "--preset", "nar-two-points", "--seeds", "3..5",
                "--vary", "data", "--steps", "50", "--out", out.toString(), "--launcher", "marginscope");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r.out());
        for (int i = 0; i < 3; i++) {
            List<String> w = words(lines.get(i));
            assertEquals("marginscope", w.get(0));
            assertEquals("run", w.get(1));
            RunCommand run = new RunCommand();
            new CommandLine(run).parseArgs(w.subList(2, w.size()).toArray(new String[0]));
            assertEquals("nar-two-points", run.source.preset);
            assertEquals(3L + i, run.seed);
            assertEquals("data", run.vary);
            assertEquals(50L, run.steps);
            assertEquals(out.resolve(Long.toString(3 + i)), run.out);
            assertTrue(run.quiet);
        }
        // the default launcher is this JVM's java with its class path and the main class
        CommandLineTest.Result d = CommandLineTest.run("sweep", "--plan", "--preset", "nar-two-points", "--seeds", "1,9",
                "--out", "o");
        assertEquals(2, d.outLines().size());
        List<String> w = words(d.outLines().get(1));
        assertEquals(SweepCommand.javaExecutable(), w.get(0));
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), "org.marginscope.Main", "run", "--preset",
                "nar-two-points", "--seed", "9", "--vary", "train", "--quiet", "--out", Path.of("o", "9").toString()),
                w.subList(1, w.size()));
    }

    @Test
    void seedsAreARangeOrAList() {
        assertEquals(List.of(1L, 2L, 3L), SweepCommand.parseSeeds("1..3"));
        assertEquals(List.of(7L, 2L), SweepCommand.parseSeeds("7,2"));
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.parseSeeds("3..1"));
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.parseSeeds("1,1"));
        CommandLineTest.Result r = CommandLineTest.run("sweep", "--preset", "nar-two-points", "--seeds", "x", "--out", "o");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("marginscope: --seeds"), r.err());
    }

    @Test
    void aSweepInWorkerProcessesWritesRunsSummaryAndFiguresAndMergesBack() throws Exception {
        Path out = dir.resolve("sweep");
        CommandLineTest.Result r = CommandLineTest.run("sweep", "--preset", "sarussi-fig4-par", "--seeds", "1..3",
                "--steps", "200", "--jobs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("runs 3/3"), r.err());
        assertTrue(r.err().contains("ratio"), r.err());
        List<MetricsTable> tables = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            Path d = out.resolve(Integer.toString(s));
            tables.add(MetricsCsv.read(d.resolve("metrics.csv")));
            JsonNode fin = new ObjectMapper().readTree(d.resolve("final.json").toFile());
            assertEquals(200, fin.get("step").asInt());
            assertEquals("sarussi-fig4-par", fin.get("preset").asText());
            assertTrue(fin.has("nonlinear_fraction_train"));
        }
        List<String> cols = tables.get(0).columns();
        assertEquals(List.of("step", "loss", "train_accuracy", "test_accuracy", "seconds", "weight_norm_1"),
                cols.subList(0, 6));
        int loss = cols.indexOf("loss"), w1 = cols.indexOf("weight_norm_1");
        // --vary train: another initialisation per seed, so the curves differ from step 0 on
        assertNotEquals(tables.get(0).rows()[0][w1], tables.get(1).rows()[0][w1]);
        assertNotEquals(tables.get(1).rows()[0][loss], tables.get(2).rows()[0][loss]);
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("metric,step,n,median,q1,q3,min,max", summary.get(0));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("loss,0,3,")));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("loss,200,3,")));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("loss,end,3,")));
        assertTrue(summary.stream().noneMatch(l -> l.startsWith("seconds,") || l.matches("step,\\d+,.*")));
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("train", json.get("vary").asText());
        assertEquals(3, json.get("seeds").size());
        for (String k : List.of("wall_seconds", "runs_seconds", "ratio", "workers_seconds", "jobs")) {
            assertTrue(json.get("timing").get(k).isNumber(), k);
        }
        for (String f : List.of("loss.png", "loss.svg", "train_accuracy.png", "train_accuracy.svg",
                "nonlinear_fraction_train.png", "nonlinear_fraction_train.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 500, f);
        }

        // two partial sweeps merge to the summary of the whole
        Path a = dir.resolve("a"), b = dir.resolve("b"), merged = dir.resolve("merged");
        copy(out.resolve("1"), a.resolve("1"));
        copy(out.resolve("2"), a.resolve("2"));
        copy(out.resolve("3"), b.resolve("3"));
        Files.createDirectories(b.resolve("4")); // an unfinished run: left out with a note
        CommandLineTest.Result m = CommandLineTest.run("sweep", "--merge", a.toString(), b.toString(), "--out",
                merged.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.err().contains("left out"), m.err());
        assertEquals(Files.readString(out.resolve("summary.csv")), Files.readString(merged.resolve("summary.csv")));
        ObjectNode whole = (ObjectNode) json, parts = (ObjectNode) new ObjectMapper().readTree(
                merged.resolve("summary.json").toFile());
        for (String k : List.of("preset", "quantiles", "seeds", "steps", "metrics", "end")) {
            assertEquals(whole.get(k), parts.get(k), k);
        }
        assertEquals(json.at("/timing/runs_seconds"), parts.at("/timing/runs_seconds"));
        assertTrue(Files.exists(merged.resolve("loss.svg")));
        // the same seed twice is refused
        CommandLineTest.Result twice = CommandLineTest.run("sweep", "--merge", a.toString(), out.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("seed 1 is in both"), twice.err());
    }

    @Test
    void varyDataKeepsTheInitialWeightsAcrossSeeds() throws Exception {
        Path out = dir.resolve("data");
        CommandLineTest.Result r = CommandLineTest.run("sweep", "--preset", "sarussi-fig4-par", "--seeds", "4..5",
                "--vary", "data", "--steps", "20", "--jobs", "2", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        MetricsTable t4 = MetricsCsv.read(out.resolve("4/metrics.csv")), t5 = MetricsCsv.read(out.resolve("5/metrics.csv"));
        int w1 = t4.index("weight_norm_1"), w2 = t4.index("weight_norm_2"), loss = t4.index("loss");
        assertEquals(t4.rows()[0][w1], t5.rows()[0][w1], 0.0, "the same initial weights");
        assertEquals(t4.rows()[0][w2], t5.rows()[0][w2], 0.0);
        assertNotEquals(t4.rows()[0][loss], t5.rows()[0][loss], "other data");
    }

    @Test
    void aFailedWorkerIsNamedWithItsLastStderrLine() throws Exception {
        // a preset file whose data cannot be built fails inside each worker, after the sweep has started them
        Path cfg = dir.resolve("bad.json");
        String good = new ObjectMapper().writeValueAsString(org.marginscope.experiment.Json.MAPPER.readTree(
                SweepCommandTest.class.getResourceAsStream("/org/marginscope/presets/sarussi-fig4-par.json")));
        Files.writeString(cfg, good.replace("\"symmetric-gaussians\"", "\"no-such-generator\""));
        Path out = dir.resolve("bad");
        CommandLineTest.Result r = CommandLineTest.run("sweep", "--config", cfg.toString(), "--seeds", "1..2",
                "--jobs", "2", "--quiet", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("seed 1 failed: exit "), r.err());
        assertTrue(r.err().contains("seed 2 failed: exit "), r.err());
        assertTrue(r.err().contains("no-such-generator"), r.err());
        assertTrue(Files.notExists(out.resolve("summary.csv")));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
