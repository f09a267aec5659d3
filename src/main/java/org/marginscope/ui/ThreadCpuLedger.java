package org.marginscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marginscope.render.ProcStat;

/**
 * `bench --ui`'s account of where the process's CPU went over a stretch, by thread, from Linux's
 * {@code /proc/self/task} (the JIT compilers, the GC and JavaFX's renderer included, which the JVM's own
 * thread-CPU figures leave out). Threads are grouped by a short role so that one stretch's pool workers or a
 * window's trainer started after the first reading are counted whole. Empty where /proc is not there.
 */
final class ThreadCpuLedger {
    /** Clock ticks a second of /proc's utime and stime (USER_HZ: 100 on every Linux build that matters here). */
    private static final double TICKS = 100.0;
    private final Map<String, Long> start;

    private ThreadCpuLedger(Map<String, Long> start) {
        this.start = start;
    }

    /** Reads every thread's CPU time now. */
    static ThreadCpuLedger begin() {
        return new ThreadCpuLedger(read());
    }

    /** Seconds of CPU each role used since {@link #begin}, by role; empty off Linux. */
    Map<String, Double> secondsByRole() {
        Map<String, Double> by = new TreeMap<>();
        for (var e : read().entrySet()) {
            long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            if (used > 0) {
                by.merge(e.getKey().substring(e.getKey().indexOf(':') + 1), used / TICKS, Double::sum);
            }
        }
        by.replaceAll((k, v) -> Math.round(v * 100) / 100.0);
        return by;
    }

    /** Linux thread names (their first 15 characters) by prefix, and the kind of thread each is. */
    private static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry("ForkJoinPool", "pool"), Map.entry("marginscope-ren", "original view"),
            Map.entry("C1 ", "jit"), Map.entry("C2 ", "jit"), Map.entry("GC ", "gc"), Map.entry("G1 ", "gc"),
            Map.entry("QuantumRenderer", "fx renderer"), Map.entry("JavaFX Applicat", "fx thread"),
            Map.entry("GtkNativeMainLo", "fx thread"));

    /**
     * A thread's role from its Linux name, cut to 15 characters ("marginscope-trainer" and
     * "marginscope-transformed" both read "marginscope-tra"), and its nice value (the views draw at nice 10).
     */
    static String role(String comm, int nice) {
        if (comm.startsWith("marginscope-tra")) {
            return nice > 0 ? "transformed view" : "trainer";
        }
        if (comm.equals("java") || comm.equals("main")) {
            return "main"; // bench's own thread: a headless run trains on it
        }
        return ROLES.stream().filter(r -> comm.startsWith(r.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("other");
    }

    /** tid:role to utime + stime in ticks, for every thread of this process. */
    private static Map<String, Long> read() {
        Map<String, Long> m = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return m;
        }
        try (var list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(t.resolve("stat")));
                    m.put(t.getFileName() + ":" + role(stat.name(), stat.nice()), stat.cpuTicks());
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while listed
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }
}
