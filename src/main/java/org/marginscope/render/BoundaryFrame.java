package org.marginscope.render;

import org.marginscope.data.Viewport;
import java.util.List;

/**
 * A finished picture of a network's decision over a viewport: ARGB pixels (nx x ny, row 0 at the
 * TOP as images are stored) and the boundary as segments in data coordinates. Immutable.
 */
public record BoundaryFrame(Viewport viewport, int[] argb, List<Contours.Segment> boundary, long step,
                            double renderMillis) {
}
