package org.marginscope.model;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The app's only doors into ND4J's native library: array allocation and matrix products.
 *
 * <p>Why a door: when the JVM exits, the C runtime runs libnd4j's static destructors (its shape
 * cache among them) while daemon threads - the trainer, the render workers - may still be inside a
 * native call. That call then reads freed memory and the process dies with SIGSEGV in
 * {@code ConstantShapeHelper::bufferForShapeInfo} or {@code ShapeUtils::evalShapeForMatmul} instead of
 * exiting (seen when the window is closed or the app is sent SIGTERM mid-training). Every native
 * call here holds a shared lock; a shutdown hook takes the exclusive lock, so the process ends only
 * after the calls in flight have returned, and no new one starts.
 */
public final class NativeArrays {
    /** How long exit waits for native calls in flight (one training step of Li's wide net takes ~0.1 s). */
    static final long EXIT_WAIT_MS = 3000;

    private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeForExit(EXIT_WAIT_MS), "marginscope-native-exit"));
    }

    private NativeArrays() {
    }

    /** A fresh zero-filled row-major rows x cols array. */
    public static INDArray create(DataType dtype, long rows, long cols) {
        GATE.readLock().lock();
        try {
            return Nd4j.create(dtype, rows, cols);
        } finally {
            GATE.readLock().unlock();
        }
    }

    /** A fresh row-major rows x cols float64 array holding {@code data}. */
    public static INDArray of(double[] data, long rows, long cols) {
        GATE.readLock().lock();
        try {
            return Nd4j.create(data, new long[] {rows, cols}, DataType.DOUBLE);
        } finally {
            GATE.readLock().unlock();
        }
    }

    /**
     * c = op(a) op(b), where op transposes when asked; c is overwritten. On the CPU backend, with fresh
     * row-major arrays of one precision (all the engine's buffers), this is one call of OpenBLAS's cblas
     * gemm: ND4J's own route builds an op, a context and lists per product, a third of what the app
     * allocated while training and a fixed cost that dominated the small nets' steps
     * (docs/performance.md). Anything else goes through ND4J.
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        GATE.readLock().lock();
        try {
            if (SmallGemm.multiply(a, b, c, transposeA, transposeB)) {
                return;
            }
            if (!DirectGemm.AVAILABLE || !DirectGemm.multiply(a, b, c, transposeA, transposeB)) {
                Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
            }
        } finally {
            GATE.readLock().unlock();
        }
    }

    /**
     * Waits up to {@code waitMs} for the native calls in flight, then keeps every later one from
     * starting (they block; the process is ending). Returns whether all calls in flight had returned.
     */
    static boolean closeForExit(long waitMs) {
        try {
            return GATE.writeLock().tryLock(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Undoes {@link #closeForExit} (tests only: a real exit never reopens). */
    static void reopenAfterTest() {
        while (GATE.isWriteLockedByCurrentThread()) {
            GATE.writeLock().unlock();
        }
    }
}
