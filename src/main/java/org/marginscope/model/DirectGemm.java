package org.marginscope.model;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Row-major products straight through OpenBLAS's cblas interface, on the arrays' own memory (CPU backend only). */
final class DirectGemm {
    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    /** Whether this process runs ND4J's CPU backend with OpenBLAS's Java API at hand. */
    static final boolean AVAILABLE = cpuBackendWithOpenBlas();

    private DirectGemm() {
    }

    private static boolean cpuBackendWithOpenBlas() {
        try {
            return Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend")
                    && Class.forName("org.bytedeco.openblas.global.openblas_nolapack") != null;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** c = op(a) op(b); false (nothing done) when the arrays are not all fresh row-major float32 or float64 ones. */
    static boolean multiply(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        DataType t = c.dataType();
        if ((t != DataType.FLOAT && t != DataType.DOUBLE) || a.dataType() != t || b.dataType() != t
                || !plain(a) || !plain(b) || !plain(c)) {
            return false;
        }
        long m = c.rows(), n = c.columns();
        long k = transposeA ? a.rows() : a.columns();
        if ((transposeA ? a.columns() : a.rows()) != m || (transposeB ? b.rows() : b.columns()) != n
                || (transposeB ? b.columns() : b.rows()) != k) {
            throw new IllegalArgumentException("gemm shapes do not fit: " + java.util.Arrays.toString(a.shape())
                    + (transposeA ? "^T" : "") + " x " + java.util.Arrays.toString(b.shape()) + (transposeB ? "^T" : "")
                    + " -> " + java.util.Arrays.toString(c.shape()));
        }
        try {
            int ta = transposeA ? TRANS : NO_TRANS, tb = transposeB ? TRANS : NO_TRANS;
            int lda = (int) a.columns(), ldb = (int) b.columns(), ldc = (int) n;
            if (t == DataType.FLOAT) {
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, 1f,
                        (FloatPointer) a.data().addressPointer(), lda, (FloatPointer) b.data().addressPointer(), ldb, 0f,
                        (FloatPointer) c.data().addressPointer(), ldc);
            } else {
                openblas_nolapack.cblas_dgemm(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, 1.0,
                        (DoublePointer) a.data().addressPointer(), lda, (DoublePointer) b.data().addressPointer(), ldb, 0.0,
                        (DoublePointer) c.data().addressPointer(), ldc);
            }
        } finally {
            // the pointers do not keep the arrays' memory alive: the arrays must outlive the call
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
        return true;
    }

    private static boolean plain(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && !x.isView() && x.offset() == 0 && x.rows() > 0 && x.columns() > 0
                && x.length() == x.data().length();
    }
}
