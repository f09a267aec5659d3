package org.marginscope.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.marginscope.model.NetworkSpec;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.BoundaryRenderer;
import org.marginscope.render.CompanionNet;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;

/**
 * The render worker: a thread of its own that evaluates the newest snapshot over the newest
 * viewport and leaves the finished frame for the FX thread to pick up. Requests overwrite each
 * other, so stale work is never done; the FX thread only blits.
 */
public final class RenderService implements AutoCloseable {
    /**
     * What to draw: the network, its weights and the window. {@code refinement}: a full-resolution frame
     * of a paused view, given up as soon as another snapshot is asked for (the user scrubbed on).
     */
    /** classes: the classes with points (null: all), whose outputs alone shade the field. */
    public record Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training,
                          org.marginscope.render.FieldShading shading, boolean refinement, boolean[] classes) {
        public Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training,
                       org.marginscope.render.FieldShading shading, boolean refinement) {
            this(spec, snapshot, viewport, training, shading, refinement, null);
        }

        public Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training) {
            this(spec, snapshot, viewport, training, org.marginscope.render.FieldShading.PROBABILITY, false);
        }
    }

    /** While training, frames may use at most this share of the time (the rest is the trainer's). */
    static final double TRAINING_SHARE = 0.15;

    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<BoundaryFrame> ready = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long minFrameNanos;
    private volatile double lastRenderMillis;

    public RenderService() {
        thread = new Thread(this::loop, "marginscope-render");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    /** At most this many frames a second (keeps rendering from starving training); 0 = no limit. */
    public void setMaxFps(double fps) {
        minFrameNanos = fps <= 0 ? 0 : (long) (1e9 / fps);
    }

    public void request(Request r) {
        pending.set(r);
        LockSupport.unpark(thread);
    }

    /** The newest finished frame not yet taken, or null. */
    public BoundaryFrame take() {
        return ready.getAndSet(null);
    }

    private void loop() {
        BoundaryRenderer renderer = new BoundaryRenderer();
        long lastStart = 0;
        while (!closed) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                LockSupport.parkNanos(50_000_000L);
                continue;
            }
            long gap = minFrameNanos;
            if (r.training()) {
                gap = Math.max(gap, (long) (lastRenderMillis * 1e6 / TRAINING_SHARE));
            }
            // requests wake the worker early; sleep out the whole gap, then take the newest request
            long deadline = lastStart + gap;
            for (long w = deadline - System.nanoTime(); w > 0 && !closed; w = deadline - System.nanoTime()) {
                LockSupport.parkNanos(w);
            }
            Request newer = pending.getAndSet(null);
            if (newer != null) {
                r = newer;
            }
            lastStart = System.nanoTime();
            try {
                Snapshot s = r.snapshot();
                Request current = r;
                java.util.function.BooleanSupplier stale = () -> supersedes(pending.get(), current);
                BoundaryFrame f = renderer.render(r.spec(), s.parameters(), s.decisionOffset(), r.viewport(), s.step(),
                        companionNets(s), r.shading(), stale, r.classes());
                if (f == null) {
                    continue;
                }
                lastRenderMillis = f.renderMillis();
                ready.set(f);
            } catch (RuntimeException e) {
                // a spec/snapshot mismatch during a reset: the next request renders the new model
            }
        }
    }

    /**
     * Whether {@code next} makes the frame being rendered for {@code current} pointless: only a move to
     * another moment drops a refinement. A zoom or a drag asks again every pulse and would never see a
     * frame if each request dropped the one before.
     */
    static boolean supersedes(Request next, Request current) {
        return current.refinement() && next != null && next.snapshot() != current.snapshot();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** The snapshot's companions as the renderer sees them. */
    private static List<CompanionNet> companionNets(Snapshot s) {
        return s.companions().stream().map(c -> new CompanionNet(c.label(), c.spec(), c.parameters(), c.decisionOffset()))
                .toList();
    }
}
