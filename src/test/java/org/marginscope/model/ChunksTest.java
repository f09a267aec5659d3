package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** A drawing worker's chunks run on the worker alone, and give the same numbers as the pool's. */
class ChunksTest {

    private static <T> T onSequentialThread(java.util.function.Supplier<T> work) throws InterruptedException {
        AtomicReference<T> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Chunks.runSequentiallyOnThisThread();
            out.set(work.get());
        }, "chunks-test-worker");
        t.start();
        t.join();
        return out.get();
    }

    @Test
    void aSequentialThreadRunsEveryChunkItself() throws InterruptedException {
        Set<String> names = onSequentialThread(() -> {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Chunks.forEach(8, c -> seen.add(Thread.currentThread().getName()));
            return seen;
        });
        assertEquals(Set.of("chunks-test-worker"), names);
    }

    @Test
    void theWideNetsLogitsAreTheSameOnAWorkerAsOnThePool() throws InterruptedException {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 2000, 2);
            Network net = new Network(spec, type, 3);
            java.util.SplittableRandom r = new java.util.SplittableRandom(5);
            int n = 4099;
            double[] x = new double[2 * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = 100 * r.nextDouble();
            }
            double[] pooled = net.logits(x, n);
            Network copy = new Network(spec, type, net.parameters());
            double[] alone = onSequentialThread(() -> copy.logits(x, n));
            assertArrayEquals(pooled, alone, 0.0, "bit for bit, " + type);
        }
    }
}
