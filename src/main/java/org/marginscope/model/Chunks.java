package org.marginscope.model;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The fused kernels' fixed chunks of work, spread over the common fork-join pool - or run one after another on
 * threads that asked for that: a view's worker drawing while the trainer computes would otherwise take both cores
 * through the pool, and its pacing (a share of its own wall time) would undercount what it used. Results are the
 * same either way: the chunks are fixed and their partial sums are added in chunk order.
 */
public final class Chunks {
    private static final ThreadLocal<Boolean> SEQUENTIAL = ThreadLocal.withInitial(() -> false);

    private Chunks() {
    }

    /** From now on this thread runs its chunks itself, in order (a drawing worker). */
    public static void runSequentiallyOnThisThread() {
        SEQUENTIAL.set(true);
    }

    /** Whether this thread runs its chunks itself. */
    public static boolean sequentialOnThisThread() {
        return SEQUENTIAL.get();
    }

    static void forEach(int chunks, IntConsumer body) {
        IntStream range = IntStream.range(0, chunks);
        (SEQUENTIAL.get() ? range : range.parallel()).forEach(body);
    }
}
