package org.marginscope.ui.views;

import org.marginscope.data.Dataset;
import org.marginscope.render.TransformedFrame;
import org.marginscope.render.TransformedPainter;
import org.marginscope.render.TransformedRenderer;
import org.marginscope.train.Snapshot;

/**
 * The transformed view's frame builder (its worker's thread only): the frame of a snapshot over its data - forward
 * pass and SVM fit, or the cached frame when the snapshot was shown before - painted into the plot areas the view
 * asked for. A request that only changes the look repaints the frame it has; only a new snapshot counts as
 * computing work for the view's pacing.
 */
final class TransformedFrameBuilder {
    /** What the FX side wants painted: plot size in device pixels, layers, panels, marker size in device pixels. */
    record Look(int w, int h, TransformedPainter.Layers layers, boolean svmPanel, double marker) {
    }

    /** A snapshot over its data, the look to paint it in; {@code scrubbing}: the user asked for this moment. */
    record Request(Snapshot snapshot, Dataset data, Look look, boolean scrubbing, int epoch) {
    }

    /** A frame with its painted plot areas (the second only with the SVM panel). */
    record Painted(TransformedFrame frame, Look look, int[] main, int[] svmPanel, int epoch) {
    }

    /** The worker's share of one core at most, and the fastest and slowest frame rates. */
    static final double BUSY_SHARE = 0.04;
    static final long MIN_FRAME_NANOS = 250_000_000L, MAX_FRAME_NANOS = 2_000_000_000L;

    private final TransformedRenderer renderer = new TransformedRenderer();
    private final FrameCache cache = new FrameCache();
    private volatile Snapshot built;
    private volatile Request lastBuilt;
    private volatile long nextFrameAt, lastFrameNanos, lastRenderNanos;

    /**
     * When the request's build may start: at once for a scrub (the user asking for one moment skips the pacing that
     * protects training) and for a new look of the snapshot built last; else paced by the last frame's cost.
     */
    long earliestStart(Request r, long previousStart) {
        return r.scrubbing() || r.snapshot() == built ? 0 : nextFrameAt;
    }

    /** The painted frame of the request; null when its data cannot be drawn in this space (too few points). */
    Painted build(Request r) {
        long t0 = System.nanoTime(), cpu0 = org.marginscope.render.ThreadCpuClock.nanos();
        Snapshot s = r.snapshot();
        Dataset d = r.data();
        TransformedFrame frame = cache.get(s, d);
        boolean fresh = s != built;
        if (frame == null) {
            if (d.size() < 2 || d.dim() != s.spec().inputDim()) {
                return null;
            }
            frame = renderer.render(s.spec(), s.parameters(), s.retiredParameters(), s.decisionOffset(), d, s.step(),
                    s.companions().stream().map(c -> new TransformedRenderer.Other(c.label(), c.parameters(),
                            c.decisionOffset())).toList());
            cache.put(s, d, frame);
            lastRenderNanos = System.nanoTime() - t0;
        } else if (fresh) {
            lastRenderNanos = 0;
        }
        Look lk = r.look();
        Painted p = new Painted(frame, lk, TransformedPainter.paint(frame, lk.w(), lk.h(), lk.layers(), lk.marker()),
                lk.svmPanel() ? TransformedPainter.paint(frame, lk.w(), lk.h(), lk.layers().shadedBySvm(), lk.marker())
                        : null, r.epoch());
        lastBuilt = r;
        if (fresh) {
            built = s;
            lastFrameNanos = System.nanoTime() - t0;
            long cost = org.marginscope.render.ThreadCpuClock.nanos() - cpu0; // CPU, not the wait for a core
            // paced by cost: at most BUSY_SHARE of a core, at most 4 frames a second, at least one in
            // MAX_FRAME_NANOS (a cold first frame - JIT, LIBSVM - must not stall the view)
            nextFrameAt = t0 + Math.min(MAX_FRAME_NANOS, Math.max(MIN_FRAME_NANOS, (long) (cost / BUSY_SHARE)));
        }
        return p;
    }

    /** The last request built (null before the first): its frame repaints in a new look without computing. */
    Request lastBuilt() {
        return lastBuilt;
    }

    /** How long the last new snapshot's frame took (forward pass, SVM fit, painting), in ns. */
    long lastFrameNanos() {
        return lastFrameNanos;
    }

    /** The part of it spent computing (forward pass, SVM fit), not painting; 0 for a cached frame. */
    long lastRenderNanos() {
        return lastRenderNanos;
    }
}
