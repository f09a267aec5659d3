package org.marginscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.PresetLibrary;

/**
 * {@code run --out} of li-blob-small-net (2-32-2-1 ReLU): the final {@code linear_regions} and
 * {@code linear_regions_data} against counts made from weights.json and data.csv alone, with a forward pass in
 * plain Java (no project class reads the files or evaluates the net), and data.csv against the preset's data.
 */
class RunRegionsAndWeightsTest {
    /**
     * Grid cells per side of the viewed square. A cell-centre grid misses only regions that no centre falls in:
     * the trained net packs many small regions where its kinks cross (284 in all, 13 of them smaller than one
     * cell of a 2000 x 2000 grid, which found 274; 5 smaller than one cell of this grid, which finds 283).
     */
    static final int GRID = 4000;
    /** The grid may miss this fraction of the exact regions: 1% of 284 is two to three, the near-sliver ones. */
    static final double MISSED = 0.01;

    @TempDir
    static Path dir;
    static JsonNode finalMetrics;
    static Path out;

    @BeforeAll
    static void runThePreset() throws Exception {
        out = dir.resolve("run");
        CommandLineTest.Result r = CommandLineTest.run("run", "--preset", "li-blob-small-net", "--steps", "2000",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        finalMetrics = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void theRegionCountsAreIntegersInTheFinalJson() {
        assertEquals(2000, finalMetrics.get("step").asLong());
        assertTrue(finalMetrics.get("linear_regions").isIntegralNumber(), finalMetrics.toString());
        assertTrue(finalMetrics.get("linear_regions_data").isIntegralNumber(), finalMetrics.toString());
        assertTrue(finalMetrics.get("linear_regions_data").asLong() <= finalMetrics.get("linear_regions").asLong());
    }

    @Test
    void aFineGridOverTheSameSquareFindsNearlyAllTheRegionsAndNeverMore() throws Exception {
        PlainNet net = PlainNet.read(out.resolve("weights.json"));
        double[][] points = readPoints(out.resolve("data.csv"), null);
        double[] sq = viewedSquare(points);
        Set<BitSet> seen = new HashSet<>();
        double w = sq[1] - sq[0], h = sq[3] - sq[2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                seen.add(net.pattern(sq[0] + (i + 0.5) * w / GRID, sq[2] + (j + 0.5) * h / GRID));
            }
        }
        long exact = finalMetrics.get("linear_regions").asLong();
        System.out.println("linear_regions " + exact + ", grid " + GRID + "^2 finds " + seen.size());
        assertTrue(seen.size() <= exact, seen.size() + " grid patterns, " + exact + " regions");
        assertTrue(seen.size() >= (1 - MISSED) * exact, seen.size() + " grid patterns, " + exact + " regions");
        assertTrue(exact > 20, "a trained net with more than a handful of regions: " + exact);
    }

    @Test
    void theRegionsHoldingDataAreTheDistinctPatternsOfTheTrainingPoints() throws Exception {
        PlainNet net = PlainNet.read(out.resolve("weights.json"));
        Set<BitSet> patterns = new HashSet<>();
        for (double[] p : readPoints(out.resolve("data.csv"), "train")) {
            patterns.add(net.pattern(p[0], p[1]));
        }
        assertEquals(patterns.size(), finalMetrics.get("linear_regions_data").asLong());
    }

    @Test
    void weightsJsonHasTheSpecsShapeInputsByOutputs() throws Exception {
        JsonNode w = new ObjectMapper().readTree(out.resolve("weights.json").toFile());
        assertEquals(2, w.get("input_dim").asInt());
        assertTrue(w.get("append_constant_input").isBoolean());
        JsonNode layers = w.get("layers");
        int[] widths = {32, 2, 1};
        String[] kinds = {"relu", "relu", "linear"};
        int in = 2;
        for (int k = 0; k < 3; k++) {
            JsonNode l = layers.get(k);
            assertEquals(kinds[k], l.get("activation").get("kind").asText());
            assertTrue(l.get("activation").get("param").isNull());
            assertEquals(in, l.get("weights").size(), "rows: inputs");
            for (JsonNode row : l.get("weights")) {
                assertEquals(widths[k], row.size(), "columns: units");
            }
            assertEquals(widths[k], l.get("biases").size());
            in = widths[k];
        }
        assertEquals(3, layers.size());
    }

    @Test
    void dataCsvReadsBackAsThePresetsData() throws Exception {
        Dataset written = CsvDatasetReader.read(out.resolve("data.csv"));
        Dataset preset = PresetLibrary.byName("li-blob-small-net").dataset().build();
        assertTrue(preset.testSize() > 0, "the preset has a test split, so the file must keep it");
        assertArrayEquals(preset.trainX(), written.trainX());
        assertArrayEquals(preset.trainY(), written.trainY());
        assertArrayEquals(preset.testX(), written.testX());
        assertArrayEquals(preset.testY(), written.testY());
        assertEquals(preset.classNames(), written.classNames());
    }

    /** Bounds of the points, each side widened by 6% of its length (the app's default view): xMin, xMax, yMin, yMax. */
    static double[] viewedSquare(double[][] points) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double mx = 0.06 * (x1 - x0), my = 0.06 * (y1 - y0);
        return new double[] {x0 - mx, x1 + mx, y0 - my, y1 + my};
    }

    /** The x,y of data.csv's rows (header x,y,label,split), all of them or those of one split. */
    static double[][] readPoints(Path csv, String split) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,y,label,split", lines.get(0));
        List<double[]> pts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (split == null || f[3].equals(split)) {
                pts.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return pts.toArray(new double[0][]);
    }

    /** The hidden layers of weights.json, evaluated with plain loops. */
    record PlainNet(double[][][] w, double[][] b, String[] kind, double[] param, boolean constant) {
        static PlainNet read(Path file) throws Exception {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode layers = root.get("layers");
            int hidden = layers.size() - 1;
            double[][][] w = new double[hidden][][];
            double[][] b = new double[hidden][];
            String[] kind = new String[hidden];
            double[] param = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                JsonNode l = layers.get(k);
                JsonNode rows = l.get("weights");
                w[k] = new double[rows.size()][];
                for (int i = 0; i < rows.size(); i++) {
                    w[k][i] = numbers(rows.get(i));
                }
                b[k] = numbers(l.get("biases"));
                kind[k] = l.get("activation").get("kind").asText();
                param[k] = l.get("activation").get("param").asDouble(0);
            }
            return new PlainNet(w, b, kind, param, root.get("append_constant_input").asBoolean());
        }

        /** Bit per hidden unit, layer after layer: on where its pre-activation is positive (always for linear). */
        BitSet pattern(double x, double y) {
            double[] h = constant ? new double[] {x, y, 1} : new double[] {x, y};
            BitSet bits = new BitSet();
            int o = 0;
            for (int k = 0; k < w.length; k++) {
                double[] z = b[k].clone();
                for (int i = 0; i < h.length; i++) {
                    for (int j = 0; j < z.length; j++) {
                        z[j] += h[i] * w[k][i][j];
                    }
                }
                for (int j = 0; j < z.length; j++, o++) {
                    boolean on = kind[k].equals("linear") || z[j] > 0;
                    bits.set(o, on);
                    z[j] = switch (kind[k]) {
                        case "relu" -> on ? z[j] : 0;
                        case "leaky_relu" -> on ? z[j] : param[k] * z[j];
                        case "linear" -> z[j];
                        default -> throw new IllegalArgumentException("not piecewise linear: " + kind[k]);
                    };
                }
                h = z;
            }
            return bits;
        }

        private static double[] numbers(JsonNode a) {
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).asDouble();
            }
            return v;
        }
    }
}
