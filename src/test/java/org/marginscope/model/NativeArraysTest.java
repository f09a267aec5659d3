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
