package org.marginscope.render;

/**
 * A regular grid of the original plane carried through the network into the transformed plane: how the
 * space is folded. {@code lines} polylines of {@code samples} points each, 2 numbers per point.
 */
public record WarpedGrid(int lines, int samples, double[] xy) {
}
