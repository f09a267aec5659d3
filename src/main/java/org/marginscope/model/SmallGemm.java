package org.marginscope.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Products of at most {@link #MAX_MULTIPLY_ADDS} multiply-adds in plain Java loops: for the tiny nets
 * (van den Berg's 2-1-2 on 3,200 points: 6,400) a native call, with OpenBLAS waking its threads, cost
 * more than the arithmetic. Sums in double, written in the arrays' type.
 */
final class SmallGemm {
    static final long MAX_MULTIPLY_ADDS = 16_384;

    private SmallGemm() {
    }

    /** c = op(a) op(b) when small and all three are plain row-major arrays of one type; false when not done. */
    static boolean multiply(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        DataType t = c.dataType();
        if ((t != DataType.FLOAT && t != DataType.DOUBLE) || a.dataType() != t || b.dataType() != t
                || !plain(a) || !plain(b) || !plain(c)) {
            return false;
        }
        int m = (int) c.rows(), n = (int) c.columns();
        int k = (int) (transposeA ? a.rows() : a.columns());
        if ((long) m * n * k > MAX_MULTIPLY_ADDS || (transposeA ? a.columns() : a.rows()) != m
                || (transposeB ? b.rows() : b.columns()) != n || (transposeB ? b.columns() : b.rows()) != k) {
            return false; // too big, or shapes the caller's general path reports
        }
        int lda = (int) a.columns(), ldb = (int) b.columns();
        // element (i, l) of op(a) at ia * i + la * l; (l, j) of op(b) at lb * l + jb * j
        int ia = transposeA ? 1 : lda, la = transposeA ? lda : 1;
        int lb = transposeB ? 1 : ldb, jb = transposeB ? ldb : 1;
        // bulk copies to the heap: element-wise gets through a DoubleBuffer are megamorphic calls here
        double[] x = heap(a), y = heap(b), z = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += x[ia * i + la * l] * y[lb * l + jb * j];
                }
                z[i * n + j] = s;
            }
        }
        if (t == DataType.DOUBLE) {
            ActivationKernels.doubles(c).put(0, z, 0, z.length);
        } else {
            float[] f = new float[z.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) z[i];
            }
            ActivationKernels.floats(c).put(0, f, 0, f.length);
        }
        ActivationKernels.writtenOnHost(c);
        return true;
    }

    private static double[] heap(INDArray a) {
        int len = (int) a.length();
        double[] r = new double[len];
        if (a.dataType() == DataType.DOUBLE) {
            ActivationKernels.doubles(a).get(0, r, 0, len);
        } else {
            float[] f = new float[len];
            ActivationKernels.floats(a).get(0, f, 0, len);
            for (int i = 0; i < len; i++) {
                r[i] = f[i];
            }
        }
        return r;
    }

    private static boolean plain(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && !x.isView() && x.offset() == 0 && x.rows() > 0 && x.columns() > 0
                && x.length() == x.data().length();
    }
}
