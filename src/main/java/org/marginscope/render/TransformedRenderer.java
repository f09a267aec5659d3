package org.marginscope.render;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.analysis.PenalisedBiasSvm;
import org.marginscope.analysis.TransformRank;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.model.StableMath;
import org.nd4j.linalg.api.buffer.DataType;

/** Computes {@link TransformedFrame}s off the FX thread; one instance per thread. */
public final class TransformedRenderer {
    private static final int GRID = 128;
    /** Warped grid: lines each way, and points along each line. */
    private static final int GRID_LINES = 13, GRID_SAMPLES = 80;
    private Network net;

    public TransformedFrame render(NetworkSpec spec, Parameters params, double offset, Dataset data, long step) {
        return render(spec, params, null, offset, data, step);
    }

    /** {@code retired}: the network before its last layer was retrained (Li Fig 3), or null. */
    public TransformedFrame render(NetworkSpec spec, Parameters params, Parameters retired, double offset, Dataset data,
                                   long step) {
        return render(spec, params, retired, offset, data, step, java.util.List.of());
    }

    /**
     * As above, with the networks trained beside this one: those whose layers below the last equal this
     * network's (so they share its transformed space: ensemble copies over fixed features) are measured
     * against the same SVM and drawn in the plane.
     */
    public TransformedFrame render(NetworkSpec spec, Parameters params, Parameters retired, double offset, Dataset data,
                                   long step, java.util.List<Other> others) {
        if (net == null || net.spec() != spec) {
            net = new Network(spec, DataType.FLOAT, params);
        } else {
            net.setParameters(params);
        }
        int last = net.layers() - 1;
        int dim = net.inputs(last);
        int n = data.size(), m = data.testSize();
        double[] train = last == 0 ? data.trainX() : net.layerOutput(data.trainX(), n, last - 1);
        double[] test = m == 0 ? new double[0] : last == 0 ? data.testX() : net.layerOutput(data.testX(), m, last - 1);
        int[] labels = new int[n + m];
        for (int i = 0; i < n; i++) {
            labels[i] = data.trainLabel(i);
        }
        for (int i = 0; i < m; i++) {
            labels[n + i] = data.testLabel(i);
        }
        SvmSolution svm = null;
        LastLayerAlignment.Result alignment = null;
        TransformedFrame.Limits limits = null;
        TransformedFrame.Retired old = null;
        java.util.List<TransformedFrame.Companion> companions = new java.util.ArrayList<>();
        try {
            svm = LastLayerAlignment.svmFor(params, train, n, dim, data.trainY());
            alignment = LastLayerAlignment.compare(params, offset, train, n, dim, data.trainY(), svm);
            limits = limits(params, offset, train, n, dim, data.trainY(), svm.separable());
            if (retired != null) {
                // the transform is frozen after retraining, so the old last layer lives in the same plane
                // its own decision rule: no offset (the retired layer was trained without Nar's Eq 8 bias)
                old = new TransformedFrame.Retired(net.outputWidth() == 1 ? retired.unitWeights(last, 0) : null,
                        net.outputWidth() == 1 ? retired.bias(last, 0) : 0,
                        LastLayerAlignment.compare(retired, 0, train, n, dim, data.trainY(), svm));
            }
            for (Other c : others) {
                if (sharesTransform(c.parameters(), params) && c.parameters().out(last) == 1 && dim == 2) {
                    companions.add(new TransformedFrame.Companion(c.label(), c.parameters().unitWeights(last, 0),
                            c.parameters().bias(last, 0) + c.decisionOffset(),
                            LastLayerAlignment.compare(c.parameters(), c.decisionOffset(), train, n, dim, data.trainY(), svm)
                                    .angleDeg()[0]));
                } else if (sharesTransform(c.parameters(), params) && c.parameters().out(last) == 1) {
                    companions.add(new TransformedFrame.Companion(c.label(), null, 0,
                            LastLayerAlignment.compare(c.parameters(), c.decisionOffset(), train, n, dim, data.trainY(), svm)
                                    .angleDeg()[0]));
                }
            }
        } catch (IllegalArgumentException oneClass) {
            // a single class has no SVM
        }
        double[] all = new double[(n + m) * dim];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(test, 0, all, train.length, test.length);
        int k = net.outputWidth();
        double[] grid = originalGrid(data, last);
        if (dim == 2) {
            Bounds b = Bounds.enclosing(all, 0.08);
            double[] w = k == 1 ? params.unitWeights(last, 0) : null;
            double bias = k == 1 ? params.bias(last, 0) + offset : 0;
            int[] argb = shade(params, last, k, offset, b, data.classesWithPoints());
            return new TransformedFrame(step, b, all, labels, n, argb, GRID, GRID, w, bias, svm, false, 1, dim, alignment,
                    grid == null ? null : new WarpedGrid(2 * GRID_LINES, GRID_SAMPLES, grid), old, null, companions, limits);
        }
        // wider: the two principal axes of the points (the SVM and all measures stay in the full space)
        double[][] axes = new double[2][];
        double[] spectrum = new double[dim];
        double explained = principalAxes(all, n + m, dim, axes, spectrum);
        double[] mean = mean(all, n + m, dim);
        double[] xy = project(all, n + m, dim, mean, axes);
        WarpedGrid wg = grid == null ? null
                : new WarpedGrid(2 * GRID_LINES, GRID_SAMPLES, project(grid, grid.length / dim, dim, mean, axes));
        return new TransformedFrame(step, Bounds.enclosing(xy, 0.08), xy, labels, n, null, 0, 0, null, 0, svm, true,
                explained, dim, alignment, wg, old, spectrum, companions, limits);
    }

    /** The rank of the transformed points and, for two classes, the bias-penalised SVM and the angle to it. */
    static TransformedFrame.Limits limits(Parameters params, double offset, double[] train, int n, int dim, int[] y,
                                          boolean separable) {
        TransformRank rank = TransformRank.of(train, n, dim);
        int last = params.layers() - 1;
        if (params.out(last) != 1 || !separable) {
            return new TransformedFrame.Limits(rank, null, Double.NaN);
        }
        PenalisedBiasSvm pen = PenalisedBiasSvm.fit(train, n, dim, y);
        if (!pen.separable()) {
            return new TransformedFrame.Limits(rank, null, Double.NaN);
        }
        double[] w = params.unitWeights(last, 0);
        double[] wb = java.util.Arrays.copyOf(w, w.length + 1);
        wb[w.length] = (params.hasBias(last) ? params.bias(last, 0) : 0) + offset;
        return new TransformedFrame.Limits(rank, pen, org.marginscope.analysis.EnsembleSpread.angleDeg(wb, pen.augmented()));
    }

    /** A network trained beside the one rendered: its label, weights and decision offset (Nar's Eq 8 bias or 0). */
    public record Other(String label, Parameters parameters, double decisionOffset) {
    }

    /** Whether two networks of one architecture compute the same transformed space (equal layers below the last). */
    static boolean sharesTransform(Parameters a, Parameters b) {
        if (a.layers() != b.layers()) {
            return false;
        }
        for (int k = 0; k < a.layers() - 1; k++) {
            if (!java.util.Arrays.equals(a.weights(k), b.weights(k)) || a.hasBias(k) != b.hasBias(k)
                    || (a.hasBias(k) && !java.util.Arrays.equals(a.biases(k), b.biases(k)))) {
                return false;
            }
        }
        return true;
    }

    private static double[] project(double[] x, int count, int dim, double[] mean, double[][] axes) {
        double[] xy = new double[2 * count];
        for (int i = 0; i < count; i++) {
            for (int a = 0; a < 2; a++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += (x[i * dim + j] - mean[j]) * axes[a][j];
                }
                xy[2 * i + a] = s;
            }
        }
        return xy;
    }

    /**
     * A grid over the data's bounding box in the original plane (GRID_LINES lines each way), mapped to the
     * last hidden layer; null when the input is not a plane.
     */
    private double[] originalGrid(Dataset data, int last) {
        if (data.dim() != 2) {
            return null;
        }
        double[] pts = new double[2 * (data.size() + data.testSize())];
        System.arraycopy(data.trainX(), 0, pts, 0, 2 * data.size());
        System.arraycopy(data.testX(), 0, pts, 2 * data.size(), 2 * data.testSize());
        Bounds b = Bounds.enclosing(pts, 0.05);
        double[] grid = new double[2 * 2 * GRID_LINES * GRID_SAMPLES];
        int o = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int l = 0; l < GRID_LINES; l++) {
                double u = l / (GRID_LINES - 1.0);
                for (int s = 0; s < GRID_SAMPLES; s++) {
                    double v = s / (GRID_SAMPLES - 1.0);
                    double fx = dir == 0 ? u : v, fy = dir == 0 ? v : u;
                    grid[o++] = b.xMin() + fx * b.width();
                    grid[o++] = b.yMin() + fy * b.height();
                }
            }
        }
        int count = 2 * GRID_LINES * GRID_SAMPLES;
        return last == 0 ? grid : net.layerOutput(grid, count, last - 1);
    }

    /**
     * The last layer's class probabilities over the plane, coloured like the original-space view: of K classes only
     * those marked (the classes with points) are shaded.
     */
    private static int[] shade(Parameters p, int last, int k, double offset, Bounds b, boolean[] classes) {
        int[] argb = new int[GRID * GRID];
        double[] logits = new double[k];
        int shown = BoundaryRenderer.shownClasses(k, classes);
        for (int j = 0; j < GRID; j++) {
            double y = b.yMax() - (j + 0.5) * b.height() / GRID;
            for (int i = 0; i < GRID; i++) {
                double x = b.xMin() + (i + 0.5) * b.width() / GRID;
                for (int c = 0; c < k; c++) {
                    logits[c] = p.weight(last, 0, c) * x + p.weight(last, 1, c) * y + p.bias(last, c);
                }
                if (k == 1) {
                    argb[j * GRID + i] = Shading.binary(StableMath.sigmoid(logits[0] + offset));
                } else {
                    BoundaryRenderer.maskAbsent(logits, 1, k, classes);
                    double[] probs = BoundaryRenderer.softmax(logits, 1, k);
                    argb[j * GRID + i] = Shading.multi(probs, 0, k, shown);
                }
            }
        }
        return argb;
    }

    private static double[] mean(double[] x, int n, int d) {
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += x[i * d + j] / n;
            }
        }
        return m;
    }

    /**
     * Fills the two leading eigenvectors of the covariance and the cumulative share of variance of the
     * first 1..d components (Poggio et al. Fig 3's spectrum); returns the share the two axes explain.
     */
    static double principalAxes(double[] x, int n, int d, double[][] axes, double[] cumulative) {
        double[] m = mean(x, n, d);
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = x[i * d + a] - m[a];
                for (int c = a; c < d; c++) {
                    cov[a][c] += da * (x[i * d + c] - m[c]) / Math.max(1, n - 1);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < a; c++) {
                cov[a][c] = cov[c][a];
            }
        }
        // the covariance is symmetric and positive semi-definite: its SVD is its eigen-decomposition, with the values
        // sorted; commons-math's EigenDecomposition failed to converge on some (dead units, repeated values)
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = svd.getSingularValues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        for (int a = 0; a < 2; a++) {
            axes[a] = svd.getU().getColumn(Math.min(a, d - 1));
        }
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += Math.max(0, values[order[i]]);
            cumulative[i] = total > 0 ? sum / total : 1;
        }
        double top = Math.max(0, values[order[0]]) + (d > 1 ? Math.max(0, values[order[1]]) : 0);
        return total > 0 ? top / total : 1;
    }
}
