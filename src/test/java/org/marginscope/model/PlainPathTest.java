package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The heap-array path for small nets against the general ND4J path. Where every product is small
 * enough for SmallGemm, the general path does the same sums in the same order, so the two must agree
 * bit for bit, in float64 and (rounded where the general path stores floats) in float32; beyond that,
 * OpenBLAS sums in its own order and the two agree to rounding. Finite differences on this path are in
 * GradientCheckTest.
 */
class PlainPathTest {
    private static final DataType[] TYPES = {DataType.DOUBLE, DataType.FLOAT};

    /** van den Berg's 2-1-2 net: one symmetric-sigmoid unit, a fixed linear output. */
    private static NetworkSpec vandenBerg() {
        return new NetworkSpec(2, false, List.of(
                LayerSpec.dense(1, Activation.symmetricSigmoid(1)),
                LayerSpec.output(2).withTrainable(false)));
    }

    private static List<NetworkSpec> smallNets() {
        return List.of(vandenBerg(),
                new NetworkSpec(3, false, List.of(LayerSpec.dense(4, Activation.RELU), LayerSpec.dense(3, Activation.TANH),
                        LayerSpec.output(1))),
                new NetworkSpec(2, true, List.of(LayerSpec.dense(3, Activation.leakyRelu(0.2)).withBias(false),
                        LayerSpec.dense(2, Activation.logisticWithGamma(2)), LayerSpec.output(3).withBias(false))),
                new NetworkSpec(2, false, List.of(LayerSpec.dense(2, Activation.SOFTPLUS), LayerSpec.dense(2, Activation.SQUARE),
                        LayerSpec.output(2))));
    }

    @Test
    void agreesBitForBitWithTheGeneralPathWhereItsProductsAreSmall() {
        for (NetworkSpec spec : smallNets()) {
            for (DataType t : TYPES) {
                int n = spec.layers().get(0).width() == 1 ? 3200 : 150;
                Pair p = new Pair(spec, t, 4);
                assertTrue(PlainPath.applies(p.in(), p.out(), n));
                double[] x = points(n, spec.inputDim(), 7);
                int[] y = labels(n, spec.outputWidth());
                String what = spec.layers().size() + " layers, " + t;
                assertArrayEquals(p.general.forward(x, n), p.plain.forward(x, n), what + ": logits");
                Loss loss = new Loss(LossKind.CROSS_ENTROPY, true);
                double[] grad = new double[n * spec.outputWidth()];
                loss.evaluate(p.plain.forward(x, n), n, spec.outputWidth(), y, grad);
                p.general.forward(x, n);
                boolean[] need = trainable(spec);
                p.general.backward(grad, need);
                p.plain.backward(grad, need);
                for (int k = 0; k < spec.layers().size(); k++) {
                    if (need[k]) {
                        assertArrayEquals(p.general.weightGradient(k), p.plain.weightGradient(k), what + ": dW" + (k + 1));
                        if (p.plain.biasGradient(k) != null) {
                            assertArrayEquals(p.general.biasGradient(k), p.plain.biasGradient(k), what + ": db" + (k + 1));
                        }
                    }
                    assertArrayEquals(p.general.layerOutput(x, n, k), p.plain.layerOutput(x, n, k), what + ": layer " + (k + 1));
                }
            }
        }
    }

    @Test
    void trainsTheSameWeightsStepForStep() {
        // 300 plain gradient steps of van den Berg's net: any rounding difference would compound
        for (DataType t : TYPES) {
            Pair p = new Pair(vandenBerg(), t, 11);
            int n = 3200;
            double[] x = points(n, 2, 3);
            int[] y = labels(n, 2);
            for (int s = 0; s < 300; s++) {
                step(p.general, x, y, n);
                step(p.plain, x, y, n);
            }
            assertArrayEquals(p.general.liveWeights(0), p.plain.liveWeights(0), t + ": weights after 300 steps");
            assertArrayEquals(p.general.liveBiases(0), p.plain.liveBiases(0), t + ": biases after 300 steps");
        }
    }

    @Test
    void agreesToRoundingWhereBlasDoesTheGeneralProducts() {
        // 40,000 rows: the general path's products go to OpenBLAS, which sums in its own order (and may
        // use fused multiply-adds): each logit is a sum of at most 4 terms (1e-15 relative); a gradient
        // sums 40,000 rows, so its error is bounded by ~40,000 ulps of the largest row term
        int n = 40_000;
        for (DataType t : TYPES) {
            NetworkSpec spec = new NetworkSpec(2, false, List.of(LayerSpec.dense(3, Activation.TANH), LayerSpec.output(2)));
            Pair p = new Pair(spec, t, 5);
            assertTrue(PlainPath.applies(p.in(), p.out(), n), "3 + 6 + 6 multiply-adds a row is tiny at any batch size");
            double[] x = points(n, 2, 9);
            double tol = t == DataType.DOUBLE ? 1e-13 : 1e-5;
            double[] a = p.general.forward(x, n), b = p.plain.forward(x, n);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], tol * Math.max(1, Math.abs(a[i])), t + ": logit " + i);
            }
            double[] grad = new double[a.length];
            new Loss(LossKind.CROSS_ENTROPY, false).evaluate(b, n, 2, labels(n, 2), grad);
            boolean[] need = {true, true};
            p.general.backward(grad, need);
            p.plain.backward(grad, need);
            for (int k = 0; k < 2; k++) {
                double[] ga = p.general.weightGradient(k), gb = p.plain.weightGradient(k);
                double scale = 0;
                for (double v : ga) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < ga.length; i++) {
                    assertEquals(ga[i], gb[i], (t == DataType.DOUBLE ? 1e-10 : 1e-3) * scale, t + ": dW" + (k + 1) + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void leavesWideLayersToNativeProducts() {
        int[] in = {3, 32, 32}, out = {32, 32, 1};
        assertFalse(PlainPath.applies(in, out, 400), "moon-small-net on 400 points: 409,600 multiply-adds in one product");
        assertTrue(PlainPath.applies(in, out, 8), "the same net on one small batch");
        assertTrue(PlainPath.applies(new int[] {2, 1}, new int[] {1, 2}, 1_000_000));
    }

    private static void step(Network net, double[] x, int[] y, int n) {
        double[] logits = net.forward(x, n, true);
        double[] grad = new double[logits.length];
        new Loss(LossKind.CROSS_ENTROPY, true).evaluate(logits, n, net.outputWidth(), y, grad);
        net.backward(grad, new boolean[] {true, false});
        for (int i = 0; i < net.liveWeights(0).length; i++) {
            net.liveWeights(0)[i] -= 0.05 * net.weightGradient(0)[i];
        }
        net.liveBiases(0)[0] -= 0.05 * net.biasGradient(0)[0];
        net.syncWeights();
    }

    /** The same network twice: one on the general path, one on the plain path. */
    private record Pair(Network general, Network plain) {
        Pair(NetworkSpec spec, DataType t, long seed) {
            this(new Network(spec, t, seed), new Network(spec, t, seed));
            general.setPlainPath(false);
            // biases off zero, so that they matter
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int k = 0; k < general.layers(); k++) {
                if (general.liveBiases(k) != null) {
                    for (int j = 0; j < general.liveBiases(k).length; j++) {
                        double v = rnd.nextDouble() - 0.5;
                        general.liveBiases(k)[j] = v;
                        plain.liveBiases(k)[j] = v;
                    }
                }
            }
            general.syncWeights();
            plain.syncWeights();
        }

        int[] in() {
            int[] r = new int[plain.layers()];
            for (int k = 0; k < r.length; k++) {
                r[k] = plain.inputs(k);
            }
            return r;
        }

        int[] out() {
            int[] r = new int[plain.layers()];
            for (int k = 0; k < r.length; k++) {
                r[k] = plain.units(k);
            }
            return r;
        }
    }

    private static boolean[] trainable(NetworkSpec spec) {
        boolean[] r = new boolean[spec.layers().size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = spec.layers().get(k).trainable();
        }
        return r;
    }

    private static double[] points(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * rnd.nextDouble() - 2;
        }
        return x;
    }

    private static int[] labels(int n, int width) {
        int classes = width == 1 ? 2 : width;
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7 + i / 3) % classes;
        }
        return y;
    }
}
