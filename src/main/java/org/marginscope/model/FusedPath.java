package org.marginscope.model;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The path of nets whose bottom pair is narrow -> wide -> narrow (Li's 2 -> 2000 -> 2): that pair through
 * {@link FusedBottomPair} (its vector kernel where the JDK has one), the wide activations never stored; the
 * layers above it on the general path's buffers.
 */
final class FusedPath {
    private final Nd4jPath general;
    private final NetworkSpec spec;
    private final DataType dtype;
    private final int layers;
    private final int[] out;
    private final Activation[] act;
    private final double[][] w;
    private final double[][] b;
    private final double[][] gw;
    private final double[][] gb;
    private FusedBottomPair.Input lastInput;
    private Nd4jPath.Buffers last;

    FusedPath(Nd4jPath general, NetworkSpec spec, DataType dtype, int[] out, Activation[] act, double[][] w,
              double[][] b, double[][] gw, double[][] gb) {
        this.general = general;
        this.spec = spec;
        this.dtype = dtype;
        this.layers = out.length;
        this.out = out;
        this.act = act;
        this.w = w;
        this.b = b;
        this.gw = gw;
        this.gb = gb;
    }

    /** Backward will not follow a forward of this path. */
    void forget() {
        last = null;
    }

    /** The logits of a training batch; the activations from the second layer up stay for {@link #backward}. */
    double[] forward(double[] x, int n) {
        Nd4jPath.Buffers buf = general.buffers(n, true, false);
        lastInput = new FusedBottomPair.Input(x, n, spec.inputDim(), spec.appendConstantInput());
        pair(lastInput, buf);
        general.runForward(buf, 2, layers);
        last = buf;
        return Nd4jPath.read(buf.h[layers - 1], n * out[layers - 1]);
    }

    /** Network.backward on the last forward of this path: the upper layers, then the pair in one kernel. */
    void backward(double[] dLogits, boolean[] needGrad) {
        if (last == null) {
            throw new IllegalStateException("backward before forward");
        }
        int lowest = Network.lowestNeeded(needGrad);
        if (lowest < 0) {
            return;
        }
        general.backwardLayers(last, dLogits, needGrad, lowest, 2);
        if (lowest > 1) {
            return;
        }
        ActivationKernels.backward(act[1], last.z[1], last.g[1], needGrad[1] ? gb[1] : null);
        double[] g2 = Nd4jPath.read(last.g[1], last.n * out[1]);
        double[] gw1 = needGrad[0] ? gw[0] : new double[gw[0].length];
        double[] gb1 = needGrad[0] ? gb[0] : null;
        double[] gw2 = needGrad[1] ? gw[1] : new double[gw[1].length];
        FusedBottomPair.backward(lastInput, w[0], b[0], act[0], out[0], w[1], out[1], g2, gw1, gb1, gw2,
                dtype == DataType.FLOAT);
    }

    /** Layer {@code layer} (>= 1)'s output for m points of src (a plain m x inputDim array), written at result[offset..]. */
    void layerOutputInto(double[] src, int m, int layer, double[] result, int offset) {
        Nd4jPath.Buffers buf = general.buffers(m, true, true);
        pair(new FusedBottomPair.Input(src, m, spec.inputDim(), spec.appendConstantInput()), buf);
        general.runForward(buf, 2, layer + 1);
        Nd4jPath.readInto(buf.h[layer], result, offset, m * out[layer]);
    }

    /** The pair's output, z and h of the second layer, in the network's precision. */
    private void pair(FusedBottomPair.Input input, Nd4jPath.Buffers buf) {
        double[] z2 = new double[input.n() * out[1]];
        if (dtype == DataType.FLOAT) {
            FusedBottomPair.forwardFloat(input, w[0], b[0], act[0], out[0], w[1], out[1], z2);
        } else {
            FusedBottomPair.forward(input, w[0], b[0], act[0], out[0], w[1], out[1], z2);
        }
        Nd4jPath.put(buf.z[1], z2);
        ActivationKernels.forward(act[1], buf.z[1], b[1], buf.h[1]);
    }
}
