package org.marginscope.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar, redrawn in place with a carriage return. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void update(long step, long total, double loss) {
        draw(step, total, String.format(Locale.ROOT, "step %d/%d loss %.4g", step, total, loss));
    }

    /** Progress of something other than training steps, e.g. "frame 3/48". */
    void update(long done, long total, String what) {
        draw(done, total, what + " " + done + "/" + total);
    }

    /** A share done (0..1) with a label of its own, e.g. "read 120,000 rows (4/21 MB)". */
    void update(double fraction, String label) {
        draw(Math.round(fraction * 1_000_000), 1_000_000, label);
    }

    /** Runs of a sweep: done/total, how many are running and the time left estimated from the finished ones. */
    void updateRuns(int done, int total, int running) {
        double secs = (System.nanoTime() - start) * 1e-9;
        String left = done == 0 ? "?" : duration(secs / done * (total - done));
        draw(done, total, String.format(Locale.ROOT, "runs %d/%d (%d running), ~%s left", done, total, running, left));
    }

    static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + " s";
    }

    private void draw(long done, long total, String label) {
        double frac = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int full = (int) Math.round(frac * WIDTH);
        double secs = (System.nanoTime() - start) * 1e-9;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%% %s  %.1f s",
                "#".repeat(full), ".".repeat(WIDTH - full), 100 * frac, label, secs));
        out.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            out.println();
        }
    }
}
