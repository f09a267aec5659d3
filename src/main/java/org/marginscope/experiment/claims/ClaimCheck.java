package org.marginscope.experiment.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.MetricsTable;
import org.marginscope.experiment.SweepSummary;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.probes.SvmAlignmentProbe;
import org.marginscope.train.Snapshot;

/**
 * Measures claims over seeds and gives each a verdict. Claims of one preset and horizon share their runs; the runs
 * go on as many threads as there are cores.
 */
public final class ClaimCheck {
    /** A measure counts as moving towards the threshold when it closed at least this share of its gap in the last decade. */
    static final double TREND_SHARE = 0.05;

    /**
     * One seed's numbers: the measure at the horizon, at a tenth of it (for the trend), the limit, and whether the
     * measure means anything on this seed.
     */
    public record SeedMeasure(long seed, double measure, double early, double limit, boolean meaningful) {
    }

    /** A claim's measurements and verdict. */
    public record Result(Claim claim, List<SeedMeasure> seeds, double median, double q1, double q3, double limit,
                         Verdict verdict) {
        /** Meaningful seeds that satisfy the claim, of the meaningful ones. */
        public String passCount() {
            long m = seeds.stream().filter(SeedMeasure::meaningful).count();
            long p = seeds.stream().filter(s -> s.meaningful() && claim.satisfiedBy(s.measure())).count();
            return p + " of " + m;
        }
    }

    public interface Progress {
        void runDone(int done, int total);
    }

    private ClaimCheck() {
    }

    /** Runs and judges the claims with {@code seeds} seeds each (or each claim's own count when seeds <= 0). */
    public static List<Result> check(List<Claim> claims, int seeds, Progress progress) throws InterruptedException {
        Map<String, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim c : claims) {
            groups.computeIfAbsent(c.preset() + "@" + c.horizon(), k -> new ArrayList<>()).add(c);
        }
        record Task(String group, long seed) {
        }
        List<Task> tasks = new ArrayList<>();
        for (var g : groups.entrySet()) {
            int k = seeds > 0 ? seeds : g.getValue().stream().mapToInt(Claim::seeds).max().orElse(1);
            for (long s = 1; s <= k; s++) {
                tasks.add(new Task(g.getKey(), s));
            }
        }
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "marginscope-claims-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Measured>> futures = new ArrayList<>();
            for (Task t : tasks) {
                Claim first = groups.get(t.group()).get(0);
                futures.add(pool.submit(() -> {
                    Measured m = measure(first.preset(), first.horizon(), t.seed());
                    if (progress != null) {
                        progress.runDone(done.incrementAndGet(), tasks.size());
                    }
                    return m;
                }));
            }
            Map<String, List<Measured>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    byGroup.computeIfAbsent(tasks.get(i).group(), k -> new ArrayList<>()).add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new IllegalStateException("a run for " + tasks.get(i).group() + " with seed "
                            + tasks.get(i).seed() + " failed: " + cause.getMessage(), cause);
                }
            }
            List<Result> results = new ArrayList<>();
            for (Claim c : claims) {
                results.add(judge(c, byGroup.get(c.preset() + "@" + c.horizon())));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The claims judged on runs that were made elsewhere (the app's Model > Run over seeds) for {@code steps} steps:
     * each run's final metrics stand for the horizon, and its metrics.csv rows up to a tenth of {@code steps} give the
     * trend's early value, as {@link #measure} takes them. A per-class list ({@code key_1..key_n}) counts by its mean.
     */
    public static List<Result> judgeRuns(List<Claim> claims, List<SweepSummary.RunData> runs, long steps) {
        List<Measured> measured = runs.stream().sorted(java.util.Comparator.comparingLong(SweepSummary.RunData::seed))
                .map(r -> measured(r, steps)).toList();
        return claims.stream().map(c -> judge(c, measured)).toList();
    }

    static Measured measured(SweepSummary.RunData run, long steps) {
        Map<String, Double> end = new LinkedHashMap<>();
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        for (var e : run.finals().entrySet()) {
            java.util.regex.Matcher m = LIST_ITEM.matcher(e.getKey());
            if (m.matches() && !run.finals().containsKey(m.group(1))) {
                lists.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(e.getValue());
            }
            end.put(e.getKey(), e.getValue());
        }
        // a list whose items are all numbers counts by its mean (numbers()); one with a null is absent there
        lists.forEach((k, v) -> {
            if (v.stream().noneMatch(d -> Double.isNaN(d))) {
                end.putIfAbsent(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            }
        });
        MetricsTable t = run.metrics();
        Map<String, Double> early = new LinkedHashMap<>();
        for (int i = 0; i < t.rows().length && t.step(i) <= steps / 10; i++) {
            for (int c = 0; c < t.columns().size(); c++) {
                String col = t.columns().get(c);
                double v = t.rows()[i][c];
                if (!Double.isNaN(v) && !col.equals("step") && !col.equals("seconds")) {
                    early.put(col, v);
                }
            }
        }
        if (!early.containsKey(SvmAlignmentProbe.ANGLE)) {
            early.put(SvmAlignmentProbe.ANGLE, SvmAlignmentProbe.meanAngle(early));
        }
        return new Measured(run.seed(), end, early);
    }

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("(.+)_([0-9]+)");

    /** A run's numbers by key: its final metrics, and the snapshot metrics at a tenth of the horizon. */
    record Measured(long seed, Map<String, Double> end, Map<String, Double> early) {
    }

    static Measured measure(String preset, long horizon, long seed) {
        ExperimentRun run = new ExperimentRun(PresetLibrary.byName(preset), horizon, seed);
        Snapshot last = run.run(null);
        Map<String, Double> end = numbers(run.finalMetrics(last));
        // each key's latest value at or before a tenth of the horizon (costly probes skip some snapshots)
        Map<String, Double> early = new LinkedHashMap<>();
        for (Snapshot s : run.engine().timeline().snapshots()) {
            if (s.step() <= horizon / 10) {
                early.putAll(s.metrics());
                early.put("loss", s.loss());
                early.put("train_accuracy", s.trainAccuracy());
            }
        }
        if (!early.containsKey(SvmAlignmentProbe.ANGLE)) {
            early.put(SvmAlignmentProbe.ANGLE, SvmAlignmentProbe.meanAngle(early));
        }
        return new Measured(seed, end, early);
    }

    /** The final metrics as numbers: booleans as 1/0, a per-class list by its mean, anything else absent. */
    static Map<String, Double> numbers(Map<String, Object> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : metrics.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number n) {
                out.put(e.getKey(), n.doubleValue());
            } else if (v instanceof Boolean b) {
                out.put(e.getKey(), b ? 1.0 : 0.0);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Number)) {
                out.put(e.getKey(), list.stream().mapToDouble(x -> ((Number) x).doubleValue()).average().orElse(Double.NaN));
            }
        }
        return out;
    }

    static Result judge(Claim c, List<Measured> runs) {
        List<SeedMeasure> seeds = new ArrayList<>();
        for (Measured m : runs) {
            double measure = scaled(c, m.end());
            double early = scaled(c, m.early());
            double limit = c.limit() == null ? Double.NaN : m.end().getOrDefault(c.limit(), Double.NaN);
            if (c.limit() != null && c.relativeTo() != null) {
                limit /= m.end().getOrDefault(c.relativeTo(), Double.NaN);
            }
            boolean degenerate = c.meaningfulUnless() != null && m.end().getOrDefault(c.meaningfulUnless(), 0.0) > 0.5;
            seeds.add(new SeedMeasure(m.seed(), measure, early, limit, !degenerate && Double.isFinite(measure)));
        }
        return summarise(c, seeds);
    }

    private static double scaled(Claim c, Map<String, Double> values) {
        double v = values.getOrDefault(c.metric(), Double.NaN);
        return c.relativeTo() == null ? v : v / values.getOrDefault(c.relativeTo(), Double.NaN);
    }

    /** The verdict from per-seed measures (pure: the rules of docs/claims.md). */
    static Result summarise(Claim c, List<SeedMeasure> seeds) {
        double[] meaningful = seeds.stream().filter(SeedMeasure::meaningful).mapToDouble(SeedMeasure::measure).toArray();
        double[] shown = meaningful.length > 0 ? meaningful
                : seeds.stream().mapToDouble(SeedMeasure::measure).filter(Double::isFinite).toArray();
        double[] limits = seeds.stream().mapToDouble(SeedMeasure::limit).filter(Double::isFinite).toArray();
        Verdict v;
        if (meaningful.length * 2 < seeds.size()) {
            v = Verdict.NOT_MEANINGFUL;
        } else {
            long pass = Arrays.stream(meaningful).filter(c::satisfiedBy).count();
            if (pass == meaningful.length) {
                v = Verdict.HOLDS;
            } else if (pass > 0) {
                v = Verdict.HOLDS_FOR_SOME_SEEDS;
            } else {
                double[] early = seeds.stream().filter(SeedMeasure::meaningful).mapToDouble(SeedMeasure::early)
                        .filter(Double::isFinite).toArray();
                double gapBefore = early.length == 0 ? Double.NaN : Math.abs(quantile(early, 0.5) - c.value());
                double gapNow = Math.abs(quantile(meaningful, 0.5) - c.value());
                v = gapBefore - gapNow > TREND_SHARE * gapBefore ? Verdict.TRENDING : Verdict.DOES_NOT_HOLD;
            }
        }
        return new Result(c, List.copyOf(seeds), quantile(shown, 0.5), quantile(shown, 0.25), quantile(shown, 0.75),
                limits.length == 0 ? Double.NaN : quantile(limits, 0.5), v);
    }

    /** The q-quantile by linear interpolation between order statistics (Hyndman and Fan's type 7, R's default). */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
