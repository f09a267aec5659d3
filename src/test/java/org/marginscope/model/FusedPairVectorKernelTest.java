package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Vector API kernel against the scalar loops and the general ND4J path, and its promise that a
 * result depends neither on the vector width nor on the thread count (each lane is one row in
 * forward, one unit in backward, added in index order; scalar tails compute what a lane does).
 * The surefire JVM runs with --add-modules jdk.incubator.vector, so the kernel is on here.
 */
class FusedPairVectorKernelTest {

    @BeforeAll
    static void vectorApiPresent() {
        Simd.setEnabled(true);
        assertTrue(Simd.enabled(), "the tests run with --add-modules jdk.incubator.vector (pom.xml's argLine)");
    }

    @AfterEach
    void restore() {
        Simd.setEnabled(true);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("2-2000-2-1 relu", NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2), 1003),
                Arguments.of("2-37-1 leaky 0.1 (tail units)", new NetworkSpec(2, false, List.of(
                        LayerSpec.dense(37 + 64, Activation.leakyRelu(0.1)), LayerSpec.dense(1, Activation.RELU),
                        LayerSpec.output(1))), 77),
                Arguments.of("3 inputs, linear, 2 narrow", new NetworkSpec(3, false, List.of(
                        LayerSpec.dense(130, Activation.LINEAR), LayerSpec.dense(2, Activation.RELU),
                        LayerSpec.output(2))), 300),
                Arguments.of("sarussi appended one, no bias", NetworkSpec.sarussi(2, 70, 0.2, 1.0, true), 257),
                Arguments.of("1 input", new NetworkSpec(1, false, List.of(
                        LayerSpec.dense(90, Activation.RELU), LayerSpec.dense(2, Activation.leakyRelu(0.2)),
                        LayerSpec.output(1))), 65));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void vectorKernelAgreesWithScalarLoopsAndGeneralPath(String name, NetworkSpec spec, int n) {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            // float: sums of up to 256 rows in float, each term ~1e-7 relative: 2e-4 of the largest entry is
            // loose enough for rounding and tight enough to catch a wrong term (a missed row moves an entry by
            // ~1/n = 1e-3 of the scale).
            double tol = type == DataType.DOUBLE ? 1e-10 : 2e-4;
            Network vec = new Network(spec, type, 11);
            SplittableRandom rnd = new SplittableRandom(3);
            double[] x = new double[n * spec.inputDim()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 * rnd.nextDouble() - 1.5;
            }
            double[] g = new double[n * spec.outputWidth()];
            for (int i = 0; i < g.length; i++) {
                g[i] = rnd.nextDouble() - 0.5;
            }
            Result v = run(vec, x, n, g);
            Simd.setEnabled(false);
            Result s = run(new Network(spec, type, vec.parameters()), x, n, g);
            Network general = new Network(spec, type, vec.parameters());
            general.setFusedKernel(false);
            Result ref = run(general, x, n, g);
            Simd.setEnabled(true);
            for (Result other : new Result[] {s, ref}) {
                FusedBottomPairTest.assertClose(other.logits, v.logits, tol, name + " logits " + type);
                for (int l = 0; l < v.dw.length; l++) {
                    FusedBottomPairTest.assertClose(other.dw[l], v.dw[l], tol, name + " dW" + (l + 1) + " " + type);
                    if (other.db[l] != null) {
                        FusedBottomPairTest.assertClose(other.db[l], v.db[l], tol, name + " db" + (l + 1) + " " + type);
                    }
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Network net = new Network(spec, type, 5);
            int n = 999;
            SplittableRandom rnd = new SplittableRandom(8);
            double[] x = new double[2 * n], g = new double[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() * 4 - 2;
            }
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextDouble() - 0.5;
            }
            Result one = inPool(1, () -> run(new Network(spec, type, net.parameters()), x, n, g));
            Result three = inPool(3, () -> run(new Network(spec, type, net.parameters()), x, n, g));
            assertArrayEquals(one.logits, three.logits, type + " logits");
            for (int l = 0; l < one.dw.length; l++) {
                assertArrayEquals(one.dw[l], three.dw[l], type + " dW" + (l + 1));
            }
        }
    }

    /**
     * A unit's gradient depends on its own parameters and the rows only: the same unit at index 0 of a
     * full vector and at the end of the scalar tail must come out bit for bit the same, and so must a
     * row's logits inside a vector block and in the tail rows.
     */
    @Test
    void scalarTailsComputeWhatALaneComputes() {
        SplittableRandom rnd = new SplittableRandom(21);
        int n = 517, tailUnit = 70; // width 71: unit 70 is in the tail for 8- and 16-lane vectors
        int m = tailUnit + 1;
        double[] x = new double[2 * n], g2 = new double[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
            g2[i] = rnd.nextDouble() - 0.5;
        }
        double[] w1 = new double[2 * m], b1 = new double[m], w2 = new double[2 * m];
        for (int j = 0; j < m; j++) {
            w1[j] = rnd.nextDouble() - 0.5;
            w1[m + j] = rnd.nextDouble() - 0.5;
            b1[j] = rnd.nextDouble() * 0.2;
            w2[2 * j] = rnd.nextDouble() - 0.5;
            w2[2 * j + 1] = rnd.nextDouble() - 0.5;
        }
        // the same parameters at unit 0
        double[] w1s = w1.clone(), b1s = b1.clone(), w2s = w2.clone();
        w1s[0] = w1[tailUnit];
        w1s[m] = w1[m + tailUnit];
        b1s[0] = b1[tailUnit];
        w2s[0] = w2[2 * tailUnit];
        w2s[1] = w2[2 * tailUnit + 1];
        FusedBottomPair.Input in = new FusedBottomPair.Input(x, n, 2, false);
        for (boolean single : new boolean[] {false, true}) {
            double[] gw1 = new double[2 * m], gb1 = new double[m], gw2 = new double[2 * m];
            double[] hw1 = new double[2 * m], hb1 = new double[m], hw2 = new double[2 * m];
            if (single) {
                FusedPairVectorKernel.backwardFloat(in, w1, b1, 0.1, m, w2, 2, g2, gw1, gb1, gw2);
                FusedPairVectorKernel.backwardFloat(in, w1s, b1s, 0.1, m, w2s, 2, g2, hw1, hb1, hw2);
            } else {
                FusedPairVectorKernel.backwardDouble(in, w1, b1, 0.1, m, w2, 2, g2, gw1, gb1, gw2);
                FusedPairVectorKernel.backwardDouble(in, w1s, b1s, 0.1, m, w2s, 2, g2, hw1, hb1, hw2);
            }
            assertEquals(gb1[tailUnit], hb1[0], 0.0, "bias gradient, single " + single);
            assertEquals(gw1[tailUnit], hw1[0], 0.0, "w1 gradient, single " + single);
            assertEquals(gw1[m + tailUnit], hw1[m], 0.0);
            assertEquals(gw2[2 * tailUnit + 1], hw2[1], 0.0);
            assertTrue(gw1[tailUnit] != 0, "a vacuous comparison");
            // forward: row n-1 is a tail row; put it first and compare
            double[] xs = x.clone();
            xs[0] = x[2 * (n - 1)];
            xs[1] = x[2 * (n - 1) + 1];
            double[] z = new double[2 * n], zs = new double[2 * n];
            if (single) {
                FusedPairVectorKernel.forwardFloat(in, w1, b1, 0.1, m, w2, 2, z);
                FusedPairVectorKernel.forwardFloat(new FusedBottomPair.Input(xs, n, 2, false), w1, b1, 0.1, m, w2, 2, zs);
            } else {
                FusedPairVectorKernel.forwardDouble(in, w1, b1, 0.1, m, w2, 2, z);
                FusedPairVectorKernel.forwardDouble(new FusedBottomPair.Input(xs, n, 2, false), w1, b1, 0.1, m, w2, 2, zs);
            }
            assertEquals(z[2 * (n - 1)], zs[0], 0.0, "logit of a tail row, single " + single);
            assertEquals(z[2 * (n - 1) + 1], zs[1], 0.0);
        }
    }

    private record Result(double[] logits, double[][] dw, double[][] db) {
    }

    private static Result run(Network net, double[] x, int n, double[] g) {
        double[] logits = net.forward(x, n);
        int layers = net.spec().layers().size();
        boolean[] all = new boolean[layers];
        java.util.Arrays.fill(all, true);
        net.backward(g, all);
        double[][] dw = new double[layers][], db = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dw[l] = net.weightGradient(l).clone();
            db[l] = net.biasGradient(l) == null ? null : net.biasGradient(l).clone();
        }
        return new Result(logits, dw, db);
    }

    private static <T> T inPool(int threads, Supplier<T> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).get();
        } finally {
            pool.shutdown();
        }
    }
}
