package org.marginscope.ui;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.train.Snapshot;

/**
 * The original-space view's "Linear regions" overlay: the edges of the shown snapshot's linear regions over
 * the view, thin. A {@link LatestRequestWorker} computes them and draws them into an image of the plot's size
 * (one build at a time; the latest snapshot, window and size asked for replace any still waiting); the FX thread
 * only draws that image, however many regions there are.
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
            LatestRequestWorker.Options.of("marginscope-linear-regions", Thread.NORM_PRIORITY),
            (r, superseded) -> compute(r.snapshot(), r.window(), r.w(), r.h(), r.scale()), ready::set,
            FrameErrors.toStderr("linear-regions overlay"));
    private Request requested;
    private Result drawn;
    private javafx.scene.image.WritableImage image;

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
        image = null;
        if (r.edges() != null) {
            image = new javafx.scene.image.WritableImage(r.w(), r.h());
            image.getPixelWriter().setPixels(0, 0, r.w(), r.h(), javafx.scene.image.PixelFormat.getIntArgbInstance(),
                    r.edges(), 0, r.w());
        }
        return true;
    }

    /** Forgets what was asked for, so the next request computes again (the overlay turned on anew). */
    void reset() {
        requested = null;
    }

    /** The edges over the plot (x, y, w, h on the canvas), or a note in its top-right corner where there are none. */
    void draw(GraphicsContext g, DoubleUnaryOperator sx, DoubleUnaryOperator sy, double[] plot, double scale) {
        Result r = current();
        if (r == null) {
            return;
        }
        if (r.regions() == null) {
            Font font = Font.font(11 * Math.min(scale, 1.6));
            double tw = ViewCanvas.textWidth(r.why(), font);
            double x = plot[0] + plot[2] - tw - 12, y = plot[1] + 4;
            g.setFill(Color.rgb(255, 255, 255, 0.85));
            g.fillRect(x, y, tw + 8, font.getSize() + 6);
            g.setFill(Color.web("#8a1c1c"));
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(r.why(), x + 4, y + 3);
            return;
        }
        // where the image's window lies now (the same place unless the view was panned or zoomed since)
        Bounds b = r.bounds();
        double x0 = sx.applyAsDouble(b.xMin()), x1 = sx.applyAsDouble(b.xMax());
        double y0 = sy.applyAsDouble(b.yMax()), y1 = sy.applyAsDouble(b.yMin());
        g.setImageSmoothing(true);
        g.drawImage(image, x0, y0, x1 - x0, y1 - y0);
    }

    void dispose() {
        worker.close();
    }
}
