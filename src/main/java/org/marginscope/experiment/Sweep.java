package org.marginscope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.marginscope.data.AtomicFiles;
import org.marginscope.export.FigureWriter;
import org.marginscope.train.Snapshot;

/**
 * A preset over seeds in this process (issue 21): a pool of threads each training one seed at a time, with a
 * callback per finished run and a cancel flag checked every few hundred milliseconds; then the
 * {@link SweepSummary}. The command line's {@code sweep} runs its seeds in worker processes instead (one JVM
 * per run, so a crash or a native fault stays in its seed) and summarises their files with the same
 * {@link SweepSummary} and {@link #writeOutputs}; this class is the door for the app.
 */
public final class Sweep {
    /** Called from a worker thread after each run; {@code failure} is null for a run that finished. */
    public interface Listener {
        void runFinished(long seed, String failure, int done, int total);

        /** Called from a worker thread a few times a second while a seed trains (the app's progress bar). */
        default void stepped(long seed, long step, long steps) {
        }
    }

    public record Failure(long seed, String message) {
    }

    /**
     * @param summary     over the runs that finished; null when none did
     * @param runsSeconds the sum of the runs' own training time ({@code seconds})
     */
    public record Outcome(SweepSummary summary, List<SweepSummary.RunData> runs, List<Failure> failures,
                          double wallSeconds, double runsSeconds, boolean cancelled) {
        public Map<String, Object> timing(int jobs) {
            return Sweep.timing(wallSeconds, runsSeconds, jobs);
        }
    }

    private Sweep() {
    }

    /**
     * Runs the preset once per seed on {@code threads} threads. With {@code out} non-null each run writes
     * {@code out/<seed>/metrics.csv} and {@code final.json} as {@code run --out} does. A run that throws is
     * a {@link Failure}; the others go on. After {@code cancel} turns true no new run starts and the running
     * ones stop at their next step (and are counted as failures "cancelled").
     */
    public static Outcome run(Preset preset, List<Long> seeds, SeedVariation vary, Long steps, int threads, Path out,
                              Listener listener, BooleanSupplier cancel) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("a sweep needs at least one thread, got " + threads);
        }
        BooleanSupplier stop = cancel == null ? () -> false : cancel;
        long t0 = System.nanoTime();
        List<SweepSummary.RunData> runs = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, seeds.size())), r -> {
            Thread t = new Thread(r, "marginscope-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> {
                    String failure = null;
                    if (stop.getAsBoolean()) {
                        failure = "cancelled";
                    } else {
                        try {
                            runs.add(runOne(preset, seed, vary, steps, out, stop, listener));
                        } catch (Exception | Error e) {
                            failure = e.getMessage() == null ? e.toString() : e.getMessage().split("\n", 2)[0];
                        }
                    }
                    if (failure != null) {
                        failures.add(new Failure(seed, failure));
                    }
                    if (listener != null) {
                        listener.runFinished(seed, failure, done.incrementAndGet(), seeds.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause()); // the task catches everything it can
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        List<SweepSummary.RunData> finished = new ArrayList<>(runs);
        List<Failure> failed = new ArrayList<>(failures);
        failed.sort(java.util.Comparator.comparingLong(Failure::seed));
        double sum = finished.stream().mapToDouble(SweepSummary.RunData::seconds).filter(Double::isFinite).sum();
        SweepSummary summary = finished.isEmpty() ? null : SweepSummary.of(finished);
        return new Outcome(summary, List.copyOf(finished), List.copyOf(failed), wall, sum, stop.getAsBoolean());
    }

    private static SweepSummary.RunData runOne(Preset preset, long seed, SeedVariation vary, Long steps, Path out,
                                               BooleanSupplier stop, Listener listener) throws IOException {
        ExperimentRun run = new ExperimentRun(preset, steps, seed, vary);
        Snapshot last = run.run((step, total, loss) -> {
            if (stop.getAsBoolean()) {
                run.cancel();
            }
            if (listener != null) {
                listener.stepped(seed, step, total);
            }
        });
        if (stop.getAsBoolean()) {
            throw new IllegalStateException("cancelled");
        }
        if (run.engine().divergence() != null) {
            throw new IllegalStateException("training stopped: " + run.engine().divergence());
        }
        String json = MetricsJson.line(run.finalMetrics(last));
        if (out != null) {
            Path dir = out.resolve(Long.toString(seed));
            Files.createDirectories(dir);
            run.writeMetricsCsv(dir.resolve("metrics.csv"));
            writeText(dir.resolve("final.json"), json + "\n");
        }
        return new SweepSummary.RunData(seed, MetricsCsv.table(run.engine().timeline().snapshots()),
                SweepSummary.flatten(Json.MAPPER.readTree(json)));
    }

    /** A sweep's own timing: wall seconds, the sum of the runs' seconds and wall / sum (null if unknown). */
    public static Map<String, Object> timing(double wallSeconds, double runsSeconds, int jobs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_seconds", Double.isFinite(wallSeconds) ? wallSeconds : null);
        m.put("runs_seconds", runsSeconds);
        m.put("ratio", Double.isFinite(wallSeconds) && runsSeconds > 0 ? wallSeconds / runsSeconds : null);
        m.put("jobs", jobs);
        return m;
    }

    /**
     * The summary files of a sweep in {@code dir}: summary.csv, summary.json ({@code meta} first) and a PNG
     * and an SVG per headline metric. Returns the figure files.
     */
    public static List<Path> writeOutputs(Path dir, SweepSummary s, Map<String, ?> meta, String caption)
            throws IOException {
        Files.createDirectories(dir);
        s.writeCsv(dir.resolve("summary.csv"));
        s.writeJson(dir.resolve("summary.json"), meta);
        return SweepFigures.write(s, caption, dir, List.of(FigureWriter.Format.PNG, FigureWriter.Format.SVG));
    }

    /** The figures' caption: preset, number of seeds, what they vary (the legend says what is drawn). */
    public static String caption(String preset, int seeds, SeedVariation vary) {
        return preset + ", " + seeds + " seeds" + (vary == null ? "" : " (vary " + vary.id() + ")");
    }

    static void writeText(Path file, String text) throws IOException {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(b));
    }
}
