package org.marginscope.ui.views;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.marginscope.model.NetworkSpec;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.BoundaryRenderer;
import org.marginscope.render.CompanionNet;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.render.LinearRegime;
import org.marginscope.render.TwoPointLimit;
import org.marginscope.analysis.ParPrediction;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;

/**
 * The original view's frame builder on a {@link LatestRequestWorker}: evaluates the newest snapshot over the
 * newest viewport and leaves the finished frame for the FX thread to pick up at its next tick. Requests
 * overwrite each other, so stale work is never done; the FX thread only blits.
 */
public final class RenderService implements AutoCloseable {
    /**
     * What to draw: the network, its weights and the window. {@code refinement}: a full-resolution frame
     * of a paused view, given up as soon as another snapshot is asked for (the user scrubbed on).
     */
    /**
     * classes: the classes with points (null: all), whose outputs alone shade the field; data: what the overlays read
     * besides the weights (Nar's two points, the points inside Sarussi's cones; null: no overlays); par: Thm 6.2's
     * prediction where the neuron view has solved it (null: none); plotW x plotH: the plot's size in pixels, to
     * which the worker resamples the field so that the screen only copies it (0: leave it at the grid's size).
     */
    public record Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training,
                          org.marginscope.render.FieldShading shading, boolean refinement, boolean[] classes,
                          Dataset data, ParPrediction.Result par, int plotW, int plotH) {
        public Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training,
                       org.marginscope.render.FieldShading shading, boolean refinement) {
            this(spec, snapshot, viewport, training, shading, refinement, null, null, null, 0, 0);
        }

        public Request(NetworkSpec spec, Snapshot snapshot, Viewport viewport, boolean training) {
            this(spec, snapshot, viewport, training, org.marginscope.render.FieldShading.PROBABILITY, false);
        }
    }

    /** While training, frames may use at most this share of a core's time, counted in CPU time (the rest is the trainer's). */
    public static final double TRAINING_SHARE = 0.05;

    private final AtomicReference<BoundaryFrame> ready = new AtomicReference<>();
    private final BoundaryRenderer renderer = new BoundaryRenderer(); // the worker's thread only
    private final LatestRequestWorker<Request, BoundaryFrame> worker;
    private volatile long minFrameNanos;

    /** Frames that fail are reported on standard error (the next request draws anew). */
    public RenderService() {
        this(FrameErrors.toStderr("original view"));
    }

    public RenderService(Consumer<? super Exception> onError) {
        worker = new LatestRequestWorker<>(LatestRequestWorker.Options.<Request>drawing("marginscope-render")
                .paced(LatestRequestWorker.Pacing.gap(this::gapNanos))
                .droppedWhen(RenderService::supersedes), this::render, ready::set, onError);
    }

    /** At most this many frames a second (keeps rendering from starving training); 0 = no limit. */
    public void setMaxFps(double fps) {
        minFrameNanos = fps <= 0 ? 0 : (long) (1e9 / fps);
    }

    public void request(Request r) {
        worker.submit(r);
    }

    /** The newest finished frame not yet taken, or null. */
    public BoundaryFrame take() {
        return ready.getAndSet(null);
    }

    /**
     * From one frame's start to the next: the frame-rate cap, and while training 1/TRAINING_SHARE of the CPU time
     * the last frame took (its wall time would include waiting for a core the trainer had: see ThreadNice).
     */
    private long gapNanos(Request r) {
        long gap = minFrameNanos;
        return r.training() ? Math.max(gap, (long) (worker.lastBuildCpuNanos() / TRAINING_SHARE)) : gap;
    }

    /** CPU a training frame may take before its grid gets coarser (a wide net's 128-cell frame costs ~12 ms). */
    static final long TRAINING_FRAME_BUDGET_NANOS = 6_000_000L;
    /** The coarsest grid a training frame gets, in cells along the longer side. */
    static final int MIN_TRAINING_CELLS = 88;
    private volatile long lastCells = 1;
    private volatile long lastPixelsCpuNanos;

    /**
     * Cells along the longer side for a frame while training: {@code cells}, or fewer where the network is so costly
     * that a frame of that many would take more than {@link #TRAINING_FRAME_BUDGET_NANOS} of CPU (the last frame's
     * cost per cell says): at a fixed share of a core, a cheaper frame comes more often, and a smooth sequence of
     * slightly coarser pictures shows training better than a few fine ones. Pausing draws the full grid.
     */
    public int trainingCells(int cells) {
        // the resampling to the screen's pixels grows with the plot, not the grid: not a cost of the cells
        long cellsCost = Math.max(0, worker.lastBuildCpuNanos() - lastPixelsCpuNanos);
        return cellsWithin(TRAINING_FRAME_BUDGET_NANOS, cellsCost / (double) lastCells, cells);
    }

    /**
     * The most cells along a side, at most {@code cells} and at least {@link #MIN_TRAINING_CELLS}, in steps of 8
     * (a steady look), whose square grid costs no more than the budget at {@code nanosPerCell}.
     */
    static int cellsWithin(long budgetNanos, double nanosPerCell, int cells) {
        if (!(nanosPerCell > 0) || nanosPerCell * cells * cells <= budgetNanos) {
            return cells;
        }
        int fit = (int) Math.sqrt(budgetNanos / nanosPerCell) / 8 * 8;
        return Math.max(Math.min(MIN_TRAINING_CELLS, cells), Math.min(cells, fit));
    }

    /** The frame of a request: the field and boundary, and the overlays of the same snapshot over the same data. */
    private BoundaryFrame render(Request r, BooleanSupplier stale) {
        lastCells = Math.max(1L, (long) r.viewport().nx() * r.viewport().ny());
        Snapshot s = r.snapshot();
        BoundaryFrame f = renderer.render(r.spec(), s.parameters(), s.decisionOffset(), r.viewport(), s.step(),
                companionNets(s), r.shading(), stale, r.classes());
        if (f == null) {
            return null;
        }
        f = withOverlays(f, r);
        if (r.plotW() <= 0 || r.plotH() <= 0) {
            lastPixelsCpuNanos = 0;
            return f;
        }
        long t0 = org.marginscope.render.ThreadCpuClock.nanos();
        f = f.withPixels(r.viewport().bounds(), r.plotW(), r.plotH());
        lastPixelsCpuNanos = org.marginscope.render.ThreadCpuClock.nanos() - t0;
        return f;
    }

    static BoundaryFrame withOverlays(BoundaryFrame f, Request r) {
        Snapshot s = r.snapshot();
        return r.data() == null ? f : f.withOverlays(LinearRegime.of(r.spec(), s.parameters(), r.data(), r.par()),
                TwoPointLimit.of(r.data(), r.spec(), s.parameters()));
    }

    /**
     * Whether {@code next} makes the frame being rendered for {@code current} pointless: only a move to
     * another moment drops a refinement. A zoom or a drag asks again every tick and would never see a
     * frame if each request dropped the one before.
     */
    static boolean supersedes(Request next, Request current) {
        return current.refinement() && next != null && next.snapshot() != current.snapshot();
    }

    @Override
    public void close() {
        worker.close();
    }

    /** The snapshot's companions as the renderer sees them. */
    private static List<CompanionNet> companionNets(Snapshot s) {
        return s.companions().stream().map(c -> new CompanionNet(c.label(), c.spec(), c.parameters(), c.decisionOffset()))
                .toList();
    }
}
