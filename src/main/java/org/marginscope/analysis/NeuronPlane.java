package org.marginscope.analysis;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Where the neuron view puts each first-layer weight vector on its plane.
 *
 * <ul>
 *   <li>{@link Mode#WEIGHTS}: 2-D inputs without a bias - the weights themselves.</li>
 *   <li>{@link Mode#DIRECTION_AND_LENGTH}: 2-D inputs with the bias trick (x, 1): the direction of the
 *       input weights (w1, w2) on the unit circle, at the distance |w| (bias included) from the origin, so
 *       both where a neuron points in the data plane and how large it has grown show.</li>
 *   <li>{@link Mode#PRINCIPAL}: anything else (e.g. 64 pixels) - the projection on the first two principal
 *       directions of the neuron matrix, taken through the origin (uncentred), so the arrows from the
 *       origin keep their meaning; an orthogonal projection never lengthens a distance, so a circle of
 *       radius R around a projected mean still holds that cluster's projected neurons.</li>
 * </ul>
 */
public final class NeuronPlane {
    public enum Mode { WEIGHTS, DIRECTION_AND_LENGTH, PRINCIPAL }

    private final Mode mode;
    /** For PRINCIPAL: the two unit directions (rows). */
    private final double[][] axes;
    private final double explained;

    private NeuronPlane(Mode mode, double[][] axes, double explained) {
        this.mode = mode;
        this.axes = axes;
        this.explained = explained;
    }

    /**
     * @param w             the neurons as rows, in the space the net sees
     * @param constantInput whether the last coordinate is the appended constant 1 (bias trick)
     */
    public static NeuronPlane fit(double[][] w, boolean constantInput) {
        int d = w[0].length;
        if (d <= 2) {
            return new NeuronPlane(Mode.WEIGHTS, null, 1);
        }
        if (constantInput && d == 3) {
            return new NeuronPlane(Mode.DIRECTION_AND_LENGTH, null, 1);
        }
        return principal(w);
    }

    /**
     * Any layer's units, by their incoming vectors (bias last, when the layer has one): for the first layer
     * of a net on the plane ({@code dataPlane}) with a bias, {@link Mode#DIRECTION_AND_LENGTH} (the direction
     * of the first two coordinates, the length of the whole vector); vectors of two coordinates as they are;
     * otherwise {@link Mode#PRINCIPAL}.
     */
    public static NeuronPlane forLayer(double[][] w, boolean dataPlane) {
        int d = w[0].length;
        if (dataPlane && d >= 3) {
            return new NeuronPlane(Mode.DIRECTION_AND_LENGTH, null, 1);
        }
        return d <= 2 ? new NeuronPlane(Mode.WEIGHTS, null, 1) : principal(w);
    }

    /**
     * The two leading eigenvectors of W^T W (uncentred). With fewer units than coordinates they come from the
     * smaller n x n matrix W W^T: an eigenvector u of it with eigenvalue l gives the axis W^T u / sqrt(l)
     * (a wide layer's 2 units of 2,001 weights need a 2 x 2 problem, not a 2,001 x 2,001 one).
     */
    private static NeuronPlane principal(double[][] w) {
        int n = w.length, d = w[0].length;
        boolean dual = n < d;
        int m = dual ? n : d;
        double[][] gram = new double[m][m];
        if (dual) {
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    gram[a][b] = Vectors.dot(w[a], w[b]);
                }
            }
        } else {
            for (double[] row : w) {
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        gram[a][b] += row[a] * row[b];
                    }
                }
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        RealMatrix g = MatrixUtils.createRealMatrix(gram);
        EigenDecomposition eig = new EigenDecomposition(g);
        double[] values = eig.getRealEigenvalues();
        int first = -1, second = -1;
        for (int i = 0; i < values.length; i++) {
            if (first < 0 || values[i] > values[first]) {
                second = first;
                first = i;
            } else if (second < 0 || values[i] > values[second]) {
                second = i;
            }
        }
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        double[][] axes = new double[2][];
        int[] picked = {first, second};
        for (int k = 0; k < 2; k++) {
            if (picked[k] < 0) {
                axes[k] = new double[d]; // a single unit: no second direction
            } else if (!dual) {
                axes[k] = eig.getEigenvector(picked[k]).toArray();
            } else {
                double[] u = eig.getEigenvector(picked[k]).toArray();
                double l = values[picked[k]];
                axes[k] = new double[d];
                if (l > 1e-12 * Math.max(total, 1e-300)) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < d; j++) {
                            axes[k][j] += w[i][j] * u[i];
                        }
                    }
                    double s = 1 / Math.sqrt(l);
                    for (int j = 0; j < d; j++) {
                        axes[k][j] *= s;
                    }
                }
            }
        }
        double kept = (first < 0 ? 0 : Math.max(0, values[first])) + (second < 0 ? 0 : Math.max(0, values[second]));
        return new NeuronPlane(Mode.PRINCIPAL, axes, total > 0 ? kept / total : 1);
    }

    public Mode mode() {
        return mode;
    }

    /** For PRINCIPAL: the share of the neurons' squared length the two directions hold (1 otherwise). */
    public double explained() {
        return explained;
    }

    public double[] place(double[] w) {
        return switch (mode) {
            case WEIGHTS -> new double[]{w[0], w.length > 1 ? w[1] : 0};
            case DIRECTION_AND_LENGTH -> {
                double in = Math.hypot(w[0], w[1]), len = NeuronClusters.norm(w);
                yield in == 0 ? new double[]{0, 0} : new double[]{w[0] / in * len, w[1] / in * len};
            }
            case PRINCIPAL -> new double[]{Vectors.dot(axes[0], w), Vectors.dot(axes[1], w)};
        };
    }

    /** Whether a circle of radius R around a placed mean is a faithful picture of the cluster. */
    public boolean keepsDistances() {
        return mode != Mode.DIRECTION_AND_LENGTH;
    }

    /** Axis labels for the view. */
    public String[] axisNames() {
        return switch (mode) {
            case WEIGHTS -> new String[]{"w\u2081", "w\u2082"};
            case DIRECTION_AND_LENGTH -> new String[]{"|w| cos \u03b8", "|w| sin \u03b8"};
            case PRINCIPAL -> new String[]{"PC 1", "PC 2"};
        };
    }
}
