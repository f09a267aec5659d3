package org.marginscope.analysis;

import org.marginscope.data.Bounds;
import org.marginscope.data.GroundTruth;
import org.marginscope.model.Loss;
import org.marginscope.model.Network;

/**
 * The area of the domain where the network's class differs from the ground truth (van den Berg
 * Figs 13-14), measured on the centres of a regular grid: area = (wrong cells / all cells) x domain area.
 * Cells where the truth is undefined (-1) count as neither.
 */
public final class MisclassifiedArea {
    private final GroundTruth truth;
    private final int nx;
    private final int ny;
    private final double[] points;
    private final int[] labels;

    /** @param cellsLongSide grid cells along the longer side of the domain (the other side in proportion) */
    public MisclassifiedArea(GroundTruth truth, int cellsLongSide) {
        this.truth = truth;
        Bounds d = truth.domain();
        double cell = Math.max(d.width(), d.height()) / cellsLongSide;
        nx = Math.max(1, (int) Math.round(d.width() / cell));
        ny = Math.max(1, (int) Math.round(d.height() / cell));
        points = new double[2 * nx * ny];
        labels = new int[nx * ny];
        for (int j = 0, i = 0; j < ny; j++) {
            double y = d.yMin() + (j + 0.5) * d.height() / ny;
            for (int k = 0; k < nx; k++, i++) {
                double x = d.xMin() + (k + 0.5) * d.width() / nx;
                points[2 * i] = x;
                points[2 * i + 1] = y;
                labels[i] = truth.classOf(x, y);
            }
        }
    }

    public int cells() {
        return labels.length;
    }

    /** The misclassified area of the network's current weights (decision offset as in {@link Loss#predict}). */
    public double measure(Network net, double decisionOffset) {
        double[] logits = net.logits(points, labels.length);
        int k = net.outputWidth();
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && Loss.predict(logits, i, k, decisionOffset) != labels[i]) {
                wrong++;
            }
        }
        return areaOf(wrong);
    }

    /** The area of this many wrong cells. */
    double areaOf(int wrongCells) {
        return truth.domain().area() * wrongCells / labels.length;
    }

    /** The cell centres, x and y interleaved (shared, not copied). */
    double[] points() {
        return points;
    }

    /** Each cell's true class, -1 where the truth is undefined (shared, not copied). */
    int[] labels() {
        return labels;
    }
}
