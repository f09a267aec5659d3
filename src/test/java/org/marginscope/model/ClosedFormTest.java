package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Activations, losses and the forward pass against values computed by hand. */
class ClosedFormTest {
    @Test
    void symmetricSigmoidIsVandenBergsFormula() {
        Activation s3 = Activation.symmetricSigmoid(3);
        for (double x : new double[] {-2, -0.3, 0, 0.7, 4}) {
            assertEquals(2 / (1 + Math.exp(-3 * x)) - 1, s3.apply(x), 1e-14);
            assertEquals(1.5 * (1 - Math.pow(s3.apply(x), 2)), s3.derivative(x), 1e-14);
        }
        assertEquals(1 / (1 + Math.exp(-1.0)), Activation.logisticWithGamma(2).apply(0.5), 1e-15);
        assertEquals(0.2 * -3, Activation.leakyRelu(0.2).apply(-3), 1e-15);
        assertEquals(9, Activation.SQUARE.apply(-3));
        assertEquals(Math.log(2), Activation.SOFTPLUS.apply(0), 1e-15);
        assertEquals(1000, Activation.SOFTPLUS.apply(1000), 1e-12, "softplus is stable for large inputs");
    }

    @Test
    void lossesAtKnownPoints() {
        int[] y = {1, 0};
        double[] f = {0, 2};
        assertEquals(Math.log(2) / 2 + Math.log1p(Math.exp(2)) / 2,
                new Loss(LossKind.CROSS_ENTROPY, true).evaluate(f, 2, 1, y, null), 1e-14);
        assertEquals(1 + Math.exp(2), new Loss(LossKind.EXPONENTIAL, false).evaluate(f, 2, 1, y, null), 1e-12);
        assertEquals(0.5 * 1 + 0.5 * 9, new Loss(LossKind.SQUARE, false).evaluate(f, 2, 1, y, null), 1e-14);
        assertEquals(1 + 3, new Loss(LossKind.HINGE, false).evaluate(f, 2, 1, y, null), 1e-14);
        // one pair (A = point 0, B = point 1): log(1 + exp(-(0 - 2)))
        assertEquals(Math.log1p(Math.exp(2)), new Loss(LossKind.DIFFERENTIAL, true).evaluate(f, 2, 1, y, null), 1e-14);
        // softmax cross-entropy of logits (1,2,3) for class 0
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(lse - 1, new Loss(LossKind.CROSS_ENTROPY, true).evaluate(new double[] {1, 2, 3}, 1, 3,
                new int[] {0}, null), 1e-14);
        assertEquals(1 + 3 - 1, new Loss(LossKind.HINGE, true).evaluate(new double[] {1, 2, 3}, 1, 3,
                new int[] {0}, null), 1e-14);
        assertTrue(Double.isFinite(new Loss(LossKind.CROSS_ENTROPY, true).evaluate(new double[] {-1e4}, 1, 1,
                new int[] {1}, null)), "stable for huge margins");
    }

    /** The exp-based tanh against the JDK's (fdlibm) tanh: relative error below 1e-14 everywhere. */
    @Test
    void tanhFromExpAgreesWithTheJdk() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double y = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -4 + 6.5 * rnd.nextDouble());
            double rel = Math.abs(StableMath.tanh(y) - Math.tanh(y)) / Math.abs(Math.tanh(y));
            worst = Math.max(worst, rel);
        }
        assertTrue(worst < 1e-14, "worst relative error " + worst);
        for (double y : new double[] {StableMath.TANH_SMALL, -StableMath.TANH_SMALL, 0.0100000001, 20, -20, 400}) {
            assertEquals(Math.tanh(y), StableMath.tanh(y), 1e-14 * Math.abs(Math.tanh(y)), "at " + y);
        }
        assertEquals(1.0, StableMath.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, StableMath.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(StableMath.tanh(Double.NaN)));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(StableMath.tanh(-0.0)));
    }

    /** Two-class softmax: loss log(1 + e^-(f_y - f_o)), gradient (p - onehot), p the logistic of the difference. */
    @Test
    void twoClassSoftmaxIsTheLogisticOfTheDifference() {
        double[][] cases = {{0.3, -1.2}, {-2, 5}, {40, -40}, {-700, 30}, {1e-3, 1e-3}, {12, 12.5}};
        Loss ce = new Loss(LossKind.CROSS_ENTROPY, false);
        for (double[] f : cases) {
            for (int c = 0; c < 2; c++) {
                double[] g = new double[2];
                double l = ce.evaluate(f, 1, 2, new int[] {c}, g);
                double m = f[c] - f[1 - c];
                double expected = m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
                assertEquals(expected, l, 1e-13 * Math.max(1, Math.abs(expected)), "loss " + f[0] + "," + f[1]);
                double pOther = 1 / (1 + Math.exp(m)); // probability of the other class
                assertEquals(-pOther, g[c], 1e-15 + 1e-13 * pOther, "gradient of the true class");
                assertEquals(pOther, g[1 - c], 1e-15 + 1e-13 * pOther, "gradient of the other class");
            }
        }
    }

    @Test
    void narBiasPutsTheBoundaryHalfwayBetweenTheClasses() {
        double[] f = {5, 7, 1, -2};
        int[] y = {1, 1, 0, 0};
        assertEquals(-(5 + 1) / 2.0, Loss.differentialBias(f, 4, y));
        assertEquals(1, Loss.predict(f, 0, 1, -3));
        assertEquals(0, Loss.predict(f, 2, 1, -3));
    }

    @Test
    void forwardPassOfAHandComputedNet() {
        // x -> tanh(x W1 + b1) -> linear
        NetworkSpec spec = new NetworkSpec(2, false, List.of(
                LayerSpec.dense(2, Activation.TANH).withWeights(new double[][] {{1, -1}, {0.5, 2}}, new double[] {0.1, -0.2}),
                LayerSpec.output(1).withWeights(new double[][] {{3}, {-1}}, new double[] {0.5})));
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Network net = new Network(spec, t, 1);
            double[] x = {0.3, -0.7, 2, 1};
            double[] out = net.forward(x, 2);
            for (int i = 0; i < 2; i++) {
                double h0 = Math.tanh(x[2 * i] + 0.5 * x[2 * i + 1] + 0.1);
                double h1 = Math.tanh(-x[2 * i] + 2 * x[2 * i + 1] - 0.2);
                assertEquals(3 * h0 - h1 + 0.5, out[i], t == DataType.DOUBLE ? 1e-14 : 1e-6);
                assertEquals(h1, net.layerOutput(x, 2, 0)[2 * i + 1], t == DataType.DOUBLE ? 1e-14 : 1e-6);
            }
            assertArrayEquals(out, net.logits(x, 2), 1e-12, "training forward and inference agree");
        }
    }

    @Test
    void inferenceBetweenForwardAndBackwardDoesNotDisturbTheGradients() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 100, 2);
        Network a = new Network(spec, DataType.DOUBLE, 4);
        Network b = new Network(spec, DataType.DOUBLE, a.parameters());
        double[] x = new double[40], other = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = Math.sin(i);
            other[i] = Math.cos(3 * i);
        }
        double[] g = new double[20];
        java.util.Arrays.fill(g, 0.1);
        boolean[] all = {true, true, true};
        a.forward(x, 20);
        a.backward(g, all);
        b.forward(x, 20);
        b.logits(other, 20);
        b.layerOutput(other, 20, 1);
        b.backward(g, all);
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(a.weightGradient(l), b.weightGradient(l), 1e-15);
        }
    }

    @Test
    void specSerialisesToJsonAndBack() throws Exception {
        ObjectMapper m = new ObjectMapper();
        NetworkSpec s = NetworkSpec.sarussi(2, 3, 0.1, 1e-3, true);
        NetworkSpec back = m.readValue(m.writeValueAsString(s), NetworkSpec.class);
        assertEquals(s.toString(), back.toString());
        assertEquals(s.appendConstantInput(), back.appendConstantInput());
        assertEquals(s.layers().get(0).activation(), back.layers().get(0).activation());
        assertArrayEquals(s.layers().get(1).weights()[5], back.layers().get(1).weights()[5]);
        assertEquals(false, back.layers().get(1).trainable());
        assertThrows(Exception.class, () -> m.readValue("{\"inputDim\":2,\"layers\":[{\"width\":0}]}", NetworkSpec.class));
    }
}
