package org.marginscope.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise passes of a dense layer, written as plain loops over the arrays' off-heap memory.
 * ND4J's element-wise ops allocate or make extra passes over the 5000x2000 buffers of Li's net; one
 * fused loop (bias add + activation, or activation derivative + bias-gradient column sums) touches
 * each element once (see shared/notes/nd4j-speed.md). All arrays must be fresh, contiguous, row-major.
 */
final class ActivationKernels {
    private ActivationKernels() {
    }

    /** z += bias (broadcast over rows, when bias is not null), then h = f(z). h may be z itself. */
    static void forward(Activation a, INDArray z, double[] bias, INDArray h) {
        int rows = (int) z.rows(), cols = (int) z.columns();
        if (z.dataType() == DataType.FLOAT) {
            forwardF(a, floats(z), bias, floats(h), rows, cols, z == h);
        } else {
            forwardD(a, doubles(z), bias, doubles(h), rows, cols, z == h);
        }
        writtenOnHost(z);
        writtenOnHost(h);
    }

    /**
     * g = g * f'(z) in place (g holds dLoss/dh on entry and dLoss/dz on exit); when biasGrad is not
     * null it receives the column sums of the result.
     */
    static void backward(Activation a, INDArray z, INDArray g, double[] biasGrad) {
        int rows = (int) z.rows(), cols = (int) z.columns();
        if (biasGrad != null) {
            java.util.Arrays.fill(biasGrad, 0);
        }
        if (z.dataType() == DataType.FLOAT) {
            backwardF(a, floats(z), floats(g), biasGrad, rows, cols);
        } else {
            backwardD(a, doubles(z), doubles(g), biasGrad, rows, cols);
        }
        writtenOnHost(g);
    }

    static FloatBuffer floats(INDArray a) {
        checkDense(a);
        onHost(a);
        return a.data().asNioFloat();
    }

    static DoubleBuffer doubles(INDArray a) {
        checkDense(a);
        onHost(a);
        return a.data().asNioDouble();
    }

    /**
     * The loops read and write host memory. On the CUDA backend an array may be newer on the
     * device: bring it to the host first, and mark it host-modified after writing so ND4J copies it
     * back before the next device op. Both are no-ops on the CPU backend.
     */
    private static void onHost(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
    }

    static void writtenOnHost(INDArray a) {
        Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
    }

    private static void checkDense(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.offset() != 0) {
            throw new IllegalArgumentException("kernel needs a fresh row-major array");
        }
    }

    /** The slope of a piecewise-linear activation left of 0 (1 for linear, 0 for ReLU, alpha for leaky). */
    static double negSlope(Activation a) {
        switch (a.kind()) {
            case LINEAR:
                return 1;
            case RELU:
                return 0;
            default:
                return a.param();
        }
    }

    private static void forwardF(Activation a, FloatBuffer z, double[] bias, FloatBuffer h, int rows, int cols,
                                 boolean inPlace) {
        float[] b = toFloat(bias, cols);
        boolean pl = a.isPiecewiseLinearThroughZero();
        float neg = (float) (pl ? negSlope(a) : 0);
        boolean identity = a.kind() == ActivationKind.LINEAR;
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                float v = z.get(o) + b[j];
                if (bias != null) {
                    z.put(o, v);
                }
                if (identity) {
                    if (!inPlace) {
                        h.put(o, v);
                    }
                } else if (pl) {
                    h.put(o, v > 0 ? v : neg * v);
                } else {
                    h.put(o, (float) a.apply(v));
                }
            }
        }
    }

    private static void forwardD(Activation a, DoubleBuffer z, double[] bias, DoubleBuffer h, int rows, int cols,
                                 boolean inPlace) {
        double[] b = bias == null ? new double[cols] : bias;
        double c = Transcendentals.tanhScale(a);
        if (!Double.isNaN(c)) { // the tanh family over the whole array at once, as PlainPath does
            double[] v = new double[rows * cols];
            z.get(0, v);
            for (int i = 0, o = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, o++) {
                    v[o] += b[j];
                }
            }
            if (bias != null) {
                z.put(0, v);
            }
            Transcendentals.tanh(v, v.length, c, v);
            h.put(0, v);
            return;
        }
        boolean pl = a.isPiecewiseLinearThroughZero();
        double neg = pl ? negSlope(a) : 0;
        boolean identity = a.kind() == ActivationKind.LINEAR;
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                double v = z.get(o) + b[j];
                if (bias != null) {
                    z.put(o, v);
                }
                if (identity) {
                    if (!inPlace) {
                        h.put(o, v);
                    }
                } else if (pl) {
                    h.put(o, v > 0 ? v : neg * v);
                } else {
                    h.put(o, a.apply(v));
                }
            }
        }
    }

    private static void backwardF(Activation a, FloatBuffer z, FloatBuffer g, double[] colSum, int rows, int cols) {
        boolean pl = a.isPiecewiseLinearThroughZero();
        float neg = (float) (pl ? negSlope(a) : 0);
        boolean identity = a.kind() == ActivationKind.LINEAR;
        float[] sum = colSum == null ? null : new float[cols];
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                float v = g.get(o);
                if (!identity) {
                    float zz = z.get(o);
                    v *= pl ? (zz > 0 ? 1f : neg) : (float) a.derivative(zz);
                    g.put(o, v);
                }
                if (sum != null) {
                    sum[j] += v;
                }
            }
        }
        if (sum != null) {
            for (int j = 0; j < cols; j++) {
                colSum[j] = sum[j];
            }
        }
    }

    private static void backwardD(Activation a, DoubleBuffer z, DoubleBuffer g, double[] colSum, int rows, int cols) {
        double c = Transcendentals.tanhScale(a);
        if (!Double.isNaN(c)) { // f'(z) = c (1 - tanh(c z)^2) (Activation.derivative), the tanh as in forwardD
            double[] t = new double[rows * cols];
            z.get(0, t);
            Transcendentals.tanh(t, t.length, c, t);
            for (int i = 0, o = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++, o++) {
                    double v = g.get(o) * (c * (1 - t[o] * t[o]));
                    g.put(o, v);
                    if (colSum != null) {
                        colSum[j] += v;
                    }
                }
            }
            return;
        }
        boolean pl = a.isPiecewiseLinearThroughZero();
        double neg = pl ? negSlope(a) : 0;
        boolean identity = a.kind() == ActivationKind.LINEAR;
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                double v = g.get(o);
                if (!identity) {
                    double zz = z.get(o);
                    v *= pl ? (zz > 0 ? 1 : neg) : a.derivative(zz);
                    g.put(o, v);
                }
                if (colSum != null) {
                    colSum[j] += v;
                }
            }
        }
    }

    private static float[] toFloat(double[] v, int n) {
        float[] f = new float[n];
        if (v != null) {
            for (int i = 0; i < n; i++) {
                f[i] = (float) v[i];
            }
        }
        return f;
    }
}
