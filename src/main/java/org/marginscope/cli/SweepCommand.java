package org.marginscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.SeedVariation;
import org.marginscope.experiment.Sweep;
import org.marginscope.experiment.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: a preset once per seed, each run a worker process ({@code java} with this JVM's class path
 * running {@code run --preset P --seed S --vary V --out DIR/S}), J at a time; then {@link SweepSummary}
 * over their files. {@code --plan} prints those {@code run} commands instead, {@code --merge} summarises
 * finished runs from several directories.
 */
@Command(name = "sweep", description = "Run a preset once per seed in parallel worker processes and summarise the"
        + " spread of its metrics (median, quartiles, min, max) over the seeds.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--preset", description = "A built-in preset (see `presets`).")
    String preset;

    @Option(names = "--config", description = "A preset JSON file instead of --preset.")
    Path config;

    @Option(names = "--seeds", paramLabel = "A..B", description = "The seeds: A..B (inclusive) or a list 1,5,9.")
    String seeds;

    @Option(names = "--vary", paramLabel = "train|data|both", description = "What the seed varies: the training"
            + " (initial weights, batch order; default), the data, or both.")
    String vary = "train";

    @Option(names = "--steps", description = "Steps per run (default: the preset's).")
    Long steps;

    @Option(names = "--jobs", description = "Worker processes at a time (default: the number of cores).")
    Integer jobs;

    @Option(names = "--threads-per-job", description = "Cores each worker may use (default: cores / jobs, at least 1;"
            + " 0 leaves each worker the whole machine).")
    Integer threadsPerJob;

    @Option(names = "--out", description = "Directory for DIR/<seed>/ and the summary (with --merge: default the"
            + " first DIR).")
    Path out;

    @Option(names = "--plan", description = "Print the per-seed `run` commands, one per line, and run nothing.")
    boolean plan;

    @Option(names = "--launcher", paramLabel = "CMD", description = "With --plan: what starts MarginScope in the"
            + " printed lines (default: this Java and class path, e.g. give 'java -jar marginscope.jar').")
    String launcher;

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR", description = "Summarise the finished runs"
            + " (DIR/<seed>/metrics.csv and final.json) of these directories into --out; runs nothing.")
    List<Path> merge;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    static final String MAIN = "org.marginscope.Main";

    @Override
    public Integer call() throws Exception {
        if (merge != null) {
            if (preset != null || config != null || seeds != null || plan) {
                throw new IllegalArgumentException("--merge takes only directories and --out");
            }
            if (out == null) {
                out = merge.get(0);
            }
            return merge();
        }
        if (out == null) {
            throw new IllegalArgumentException("sweep needs --out DIR");
        }
        if ((preset == null) == (config == null)) {
            throw new IllegalArgumentException("sweep needs --preset NAME or --config FILE (or --merge DIR...)");
        }
        if (seeds == null) {
            throw new IllegalArgumentException("sweep needs --seeds A..B");
        }
        Preset p = preset != null ? PresetLibrary.byName(preset) : PresetLibrary.read(config);
        List<Long> seedList = parseSeeds(seeds);
        SeedVariation v = SeedVariation.parse(vary);
        if (steps != null && steps < 0) {
            throw new IllegalArgumentException("--steps must be >= 0");
        }
        if (plan) {
            String start = launcher != null ? launcher : javaLauncher();
            for (long s : seedList) {
                System.out.println(start + " " + shellJoin(runArgs(s, v)));
            }
            return 0;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int j = Math.max(1, Math.min(jobs != null ? jobs : cores, seedList.size()));
        if (jobs != null && jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1");
        }
        int threads = threadsPerJob != null ? threadsPerJob : Math.max(1, cores / j);
        if (threads < 0) {
            throw new IllegalArgumentException("--threads-per-job must be >= 0");
        }
        Files.createDirectories(out);
        return runWorkers(p.name(), seedList, v, j, threads);
    }

    /** A..B inclusive, or a comma-separated list; duplicates refused. */
    static List<Long> parseSeeds(String s) {
        List<Long> list = new ArrayList<>();
        try {
            int dots = s.indexOf("..");
            if (dots >= 0) {
                long a = Long.parseLong(s.substring(0, dots).trim()), b = Long.parseLong(s.substring(dots + 2).trim());
                if (b < a || b - a >= 100_000) {
                    throw new IllegalArgumentException("--seeds " + s + ": need A <= B and at most 100000 seeds");
                }
                for (long x = a; x <= b; x++) {
                    list.add(x);
                }
            } else {
                for (String part : s.split(",")) {
                    long x = Long.parseLong(part.trim());
                    if (list.contains(x)) {
                        throw new IllegalArgumentException("--seeds " + s + ": seed " + x + " twice");
                    }
                    list.add(x);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds must be A..B or a list like 1,5,9, got '" + s + "'");
        }
        return list;
    }

    /** The `run` arguments of one seed (after the launcher). */
    List<String> runArgs(long seed, SeedVariation v) {
        List<String> a = new ArrayList<>(List.of("run"));
        if (preset != null) {
            a.addAll(List.of("--preset", preset));
        } else {
            a.addAll(List.of("--config", config.toAbsolutePath().toString()));
        }
        a.addAll(List.of("--seed", Long.toString(seed), "--vary", v.id()));
        if (steps != null) {
            a.addAll(List.of("--steps", Long.toString(steps)));
        }
        a.addAll(List.of("--quiet", "--out", out.resolve(Long.toString(seed)).toString()));
        return a;
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's java and class path, quoted for a POSIX shell. */
    static String javaLauncher() {
        return shellJoin(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"), MAIN));
    }

    static String shellJoin(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private record Done(long seed, int exit, double seconds) {
    }

    private int runWorkers(String presetName, List<Long> seedList, SeedVariation v, int j, int threads)
            throws IOException, InterruptedException {
        PrintStream err = System.err;
        Deque<Long> queue = new ArrayDeque<>(seedList);
        BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
        Map<Long, Process> running = new TreeMap<>();
        Map<Long, String> failures = new TreeMap<>();
        List<SweepSummary.RunData> runs = new ArrayList<>();
        ProgressBar bar = quiet ? null : new ProgressBar(err);
        long t0 = System.nanoTime();
        int done = 0;
        double workerSum = 0;
        Thread hook = new Thread(() -> running.values().forEach(Process::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (done < seedList.size()) {
                while (running.size() < j && !queue.isEmpty()) {
                    long s = queue.poll();
                    running.put(s, start(s, v, threads, finished));
                }
                if (bar != null) {
                    bar.updateRuns(done, seedList.size(), running.size());
                }
                Done d = finished.poll(1, TimeUnit.SECONDS);
                if (d == null) {
                    continue;
                }
                running.remove(d.seed());
                done++;
                workerSum += d.seconds();
                Path dir = out.resolve(Long.toString(d.seed()));
                if (d.exit() != 0) {
                    failures.put(d.seed(), "exit " + d.exit() + ": " + lastLine(dir.resolve("stderr.txt")));
                    continue;
                }
                try {
                    runs.add(SweepSummary.readRun(d.seed(), dir));
                } catch (IOException | RuntimeException e) {
                    failures.put(d.seed(), "unreadable output: " + e.getMessage());
                }
            }
        } finally {
            running.values().forEach(Process::destroyForcibly);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        if (bar != null) {
            bar.updateRuns(done, seedList.size(), 0);
            bar.finish();
        }
        failures.forEach((s, why) -> err.println("marginscope: seed " + s + " failed: " + why));
        double sum = runs.stream().mapToDouble(SweepSummary.RunData::seconds).filter(Double::isFinite).sum();
        Map<String, Object> timing = Sweep.timing(wall, sum, j);
        timing.put("threads_per_job", threads);
        timing.put("workers_seconds", workerSum);
        timing.put("workers_ratio", workerSum > 0 ? wall / workerSum : null);
        if (!runs.isEmpty()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("preset", presetName);
            meta.put("vary", v.id());
            meta.put("steps_requested", steps);
            meta.put("failed", failureList(failures));
            meta.put("timing", timing);
            SweepSummary s = SweepSummary.of(runs);
            Sweep.writeOutputs(out, s, meta, Sweep.caption(presetName, runs.size(), v));
            err.println("marginscope: wrote " + out.resolve("summary.csv") + ", summary.json and figures for "
                    + runs.size() + " runs");
        }
        err.println(String.format(Locale.ROOT, "marginscope: sweep of %d runs (%d jobs x %s threads): wall %.1f s;"
                + " runs' own training time (seconds) %.1f s in all, ratio %.2f; worker processes' own wall time"
                + " %.1f s in all, ratio %.2f%s", seedList.size(), j, threads == 0 ? "all" : Integer.toString(threads),
                wall, sum, sum > 0 ? wall / sum : Double.NaN, workerSum, workerSum > 0 ? wall / workerSum : Double.NaN,
                failures.isEmpty() ? "" : "; " + failures.size() + " failed"));
        return failures.isEmpty() ? 0 : 1;
    }

    private static List<Map<String, Object>> failureList(Map<Long, String> failures) {
        List<Map<String, Object>> l = new ArrayList<>();
        failures.forEach((s, why) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", s);
            m.put("error", why);
            l.add(m);
        });
        return l;
    }

    private Process start(long seed, SeedVariation v, int threads, BlockingQueue<Done> finished) throws IOException {
        Path dir = out.resolve(Long.toString(seed));
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("final.json")); // a stale result must not pass for this run's
        Files.deleteIfExists(dir.resolve("metrics.csv"));
        List<String> cmd = new ArrayList<>(List.of(javaExecutable()));
        if (threads > 0) {
            cmd.add("-XX:ActiveProcessorCount=" + threads);
        }
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(runArgs(seed, v));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        if (threads > 0) {
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        }
        long t0 = System.nanoTime();
        Process proc = pb.start();
        proc.onExit().thenAccept(ph -> finished.add(new Done(seed, ph.exitValue(), (System.nanoTime() - t0) * 1e-9)));
        return proc;
    }

    static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).strip();
                int cr = l.lastIndexOf('\r');
                l = cr >= 0 ? l.substring(cr + 1).strip() : l;
                if (!l.isEmpty()) {
                    return l;
                }
            }
            return "(nothing on stderr)";
        } catch (IOException | RuntimeException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    private int merge() throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        String presetName = null;
        List<SweepSummary.RunData> runs = new ArrayList<>();
        for (Path d : merge) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("--merge: " + d + " is not a directory");
            }
            List<Path> subs;
            try (var list = Files.list(d)) {
                subs = list.filter(Files::isDirectory).sorted().toList();
            }
            for (Path sub : subs) {
                String name = sub.getFileName().toString();
                if (!name.matches("-?\\d{1,18}")) {
                    continue;
                }
                long seed = Long.parseLong(name);
                if (!Files.isRegularFile(sub.resolve("final.json")) || !Files.isRegularFile(sub.resolve("metrics.csv"))) {
                    System.err.println("marginscope: " + sub + ": no final.json and metrics.csv (unfinished?), left out");
                    continue;
                }
                if (found.containsKey(seed)) {
                    throw new IllegalArgumentException("--merge: seed " + seed + " is in both " + found.get(seed)
                            + " and " + sub);
                }
                found.put(seed, sub);
                runs.add(SweepSummary.readRun(seed, sub));
                var node = org.marginscope.experiment.Json.MAPPER.readTree(sub.resolve("final.json").toFile());
                String ps = node.path("preset").asText(null);
                if (presetName == null) {
                    presetName = ps;
                } else if (ps != null && !ps.equals(presetName)) {
                    throw new IllegalArgumentException("--merge: " + sub + " is a run of " + ps + ", the others of "
                            + presetName);
                }
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("--merge: no finished runs (DIR/<seed>/final.json) in " + merge);
        }
        double sum = runs.stream().mapToDouble(SweepSummary.RunData::seconds).filter(Double::isFinite).sum();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("preset", presetName);
        meta.put("merged_from", merge.stream().map(Path::toString).toList());
        meta.put("failed", List.of());
        meta.put("timing", Sweep.timing(Double.NaN, sum, 0));
        SweepSummary s = SweepSummary.of(runs);
        Sweep.writeOutputs(out, s, meta, Sweep.caption(presetName == null ? "runs" : presetName, runs.size(), null));
        System.err.println("marginscope: merged " + runs.size() + " runs into " + out.resolve("summary.csv")
                + " and summary.json");
        return 0;
    }
}
