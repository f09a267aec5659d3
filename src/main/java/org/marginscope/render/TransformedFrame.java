package org.marginscope.render;

import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.analysis.PenalisedBiasSvm;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.analysis.TransformRank;
import org.marginscope.data.Bounds;

/**
 * The transformed space of one snapshot (Li et al.): the points mapped through the network up to the
 * last hidden layer (projected on two principal axes when wider than 2), the network's last-layer
 * shading over that plane (exact only when the plane is the whole space), and the SVM fitted there.
 *
 * @param xy          train points then test points, 2 per point, in plane coordinates
 * @param labels      their classes
 * @param trainCount  how many of them are training points
 * @param argb        nx x ny shading of the network's last layer (row 0 at the top); null when projected
 * @param projected   the plane is a PCA projection of a wider space
 * @param explained   the share of variance the two axes explain (1 when not projected)
 * @param alignment   last layer against the SVM in the full transformed space (null without an SVM)
 * @param grid        the original plane's grid in plane coordinates (null when the input is not 2-D)
 * @param retired     the last layer before Li et al.'s retraining (Fig 3) against the same SVM; null if none
 * @param spectrum    cumulative share of variance of the first 1, 2, ... principal components of the
 *                    transformed points (Poggio et al. Fig 3); null when the space is the plane itself
 * @param companions  the last layers of the networks trained beside this one that share its transformed
 *                    space (ensemble copies with the same fixed features; Poggio et al.), against the same SVM
 * @param limits      whether the comparison means anything here, and the bias-penalised SVM (null without an SVM)
 */
public record TransformedFrame(long step, Bounds bounds, double[] xy, int[] labels, int trainCount, int[] argb, int nx,
                               int ny, double[] nnW, double nnB, SvmSolution svm, boolean projected, double explained,
                               int dim, LastLayerAlignment.Result alignment, WarpedGrid grid, Retired retired,
                               double[] spectrum, java.util.List<Companion> companions, Limits limits) {

    /**
     * Beside the free-bias SVM: the rank of the transformed points ({@link TransformRank}: on a line, the angle to
     * the SVM is an artefact of the initial weights) and, for two classes, min |w|^2 + b^2 - where gradient descent on
     * the cross-entropy with a trained bias is headed (Nar et al.) - and the last layer's [w; b] angle to it.
     *
     * @param penalised the bias-penalised SVM, or null (K classes, or no separating solution)
     */
    public record Limits(TransformRank rank, PenalisedBiasSvm penalised, double penalisedAngleDeg) {
    }

    /**
     * A companion's last layer in this frame's space.
     *
     * @param w        its unit normal in plane coordinates and {@code b} its offset; w null when projected
     *                 (a hyperplane of the wide space has no line in the projection)
     * @param angleDeg its angle to the SVM in the full transformed space
     */
    public record Companion(String label, double[] w, double b, double angleDeg) {
    }

    /** A retired last layer: its unit weight vector and bias in the plane (null when not binary), and its alignment. */
    public record Retired(double[] w, double b, LastLayerAlignment.Result alignment) {
    }
}
