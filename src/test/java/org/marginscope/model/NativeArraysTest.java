package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The exit gate: once closed, no thread is inside ND4J's native code and none gets in, so the C
 * runtime's static destructors cannot pull the shape cache from under a running training step.
 */
class NativeArraysTest {

    @Test
    void closingTheGateWaitsForCallsInFlightAndStopsNewOnesUntilReopened() throws Exception {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 64, 64);
        int n = 2000;
        double[] x = new double[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        AtomicLong passes = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Network net = new Network(spec, DataType.FLOAT, 3);
                net.setFusedKernel(false); // every layer through ND4J's gemm
                double[] dLogits = new double[n * net.outputWidth()];
                java.util.Arrays.fill(dLogits, 1e-3);
                while (!stop.get()) {
                    net.forward(x, n);
                    net.backward(dLogits, new boolean[] {true, true, true});
                    passes.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-native-worker");
        worker.setDaemon(true);
        worker.start();
        try {
            waitFor(() -> passes.get() > 20 || failure.get() != null, "the worker never ran");
            assertEquals(null, failure.get(), "the worker failed");
            assertTrue(NativeArrays.closeForExit(5000), "calls in flight should return within the wait");
            long atClose = passes.get();
            Thread.sleep(300);
            // a pass makes five products; with the gate closed none completes (at most the one counted as it closed)
            assertTrue(passes.get() <= atClose + 1, "passes went on through a closed gate: " + atClose + " -> " + passes.get());
            waitFor(() -> worker.getState() == Thread.State.WAITING, "the worker should wait at the gate");
        } finally {
            NativeArrays.reopenAfterTest();
        }
        long reopened = passes.get();
        waitFor(() -> passes.get() > reopened + 5, "the worker did not resume after the gate reopened");
        stop.set(true);
        worker.join(5000);
        assertEquals(Thread.State.TERMINATED, worker.getState());
        assertEquals(null, failure.get(), "the worker failed");
    }

    @Test
    void productsMatchATripleLoopForEveryTransposeInBothPrecisionsDirectOrThroughNd4j() {
        assertTrue(DirectGemm.AVAILABLE, "the CPU backend takes the direct cblas route");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        int m = 7, k = 5, n = 3;
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    double[] a = rnd.doubles(m * k, -1, 1).toArray(), b = rnd.doubles(k * n, -1, 1).toArray();
                    // stored as given: a is m x k (or k x m when transposed), b is k x n (or n x k)
                    var an = NativeArrays.create(t, ta ? k : m, ta ? m : k);
                    var bn = NativeArrays.create(t, tb ? n : k, tb ? k : n);
                    an.data().setData(a);
                    bn.data().setData(b);
                    var c = NativeArrays.create(t, m, n);
                    NativeArrays.gemm(an, bn, c, ta, tb);
                    double tol = t == DataType.FLOAT ? 1e-5 : 1e-13;
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double want = 0;
                            for (int q = 0; q < k; q++) {
                                want += (ta ? a[q * m + i] : a[i * k + q]) * (tb ? b[j * k + q] : b[q * n + j]);
                            }
                            assertEquals(want, c.getDouble(i, j), tol, t + " ta=" + ta + " tb=" + tb + " (" + i + "," + j + ")");
                        }
                    }
                }
            }
        }
        // a view (here a transposed one) is not plain memory: ND4J multiplies it, with the same result
        var a = NativeArrays.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        var b = NativeArrays.of(new double[] {1, 0, 0, 1, 1, 1}, 2, 3);
        var c = NativeArrays.create(DataType.DOUBLE, 3, 3);
        NativeArrays.gemm(a.transpose(), b, c, false, false);
        // a^T = [[1,4],[2,5],[3,6]], b = [[1,0,0],[1,1,1]]
        assertEquals(1 * 1 + 4 * 1, c.getDouble(0, 0), 1e-12);
        assertEquals(2 * 0 + 5 * 1, c.getDouble(1, 1), 1e-12);
        assertEquals(3 * 0 + 6 * 1, c.getDouble(2, 2), 1e-12);
        assertEquals(1 * 0 + 4 * 1, c.getDouble(0, 2), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NativeArrays.gemm(a, b, NativeArrays.create(DataType.DOUBLE, 2, 2), false, false));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            Thread.sleep(5);
        }
    }
}
