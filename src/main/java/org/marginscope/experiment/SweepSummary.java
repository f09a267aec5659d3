package org.marginscope.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marginscope.data.AtomicFiles;

/**
 * The spread of a preset's metrics over seeds (issue 21): for every numeric column of the runs'
 * metrics.csv except {@code step} and {@code seconds}, the median, quartiles, minimum and maximum over
 * the seeds at log-spaced steps, and the same for every numeric final metric (final.json) at the end.
 * Pure: runs in, numbers out; the files are read and written by the callers.
 *
 * <p>Quantiles: type 7 of Hyndman and Fan (R's and NumPy's default): for the n sorted finite values
 * x_0..x_{n-1} and probability p, h = (n - 1) p and Q(p) = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)).
 * NaN values (an empty cell, a null in final.json) are left out and {@code n} counts the rest; with n = 0 all
 * five statistics are NaN (empty in the CSV, null in the JSON).
 *
 * <p>Steps: the steps kept by every run (runs that stopped early keep fewer; only the common ones count).
 * For each of {@code points} targets log-spaced on t + 1 from step 0 to the last common step, the
 * largest common step at or before it; repeats are dropped, so short runs give fewer points. A metric
 * that a run did not measure at that step (an empty cell: the probes thin out their expensive measures)
 * takes the run's last value before it.
 */
public final class SweepSummary {
    public static final int DEFAULT_POINTS = 24;
    public static final String QUANTILE_DEFINITION =
            "R-7 (linear interpolation between order statistics: h = (n - 1) p)";
    /** The metrics that get a figure: the general ones, then each paper's own headline measure. */
    public static final List<String> HEADLINE_METRICS = List.of("loss", "train_accuracy", "svm_angle_deg",
            "ce_margin", "misclassified_area", "ensemble_spread_deg", "nonlinear_fraction_train", "mean_confidence");

    /** One finished run: its seed, its metrics.csv and its final metrics flattened by {@link #flatten}. */
    public record RunData(long seed, MetricsTable metrics, Map<String, Double> finals) {
        public RunData {
            finals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(finals));
        }

        /** The run's own training time (final {@code seconds}), NaN if it does not say. */
        public double seconds() {
            Double s = finals.get("seconds");
            return s == null ? Double.NaN : s;
        }
    }

    /** Five numbers over the seeds with a finite value, and how many seeds that was. */
    public record Stats(int n, double median, double q1, double q3, double min, double max) {
        public static Stats of(double[] values) {
            double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(v.length, quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1]);
        }
    }

    private final List<Long> seeds;
    private final long[] steps;
    private final Map<String, List<Stats>> atSteps;
    private final Map<String, Stats> atEnd;

    private SweepSummary(List<Long> seeds, long[] steps, Map<String, List<Stats>> atSteps, Map<String, Stats> atEnd) {
        this.seeds = seeds;
        this.steps = steps;
        this.atSteps = atSteps;
        this.atEnd = atEnd;
    }

    /** The seeds summarised, ascending. */
    public List<Long> seeds() {
        return seeds;
    }

    /** The summary's steps, ascending. */
    public long[] steps() {
        return steps.clone();
    }

    /** Per metric (metrics.csv column order), one {@link Stats} per step of {@link #steps()}. */
    public Map<String, List<Stats>> atSteps() {
        return atSteps;
    }

    /** Per final metric (final.json order, lists flattened to key_1..key_n), the stats at the end. */
    public Map<String, Stats> atEnd() {
        return atEnd;
    }

    /** Quantile of type R-7 of ascending, finite values (see the class comment). */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile of " + sorted.length + " values at p = " + p);
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * A final-metrics JSON object as numbers: a number as itself, true/false as 1/0, null as NaN, a list of
     * numbers (or nulls) as {@code key_1 .. key_n}; strings, objects and lists of lists are left out.
     */
    public static Map<String, Double> flatten(JsonNode finals) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = finals.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean() ? 1.0 : 0.0);
            } else if (v.isNull()) {
                out.put(e.getKey(), Double.NaN);
            } else if (v.isArray()) {
                boolean flat = true;
                for (JsonNode x : v) {
                    flat &= x.isNumber() || x.isNull();
                }
                if (flat) {
                    for (int i = 0; i < v.size(); i++) {
                        out.put(e.getKey() + "_" + (i + 1), v.get(i).isNull() ? Double.NaN : v.get(i).asDouble());
                    }
                }
            }
        }
        return out;
    }

    /** The summary's steps for these runs (see the class comment). */
    public static long[] logSpacedSteps(List<MetricsTable> runs, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a summary needs at least 2 log-spaced points, got " + points);
        }
        TreeSet<Long> common = null;
        for (MetricsTable t : runs) {
            TreeSet<Long> s = new TreeSet<>();
            for (int i = 0; i < t.rows().length; i++) {
                s.add(t.step(i));
            }
            if (common == null) {
                common = s;
            } else {
                common.retainAll(s);
            }
        }
        if (common == null || common.isEmpty()) {
            return new long[0];
        }
        long last = common.last();
        TreeSet<Long> picked = new TreeSet<>();
        for (int i = 0; i < points; i++) {
            double target = i == points - 1 ? last : Math.pow(last + 1.0, (double) i / (points - 1)) - 1;
            Long at = common.floor((long) Math.floor(target + 1e-9));
            if (at != null) {
                picked.add(at);
            }
        }
        return picked.stream().mapToLong(Long::longValue).toArray();
    }

    public static SweepSummary of(List<RunData> runs) {
        return of(runs, DEFAULT_POINTS);
    }

    public static SweepSummary of(List<RunData> runs, int points) {
        List<RunData> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(RunData::seed));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).seed() == sorted.get(i - 1).seed()) {
                throw new IllegalArgumentException("seed " + sorted.get(i).seed() + " appears twice");
            }
        }
        long[] steps = logSpacedSteps(sorted.stream().map(RunData::metrics).toList(), points);
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        for (RunData r : sorted) {
            columns.addAll(r.metrics().columns());
        }
        columns.remove("step");
        columns.remove("seconds");
        Map<String, List<Stats>> atSteps = new LinkedHashMap<>();
        for (String c : columns) {
            List<Stats> stats = new ArrayList<>();
            for (long step : steps) {
                double[] v = new double[sorted.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = value(sorted.get(k).metrics(), c, step);
                }
                stats.add(Stats.of(v));
            }
            atSteps.put(c, List.copyOf(stats));
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (RunData r : sorted) {
            keys.addAll(r.finals().keySet());
        }
        keys.remove("seconds");
        Map<String, Stats> atEnd = new LinkedHashMap<>();
        for (String key : keys) {
            double[] v = new double[sorted.size()];
            for (int k = 0; k < v.length; k++) {
                Double d = sorted.get(k).finals().get(key);
                v[k] = d == null ? Double.NaN : d;
            }
            atEnd.put(key, Stats.of(v));
        }
        return new SweepSummary(sorted.stream().map(RunData::seed).toList(), steps,
                java.util.Collections.unmodifiableMap(atSteps), java.util.Collections.unmodifiableMap(atEnd));
    }

    /**
     * The column's value at the step: the last non-empty cell at or before it (the probes measure expensive
     * metrics at fewer snapshots than they keep, leaving the other cells empty), NaN if there is none.
     */
    private static double value(MetricsTable t, String column, long step) {
        int c = t.index(column);
        if (c < 0) {
            return Double.NaN;
        }
        for (int i = t.rows().length - 1; i >= 0; i--) {
            if (t.step(i) <= step && !Double.isNaN(t.rows()[i][c])) {
                return t.rows()[i][c];
            }
        }
        return Double.NaN;
    }

    /**
     * summary.csv: {@code metric,step,n,median,q1,q3,min,max}, one row per metric and step, then one row per
     * final metric with step {@code end}; NaN as an empty cell. Written atomically.
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("metric,step,n,median,q1,q3,min,max\n");
        atSteps.forEach((metric, stats) -> {
            for (int i = 0; i < steps.length; i++) {
                row(sb, metric, Long.toString(steps[i]), stats.get(i));
            }
        });
        atEnd.forEach((metric, s) -> row(sb, metric, "end", s));
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(sb.toString());
            w.flush();
        });
    }

    private static void row(StringBuilder sb, String metric, String step, Stats s) {
        sb.append(metric).append(',').append(step).append(',').append(s.n());
        for (double d : new double[] {s.median(), s.q1(), s.q3(), s.min(), s.max()}) {
            sb.append(',').append(Double.isNaN(d) ? "" : Double.toString(d));
        }
        sb.append('\n');
    }

    /**
     * summary.json's content: {@code meta}'s entries first (preset, vary, timing, ...), then
     * {@code quantiles} (the definition), {@code seeds}, {@code steps}, {@code metrics} (per metric: arrays
     * {@code n}, {@code median}, {@code q1}, {@code q3}, {@code min}, {@code max} along {@code steps}) and
     * {@code end} (per final metric: the same six as numbers). NaN is null.
     */
    public Map<String, Object> toJson(Map<String, ?> meta) {
        Map<String, Object> m = new LinkedHashMap<>(meta);
        m.put("quantiles", QUANTILE_DEFINITION);
        m.put("seeds", seeds);
        m.put("steps", steps);
        Map<String, Object> metrics = new LinkedHashMap<>();
        atSteps.forEach((metric, stats) -> {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("n", stats.stream().mapToInt(Stats::n).toArray());
            col.put("median", stats.stream().mapToDouble(Stats::median).toArray());
            col.put("q1", stats.stream().mapToDouble(Stats::q1).toArray());
            col.put("q3", stats.stream().mapToDouble(Stats::q3).toArray());
            col.put("min", stats.stream().mapToDouble(Stats::min).toArray());
            col.put("max", stats.stream().mapToDouble(Stats::max).toArray());
            metrics.put(metric, col);
        });
        m.put("metrics", metrics);
        Map<String, Object> end = new LinkedHashMap<>();
        atEnd.forEach((metric, s) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("n", s.n());
            e.put("median", s.median());
            e.put("q1", s.q1());
            e.put("q3", s.q3());
            e.put("min", s.min());
            e.put("max", s.max());
            end.put(metric, e);
        });
        m.put("end", end);
        return m;
    }

    /** Writes {@link #toJson} as indented JSON, atomically. */
    public void writeJson(Path file, Map<String, ?> meta) throws IOException {
        byte[] text = (Json.MAPPER.writeValueAsString(MetricsJson.clean(toJson(meta))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(text));
    }

    /** Reads a finished run's directory: {@code metrics.csv} and {@code final.json}. */
    public static RunData readRun(long seed, Path dir) throws IOException {
        MetricsTable t = MetricsCsv.read(dir.resolve("metrics.csv"));
        Path fin = dir.resolve("final.json");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(Files.readString(fin, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(fin + Json.describe(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(fin + ": not a JSON object");
        }
        return new RunData(seed, t, flatten(node));
    }
}
