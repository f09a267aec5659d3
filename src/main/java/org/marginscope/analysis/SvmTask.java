package org.marginscope.analysis;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The progress and cancel callbacks of one SVM fit. Stages of the fit take windows of [0, 1]; what is
 * reported never goes down. A cancelled fit throws {@link CancellationException} at its next check.
 */
final class SvmTask {
    static final SvmTask NONE = new SvmTask(null, null);

    private final DoubleConsumer progress;
    private final BooleanSupplier cancelled;
    private double reported;
    private double from;
    private double to = 1;

    SvmTask(DoubleConsumer progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** The next stage covers [from, to] of the whole fit; {@link #report} then takes fractions of it. */
    void stage(double from, double to) {
        this.from = Math.max(from, reported);
        this.to = Math.max(this.from, to);
        report(0);
    }

    /** A fraction (0..1) of the current stage done; also checks for cancellation. */
    void report(double stageFraction) {
        check();
        double f = from + (to - from) * Math.min(1, Math.max(0, stageFraction));
        if (f > reported && progress != null) {
            reported = f;
            progress.accept(f);
        }
    }

    void check() {
        if (cancelled != null && (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted())) {
            throw new CancellationException("SVM fit cancelled");
        }
    }

    void done() {
        from = 1;
        to = 1;
        report(1);
    }
}
