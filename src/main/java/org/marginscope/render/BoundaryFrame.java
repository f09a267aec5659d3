package org.marginscope.render;

import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;
import java.util.List;

/**
 * A finished picture of a network's decision over a viewport, all from one snapshot: ARGB pixels (nx x ny,
 * row 0 at the TOP as images are stored), the boundary as segments in data coordinates, the boundaries of the
 * companion networks trained beside it (ensemble copies, another loss), and the overlays the weights and data
 * give (Sarussi's linear regime, Nar's two points; null where they do not apply), and the field resampled to the
 * screen's pixels where a view asked for them (null: none). Immutable.
 */
public record BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step,
                            double renderMillis, List<CompanionBoundary> companions, FieldShading shading,
                            LinearRegime linearRegime, TwoPointLimit twoPoint, FieldPixels pixels) {

    /** A companion network's decision boundary, in data coordinates. */
    public record CompanionBoundary(String label, List<Contours.Segment> segments) {
    }

    public BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step, double renderMillis) {
        this(viewport, argb, boundary, step, renderMillis, List.of(), FieldShading.PROBABILITY);
    }

    /** A frame without overlays. */
    public BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step, double renderMillis,
                         List<CompanionBoundary> companions, FieldShading shading) {
        this(viewport, argb, boundary, step, renderMillis, companions, shading, null, null, null);
    }

    public BoundaryFrame {
        companions = companions == null ? List.of() : List.copyOf(companions);
    }

    /** The same picture with the overlays of the same snapshot. */
    public BoundaryFrame withOverlays(LinearRegime regime, TwoPointLimit two) {
        return new BoundaryFrame(viewport, argb, boundary, step, renderMillis, companions, shading, regime, two, pixels);
    }

    /** The same picture without pixels resampled for a screen: a figure of another size scales the grid itself. */
    public BoundaryFrame gridOnly() {
        return pixels == null ? this
                : new BoundaryFrame(viewport, argb, boundary, step, renderMillis, companions, shading, linearRegime, twoPoint, null);
    }

    /** The same picture with its field resampled to a plot of w x h pixels over {@code window}. */
    public BoundaryFrame withPixels(Bounds window, int w, int h) {
        return new BoundaryFrame(viewport, argb, boundary, step, renderMillis, companions, shading, linearRegime,
                twoPoint, FieldPixels.of(this, window, w, h));
    }
}
