package org.marginscope.train;

import java.util.Arrays;
import java.util.List;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.NativeArrays;
import org.marginscope.model.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Poggio et al.'s ensembles stepped as one computation: seed copies of one read-out over fixed features
 * (every layer below the last fixed by the architecture and shared, plain full-batch GD on a linear one-logit
 * last layer without penalty or bound). The shared features F (n x h) once, the copies' read-outs stacked as
 * W (h x M), logits F W + b as one product, each copy's loss gradient G's column, the read-outs' gradients
 * F^T G as one product: the same arithmetic as M separate steps, in float64 whatever the run's dtype (a
 * float32 ensemble's copies come out at least as exact as one by one). Each copy's engine checks and
 * commits its own step ({@link TrainingEngine#readOutLoss}, {@link TrainingEngine#commitUpdate}).
 */
final class BatchedEnsemble {
    private INDArray features;
    private INDArray w;
    private INDArray logits;
    private INDArray g;
    private INDArray gw;
    /** The fixed layers and the data the features were computed from (recomputed when either changes). */
    private double[][] fixed;
    private double[] data;

    /** Whether these copies' steps are one batched computation. */
    static boolean applies(List<TrainingEngine> copies) {
        for (TrainingEngine e : copies) {
            if (!e.stepsAsPlainFullBatchGd()) {
                return false;
            }
        }
        TrainingEngine e0 = copies.get(0);
        Network n0 = e0.network();
        int last = n0.layers() - 1;
        if (last == 0 && e0.spec().appendConstantInput()) {
            return false; // the features would be the input with its constant 1: not worth a special case
        }
        for (int k = 0; k < last; k++) {
            if (e0.spec().layers().get(k).trainable()) {
                return false;
            }
            for (TrainingEngine e : copies) { // one set of features for all: the fixed layers must agree
                if (!Arrays.equals(e.network().liveWeights(k), n0.liveWeights(k))
                        || !Arrays.equals(e.network().liveBiases(k), n0.liveBiases(k))) {
                    return false;
                }
            }
        }
        LayerTraining lt = e0.config().layer(last);
        return n0.outputWidth() == 1 && !lt.frozen() && lt.l2() == 0 && lt.maxRowNorm() == 0
                && e0.spec().layers().get(last).activation().kind() == ActivationKind.LINEAR;
    }

    /** One GD step of every copy on (x, y); per copy null, or why its training stopped. */
    String[] step(List<TrainingEngine> copies, double[] x, int[] y) {
        int m = copies.size(), n = y.length;
        Network n0 = copies.get(0).network();
        int last = n0.layers() - 1, h = n0.inputs(last);
        prepare(n0, x, n, h, m);
        boolean bias = n0.liveBiases(last) != null;
        double[] stacked = new double[h * m];
        for (int c = 0; c < m; c++) {
            double[] wc = copies.get(c).network().liveWeights(last);
            for (int j = 0; j < h; j++) {
                stacked[j * m + c] = wc[j];
            }
        }
        w.data().setData(stacked);
        NativeArrays.gemm(features, w, logits, false, false);
        double[] f = logits.data().asDouble();
        double[] errors = new double[n * m];
        double[] column = new double[n], grad = new double[n];
        String[] stopped = new String[m];
        for (int c = 0; c < m; c++) {
            Network net = copies.get(c).network();
            double b = bias ? net.liveBiases(last)[0] : 0;
            for (int i = 0; i < n; i++) {
                column[i] = f[i * m + c] + b;
            }
            stopped[c] = copies.get(c).readOutLoss(column, grad);
            if (stopped[c] == null) {
                for (int i = 0; i < n; i++) {
                    errors[i * m + c] = grad[i];
                }
            }
        }
        g.data().setData(errors);
        NativeArrays.gemm(features, g, gw, true, false);
        double[] dw = gw.data().asDouble();
        for (int c = 0; c < m; c++) {
            if (stopped[c] != null) {
                continue;
            }
            TrainingEngine e = copies.get(c);
            double lr = e.config().learningRate();
            int col = c;
            stopped[c] = e.commitUpdate(net -> {
                double[] wc = net.liveWeights(last);
                for (int j = 0; j < h; j++) {
                    wc[j] -= lr * dw[j * m + col];
                }
                if (bias) {
                    double gb = 0;
                    for (int i = 0; i < n; i++) {
                        gb += errors[i * m + col];
                    }
                    net.liveBiases(last)[0] -= lr * gb;
                }
            });
        }
        return stopped;
    }

    /** The arrays, allocated once per shape; the features recomputed only when the fixed layers or the data change. */
    private void prepare(Network n0, double[] x, int n, int h, int m) {
        if (features == null || features.rows() != n || w.rows() != h || w.columns() != m) {
            features = NativeArrays.create(DataType.DOUBLE, n, h);
            w = NativeArrays.create(DataType.DOUBLE, h, m);
            logits = NativeArrays.create(DataType.DOUBLE, n, m);
            g = NativeArrays.create(DataType.DOUBLE, n, m);
            gw = NativeArrays.create(DataType.DOUBLE, h, m);
            fixed = null;
        }
        int last = n0.layers() - 1;
        double[][] now = new double[2 * last][];
        for (int k = 0; k < last; k++) {
            now[2 * k] = n0.liveWeights(k);
            now[2 * k + 1] = n0.liveBiases(k);
        }
        boolean same = fixed != null && data == x;
        for (int i = 0; same && i < now.length; i++) {
            same = Arrays.equals(now[i], fixed[i]);
        }
        if (!same) { // new data, a reset or a weight scaling: the features once more
            features.data().setData(last == 0 ? x : n0.layerOutput(x, n, last - 1));
            data = x;
            fixed = new double[now.length][];
            for (int i = 0; i < now.length; i++) {
                fixed[i] = now[i] == null ? null : now[i].clone();
            }
        }
    }
}
