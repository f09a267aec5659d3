package org.marginscope.analysis;

import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.data.Viewport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * van den Berg Sec 4 (Figs 10-12): for every point x of a grid over the plane, with its class c(x),
 * the largest absolute entry of d f(x) / d A_k for every layer k (f the per-sample loss), and the same
 * for the biases. c(x) is the dataset's ground truth where it has one, else the label of the nearest
 * training point. All points go through one batched backward pass ({@link Network#gradientPeaks}).
 */
public final class GradientField {
    /** How the class of each grid point was decided. */
    public enum LabelSource {
        GROUND_TRUTH("class from the dataset's ground truth"),
        NEAREST_POINT("class of the nearest training point (no ground truth)");

        private final String text;

        LabelSource(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * @param weight weight[k][cell]: max |df/dA_k| at grid cell (row-major from the bottom row, as
     *               {@link Viewport#points()}); NaN where the point has no class
     * @param bias   the same for the biases of layer k (all 0 for a layer without bias)
     */
    public record Result(Viewport viewport, double gamma, double[][] weight, double[][] bias, LabelSource labels) {
        public int layers() {
            return weight.length;
        }

        /** The largest finite value of a layer's weight field (0 if none). */
        public double max(double[] field) {
            double m = 0;
            for (double v : field) {
                if (v > m) {
                    m = v;
                }
            }
            return m;
        }

        /** Share of the classified cells where the field exceeds the given fraction of its own maximum. */
        public double shareAbove(double[] field, double fraction) {
            double limit = fraction * max(field);
            int above = 0, counted = 0;
            for (double v : field) {
                if (!Double.isNaN(v)) {
                    counted++;
                    above += v > limit ? 1 : 0;
                }
            }
            return counted == 0 ? 0 : above / (double) counted;
        }
    }

    private GradientField() {
    }

    /**
     * @param gamma multiplies every weight and bias first (Fig 12); 1 leaves the net as trained
     */
    public static Result compute(NetworkSpec spec, Parameters p, Loss loss, Dataset data, Viewport vp, double gamma) {
        if (spec.inputDim() != 2) {
            throw new IllegalArgumentException("gradient fields are drawn over the plane: the net needs 2 inputs");
        }
        Parameters q = gamma == 1 ? p : p.scaled(gamma);
        Network net = new Network(spec, DataType.DOUBLE, q);
        double[] xy = vp.points();
        int n = xy.length / 2;
        LabelSource source = data.groundTruth().isPresent() ? LabelSource.GROUND_TRUTH : LabelSource.NEAREST_POINT;
        int[] cls = labels(data, xy, n);
        int kept = 0;
        for (int c : cls) {
            kept += c >= 0 ? 1 : 0;
        }
        double[] x = new double[2 * kept];
        int[] y = new int[kept];
        int[] at = new int[kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (cls[i] >= 0) {
                x[2 * j] = xy[2 * i];
                x[2 * j + 1] = xy[2 * i + 1];
                y[j] = cls[i];
                at[j++] = i;
            }
        }
        int layers = spec.layers().size();
        double[][] w = new double[layers][n], b = new double[layers][n];
        for (int k = 0; k < layers; k++) {
            java.util.Arrays.fill(w[k], Double.NaN);
            java.util.Arrays.fill(b[k], Double.NaN);
        }
        if (kept > 0) {
            double[] logits = net.logits(x, kept);
            int width = net.outputWidth();
            double[] grad = new double[logits.length];
            new Loss(loss.kind(), false).evaluate(logits, kept, width, y, grad);
            Network.GradientPeaks peaks = net.gradientPeaks(x, kept, grad);
            for (int k = 0; k < layers; k++) {
                for (int j = 0; j < kept; j++) {
                    w[k][at[j]] = peaks.weight()[k][j];
                    b[k][at[j]] = peaks.bias()[k][j];
                }
            }
        }
        return new Result(vp, gamma, w, b, source);
    }

    /** c(x) for every grid point: the ground truth, else the nearest training point's label (-1: none). */
    static int[] labels(Dataset data, double[] xy, int n) {
        int[] c = new int[n];
        var truth = data.groundTruth();
        if (truth.isPresent()) {
            for (int i = 0; i < n; i++) {
                c[i] = truth.get().classOf(xy[2 * i], xy[2 * i + 1]);
            }
            return c;
        }
        double[] tx = data.trainX();
        int[] ty = data.trainY();
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            int label = -1;
            for (int j = 0; j < ty.length; j++) {
                double dx = tx[2 * j] - xy[2 * i], dy = tx[2 * j + 1] - xy[2 * i + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 < best) {
                    best = d2;
                    label = ty[j];
                }
            }
            c[i] = label;
        }
        return c;
    }
}
