package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Central finite differences (float64) against the analytic backward pass, for every activation, loss and layer kind. */
class GradientCheckTest {
    private static final double H = 1e-6;

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        Activation[] acts = {Activation.LINEAR, Activation.RELU, Activation.leakyRelu(0.2), Activation.symmetricSigmoid(3),
            Activation.logisticWithGamma(2), Activation.TANH, Activation.SQUARE, Activation.SOFTPLUS};
        for (Activation a : acts) {
            for (LossKind l : LossKind.values()) {
                cases.add(Arguments.of(a, l, 1));
                if (l != LossKind.DIFFERENTIAL) {
                    cases.add(Arguments.of(a, l, 3));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} K={2}")
    @MethodSource("activationsAndLosses")
    void backwardMatchesFiniteDifferences(Activation act, LossKind lossKind, int logits) {
        NetworkSpec spec = new NetworkSpec(3, false, List.of(
                LayerSpec.dense(5, act),
                LayerSpec.dense(4, act),
                LayerSpec.output(logits)));
        checkSpec(spec, new Loss(lossKind, true), logits == 1 ? 2 : logits, 11L);
    }

    @Test
    void layersWithoutBiasFrozenLayersAndAppendedConstant() {
        NetworkSpec spec = new NetworkSpec(2, true, List.of(
                LayerSpec.dense(6, Activation.leakyRelu(0.1)).withBias(false),
                LayerSpec.dense(3, Activation.symmetricSigmoid(3)).withTrainable(false),
                LayerSpec.output(1).withBias(false)));
        checkSpec(spec, new Loss(LossKind.CROSS_ENTROPY, false), 2, 5L);
    }

    @Test
    void fusedWideBottomLayer() {
        NetworkSpec spec = new NetworkSpec(2, false, List.of(
                LayerSpec.dense(70, Activation.TANH),
                LayerSpec.dense(3, Activation.leakyRelu(0.3)),
                LayerSpec.output(1)));
        assertTrue(new Network(spec, DataType.DOUBLE, 1).usesFusedKernel());
        checkSpec(spec, new Loss(LossKind.EXPONENTIAL, true), 2, 21L);
    }

    @Test
    void sarussiArchitecture() {
        checkSpec(NetworkSpec.sarussi(2, 4, 0.3, 0.5, true), new Loss(LossKind.CROSS_ENTROPY, true), 2, 9L);
    }

    /** On the heap-array path for small nets (the default for these sizes) and on the general ND4J path. */
    private static void checkSpec(NetworkSpec spec, Loss loss, int classes, long seed) {
        checkSpec(spec, loss, classes, seed, true);
        checkSpec(spec, loss, classes, seed, false);
    }

    private static void checkSpec(NetworkSpec spec, Loss loss, int classes, long seed, boolean plain) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 9, d = spec.inputDim(), k = spec.outputWidth();
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        Network net = new Network(spec, DataType.DOUBLE, seed);
        net.setPlainPath(plain);
        // Move biases off zero so that they matter in the check.
        for (int l = 0; l < net.layers(); l++) {
            if (net.liveBiases(l) != null) {
                for (int j = 0; j < net.liveBiases(l).length; j++) {
                    net.liveBiases(l)[j] = 0.3 * (2 * rnd.nextDouble() - 1);
                }
            }
        }
        net.syncWeights();
        boolean[] need = new boolean[net.layers()];
        for (int l = 0; l < need.length; l++) {
            need[l] = true;
        }
        double[] out = net.forward(x, n);
        double[] grad = new double[n * k];
        loss.evaluate(out, n, k, y, grad);
        net.backward(grad, need);
        int checked = 0;
        for (int l = 0; l < net.layers(); l++) {
            checked += compare(net, l, net.liveWeights(l), net.weightGradient(l).clone(), x, n, k, y, loss, "W" + (l + 1));
            if (net.liveBiases(l) != null) {
                checked += compare(net, l, net.liveBiases(l), net.biasGradient(l).clone(), x, n, k, y, loss, "b" + (l + 1));
            }
        }
        assertTrue(checked > 10, "too few parameters checked: " + checked);
        double largest = 0;
        for (int l = 0; l < net.layers(); l++) {
            for (double g : net.weightGradient(l)) {
                largest = Math.max(largest, Math.abs(g));
            }
        }
        assertTrue(largest > 1e-4, "gradients vanish, the check would be vacuous: " + largest);
    }

    private static int compare(Network net, int layer, double[] param, double[] analytic, double[] x, int n, int k,
                               int[] y, Loss loss, String what) {
        for (int i = 0; i < param.length; i++) {
            double orig = param[i];
            param[i] = orig + H;
            net.syncWeights();
            double up = loss.evaluate(net.forward(x, n), n, k, y, null);
            param[i] = orig - H;
            net.syncWeights();
            double down = loss.evaluate(net.forward(x, n), n, k, y, null);
            param[i] = orig;
            net.syncWeights();
            double numeric = (up - down) / (2 * H);
            double tol = 1e-6 + 1e-5 * Math.abs(numeric);
            assertEquals(numeric, analytic[i], tol, what + "[" + i + "] of layer " + (layer + 1));
        }
        return param.length;
    }
}
