package org.marginscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.marginscope.analysis.LinearSvm;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "svm", description = "Fit the project's linear SVM on a CSV (2 classes: hard margin with an "
        + "unregularised bias; K classes: Crammer-Singer without bias); prints the solution as JSON.")
final class SvmCommand implements Callable<Integer> {
    @Option(names = "--csv", required = true, description = "The data (features then a label per row).")
    Path csv;

    @Option(names = "--c", description = "Soft-margin C (default: hard margin, C = 1e6).")
    Double c;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SvmProgress progress = new SvmProgress(quiet ? null : System.err);
        // Ctrl-C (or a kill) ends the JVM through its shutdown hooks: stop the work and say where it was
        Thread hook = new Thread(() -> progress.interrupted(System.err), "svm-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Dataset d = CsvDatasetReader.read(csv, progress::read, progress::cancelled);
            progress.fitting(d.size(), d.dim());
            SvmSolution s = LinearSvm.fit(d.trainX(), d.size(), d.dim(), d.trainY(),
                    c == null ? LinearSvm.HARD_C : c, progress::fit, progress::cancelled);
            progress.finish();
            System.out.println(JsonLine.of(json(s, d)));
            return 0;
        } catch (CancellationException e) {
            progress.stopped();
            return 130; // the shutdown hook says why; the JVM exits with the signal's code
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    private static Map<String, Object> json(SvmSolution s, Dataset d) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.binary()) {
            out.put("w", s.w());
            out.put("b", s.bias());
        } else {
            List<double[]> rows = Arrays.asList(s.weights());
            out.put("w", rows);
            out.put("b", 0.0);
        }
        out.put("margin", s.margin());
        out.put("support_vectors", s.supportVectors());
        out.put("separable", s.separable());
        out.put("classes", d.classNames());
        return out;
    }

    /**
     * The progress bar of reading (rows, bytes) and fitting, drawn from the first half second on (a quick job
     * prints nothing), and what an interrupted job says.
     */
    static final class SvmProgress {
        private static final long SHOW_AFTER_NS = 500_000_000L, REDRAW_NS = 100_000_000L;
        private final PrintStream err;
        private final long start = System.nanoTime();
        private ProgressBar bar;
        private long lastDraw;
        private volatile boolean cancelled;
        private volatile boolean done;
        private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        private volatile String doing = "reading the CSV";
        private volatile double fraction;
        private volatile String fitLabel = "SVM";

        SvmProgress(PrintStream err) {
            this.err = err;
        }

        boolean cancelled() {
            return cancelled;
        }

        void read(long bytes, long total, int rows) {
            String size = total > 0 ? String.format(Locale.ROOT, " (%.1f of %.1f MB)", bytes / 1e6, total / 1e6)
                    : String.format(Locale.ROOT, " (%.1f MB)", bytes / 1e6);
            doing = String.format(Locale.ROOT, "reading the CSV, %,d rows so far", rows);
            draw(total > 0 ? 0.3 * bytes / total : 0, String.format(Locale.ROOT, "read %,d rows%s", rows, size));
        }

        void fitting(int n, int d) {
            doing = String.format(Locale.ROOT, "fitting the SVM on %,d points in %d dimensions", n, d);
            fitLabel = String.format(Locale.ROOT, "SVM on %,d points", n);
            draw(0.3, fitLabel);
        }

        void fit(double f) {
            draw(0.3 + 0.7 * f, fitLabel);
        }

        private synchronized void draw(double f, String label) {
            fraction = f;
            long now = System.nanoTime();
            if (err == null || done || now - start < SHOW_AFTER_NS || (now - lastDraw < REDRAW_NS && f < 1)) {
                return;
            }
            lastDraw = now;
            if (bar == null) {
                bar = new ProgressBar(err);
            }
            bar.update(f, label);
        }

        synchronized void finish() {
            done = true;
            if (bar != null) {
                bar.finish();
                bar = null;
            }
        }

        void stopped() {
            stopped.countDown();
        }

        /** From the shutdown hook: cancel, wait (briefly) for the work to stop, and say so in one line. */
        void interrupted(PrintStream out) {
            if (done) {
                return;
            }
            cancelled = true;
            try {
                stopped.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finish();
            out.println(String.format(Locale.ROOT, "marginscope: svm interrupted after %.1f s while %s (%.0f%% done); "
                    + "no result", (System.nanoTime() - start) * 1e-9, doing, 100 * fraction));
            out.flush();
        }
    }
}
