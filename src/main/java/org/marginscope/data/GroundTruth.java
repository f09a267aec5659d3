package org.marginscope.data;

/**
 * The true class of every point of a generated 2D dataset's domain. Needed for the misclassified
 * area (van den Berg Fig 13/14) and for gradient fields over the plane.
 */
public record GroundTruth(Bounds domain, LabelFunction labels) {

    @FunctionalInterface
    public interface LabelFunction {
        /** The class of (x, y), or -1 where the point lies outside every class region. */
        int classOf(double x, double y);
    }

    public int classOf(double x, double y) {
        return labels.classOf(x, y);
    }
}
