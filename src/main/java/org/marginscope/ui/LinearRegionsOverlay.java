package org.marginscope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.analysis.ConvexPolygon;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.train.Snapshot;

/**
 * The original-space view's "Linear regions" overlay: the edges of the shown snapshot's linear regions over
 * the view, thin. A worker computes them (one request at a time; once it is free the latest snapshot and
 * window are asked for), the FX thread only strokes the finished polygons.
 */
final class LinearRegionsOverlay {
    /** The regions of a snapshot over a window, or why there are none to draw ({@code regions} null). */
    record Result(Snapshot snapshot, Bounds bounds, LinearRegions regions, String why) {
    }

    private final BooleanProperty show = new SimpleBooleanProperty(false);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "marginscope-linear-regions");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Result> ready = new AtomicReference<>();
    private Snapshot requestedFor;
    private Bounds requestedOver;
    private boolean busy;
    private Result drawn;

    BooleanProperty showProperty() {
        return show;
    }

    /** What the overlay draws now (null before its first result or while off). */
    Result current() {
        return show.get() ? drawn : null;
    }

    /** Asks for the regions of s over the window unless they are asked for already or the worker is busy. */
    void request(Snapshot s, Bounds window) {
        if (!show.get() || s == null || s.spec() == null || window == null || busy
                || (s == requestedFor && window.equals(requestedOver))) {
            return;
        }
        requestedFor = s;
        requestedOver = window;
        busy = true;
        worker.submit(() -> ready.set(compute(s, window)));
    }

    static Result compute(Snapshot s, Bounds window) {
        String why = LinearRegions.unsupportedReason(s.spec()).orElse(null);
        if (why != null) {
            return new Result(s, window, null, "Linear regions: none to draw (" + why.replaceFirst(":.*", "") + ")");
        }
        try {
            LinearRegions r = LinearRegionsPanel.regions(s, window);
            return r.complete() ? new Result(s, window, r, null) : new Result(s, window, null, String.format(
                    java.util.Locale.ROOT, "Linear regions: more than %,d in the view - zoom in", r.maxRegions()));
        } catch (IllegalArgumentException e) {
            return new Result(s, window, null, "Linear regions: " + e.getMessage());
        }
    }

    /** Takes a finished result; true when there is a new one to draw. */
    boolean take() {
        Result r = ready.getAndSet(null);
        if (r == null) {
            return false;
        }
        busy = false;
        drawn = r;
        return true;
    }

    /** Forgets what was asked for, so the next request computes again (the overlay turned on anew). */
    void reset() {
        requestedFor = null;
        requestedOver = null;
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
        g.setStroke(Color.rgb(20, 20, 20, 0.6));
        g.setLineWidth(0.7 * Math.min(scale, 1.6));
        g.setLineDashes(null);
        // one path for all the outlines: one shape to rasterise (see BoundaryView.drawFrame)
        g.beginPath();
        for (LinearRegions.Region region : r.regions().regions()) {
            ConvexPolygon p = region.polygon();
            g.moveTo(sx.applyAsDouble(p.xs()[0]), sy.applyAsDouble(p.ys()[0]));
            for (int v = 1; v < p.size(); v++) {
                g.lineTo(sx.applyAsDouble(p.xs()[v]), sy.applyAsDouble(p.ys()[v]));
            }
            g.closePath();
        }
        g.stroke();
    }

    void dispose() {
        worker.shutdownNow();
    }
}
