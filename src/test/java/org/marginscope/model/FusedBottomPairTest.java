package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The fused bottom-pair kernel and the general ND4J path must compute the same logits and gradients. */
class FusedBottomPairTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("li 2-2000-2-1 relu", NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2)),
                Arguments.of("2-100-3-3 tanh", NetworkSpec.mlp(2, 3, Activation.TANH, 100, 3)),
                Arguments.of("sarussi appended one", NetworkSpec.sarussi(2, 40, 0.2, 1.0, true)),
                Arguments.of("no bias, sym sigmoid, 3 layers", new NetworkSpec(3, false, List.of(
                        LayerSpec.dense(80, Activation.symmetricSigmoid(2)).withBias(false),
                        LayerSpec.dense(4, Activation.leakyRelu(0.1)),
                        LayerSpec.dense(5, Activation.RELU),
                        LayerSpec.output(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void fusedAgreesWithGeneralPath(String name, NetworkSpec spec) {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tol = type == DataType.DOUBLE ? 1e-9 : 2e-4;
            Network fused = new Network(spec, type, 3);
            Network general = new Network(spec, type, fused.parameters());
            general.setFusedKernel(false);
            assertTrue(fused.usesFusedKernel(), "the shape should take the fused path");
            assertFalse(general.usesFusedKernel());
            SplittableRandom rnd = new SplittableRandom(5);
            int n = 301, d = spec.inputDim(), k = spec.outputWidth();
            double[] x = new double[n * d];
            int[] y = new int[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = 4 * rnd.nextDouble() - 2;
            }
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(spec.classes());
            }
            double[] a = fused.forward(x, n);
            double[] b = general.forward(x, n);
            assertClose(b, a, tol, name + " logits " + type);
            assertClose(b, fused.logits(x, n), tol, name + " inference logits " + type);
            Loss loss = new Loss(LossKind.CROSS_ENTROPY, true);
            double[] ga = new double[n * k], gb = new double[n * k];
            loss.evaluate(a, n, k, y, ga);
            loss.evaluate(b, n, k, y, gb);
            boolean[] all = new boolean[spec.layers().size()];
            java.util.Arrays.fill(all, true);
            fused.backward(ga, all);
            general.backward(gb, all);
            for (int l = 0; l < all.length; l++) {
                assertClose(general.weightGradient(l), fused.weightGradient(l), tol, name + " dW" + (l + 1) + " " + type);
                if (general.biasGradient(l) != null) {
                    assertClose(general.biasGradient(l), fused.biasGradient(l), tol, name + " db" + (l + 1) + " " + type);
                }
            }
        }
    }

    /** Training only some layers (Li Fig 3, Sarussi's fixed output, van den Berg's layer 1) takes partial paths. */
    @org.junit.jupiter.api.Test
    void partialGradientsMatchTheGeneralPath() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 300, 2);
        boolean[][] needs = {{false, false, true}, {false, true, true}, {true, false, false}, {false, true, false}};
        for (boolean[] need : needs) {
            Network fused = new Network(spec, DataType.DOUBLE, 8);
            Network general = new Network(spec, DataType.DOUBLE, fused.parameters());
            general.setFusedKernel(false);
            SplittableRandom rnd = new SplittableRandom(2);
            int n = 50;
            double[] x = new double[2 * n], g = new double[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() * 2 - 1;
            }
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextDouble() - 0.5;
            }
            fused.forward(x, n);
            general.forward(x, n);
            fused.backward(g, need);
            general.backward(g, need);
            for (int l = 0; l < need.length; l++) {
                if (need[l]) {
                    assertClose(general.weightGradient(l), fused.weightGradient(l), 1e-9,
                            "dW" + (l + 1) + " with need " + java.util.Arrays.toString(need));
                }
            }
        }
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + ": all zero, comparison would be vacuous");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, scale), what + "[" + i + "]");
        }
    }
}
