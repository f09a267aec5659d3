package org.marginscope.ui.views;

import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.render.OriginalPainter;
import org.marginscope.train.Snapshot;

/**
 * The original-space view's "Linear regions" overlay: the edges of the shown snapshot's linear regions over
 * the view, thin. A {@link LatestRequestWorker} computes them and draws them into an image of the plot's size
 * (one build at a time; the latest snapshot, window and size asked for replace any still waiting);
 * {@link OriginalPainter#edges} draws that image, however many regions there are, on screen and in Export view.
 */
final class LinearRegionsOverlay {
    /**
     * The regions of a snapshot over a window and their edges as a w x h image over it (ARGB, top row first),
     * or why there are none to draw ({@code regions} null).
     */
    record Result(Snapshot snapshot, Bounds bounds, LinearRegions regions, String why, int w, int h, int[] edges) {
        static Result none(Snapshot s, Bounds b, String why) {
            return new Result(s, b, null, why, 0, 0, null);
        }
    }

    private final BooleanProperty show = new SimpleBooleanProperty(false);
    /** The regions of a snapshot over a window, edges for a w x h plot with lines for the presentation scale. */
    private record Request(Snapshot snapshot, Bounds window, int w, int h, double scale) {
        /** The same snapshot (by identity: two runs can reach equal steps) over the same window, size and scale. */
        boolean same(Request o) {
            return o != null && o.snapshot == snapshot && o.window.equals(window) && o.w == w && o.h == h
                    && o.scale == scale;
        }
    }

    private final AtomicReference<Result> ready = new AtomicReference<>();
    private final LatestRequestWorker<Request, Result> worker = new LatestRequestWorker<>(
            LatestRequestWorker.Options.drawing("marginscope-linear-regions"),
            (r, superseded) -> compute(r.snapshot(), r.window(), r.w(), r.h(), r.scale()), ready::set,
            FrameErrors.toStderr("linear-regions overlay"));
    private Request requested;
    private Result drawn;

    BooleanProperty showProperty() {
        return show;
    }

    /** What the overlay draws now (null before its first result or while off). */
    Result current() {
        return show.get() ? drawn : null;
    }

    /**
     * Asks for the regions of s over the window, their edges for a plot of w x h pixels with lines for the
     * presentation scale, unless that is asked for already (the newest request replaces one still waiting).
     */
    void request(Snapshot s, Bounds window, int w, int h, double scale) {
        if (!show.get() || s == null || s.spec() == null || window == null || w < 2 || h < 2) {
            return;
        }
        Request r = new Request(s, window, w, h, scale);
        if (!r.same(requested)) {
            requested = r;
            worker.submit(r);
        }
    }

    static Result compute(Snapshot s, Bounds window, int w, int h, double scale) {
        String why = LinearRegions.unsupportedReason(s.spec()).orElse(null);
        if (why != null) {
            return Result.none(s, window, "Linear regions: none to draw (" + why.replaceFirst(":.*", "") + ")");
        }
        try {
            LinearRegions r = org.marginscope.experiment.LinearRegionsFigure.regions(s, window);
            if (!r.complete()) {
                return Result.none(s, window, String.format(java.util.Locale.ROOT,
                        "Linear regions: more than %,d in the view - zoom in", r.maxRegions()));
            }
            int[] edges = org.marginscope.render.RegionRaster.edges(r, w, h, 0x99141414,
                    (float) (0.7 * Math.min(scale, 1.6)));
            return new Result(s, window, r, null, w, h, edges);
        } catch (IllegalArgumentException e) {
            return Result.none(s, window, "Linear regions: " + e.getMessage());
        }
    }

    /** Takes a finished result; true when there is a new one to draw. */
    boolean take() {
        Result r = ready.getAndSet(null);
        if (r == null) {
            return false;
        }
        drawn = r;
        return true;
    }

    /** Forgets what was asked for, so the next request computes again (the overlay turned on anew). */
    void reset() {
        requested = null;
    }

    /** What the overlay draws now, for {@link OriginalPainter#edges} (null while it is off or before its first result). */
    OriginalPainter.RegionEdges edges() {
        Result r = current();
        return r == null ? null : new OriginalPainter.RegionEdges(r.bounds(), r.edges(), r.w(), r.h(), r.why());
    }

    void dispose() {
        worker.close();
    }
}
