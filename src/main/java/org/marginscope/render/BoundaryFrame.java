package org.marginscope.render;

import org.marginscope.data.Viewport;
import java.util.List;

/**
 * A finished picture of a network's decision over a viewport: ARGB pixels (nx x ny, row 0 at the
 * TOP as images are stored), the boundary as segments in data coordinates, and the boundaries of the
 * companion networks trained beside it (ensemble copies, another loss). Immutable.
 */
public record BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step,
                            double renderMillis, List<CompanionBoundary> companions, FieldShading shading) {

    /** A companion network's decision boundary, in data coordinates. */
    public record CompanionBoundary(String label, List<Contours.Segment> segments) {
    }

    public BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step, double renderMillis) {
        this(viewport, argb, boundary, step, renderMillis, List.of(), FieldShading.PROBABILITY);
    }

    public BoundaryFrame {
        companions = companions == null ? List.of() : List.copyOf(companions);
    }
}
