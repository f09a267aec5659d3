package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Java loops for small products against ND4J's own gemm, for every transpose and both types. */
class SmallGemmTest {

    @Test
    void agreesWithNd4jForEveryTransposeAndType() {
        SplittableRandom rnd = new SplittableRandom(6);
        int[][] shapes = {{3200, 1, 2}, {2, 1, 3200}, {3200, 2, 1}, {5, 7, 3}, {1, 1, 1}, {40, 16, 16}};
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        INDArray a = random(t, ta ? k : m, ta ? m : k, rnd);
                        INDArray b = random(t, tb ? n : k, tb ? k : n, rnd);
                        INDArray ours = Nd4j.create(t, m, n), ref = Nd4j.create(t, m, n);
                        assertTrue(SmallGemm.multiply(a, b, ours, ta, tb), "small enough: " + m + "x" + n + "x" + k);
                        Nd4j.gemm(a, b, ref, ta, tb, 1.0, 0.0);
                        double tol = t == DataType.DOUBLE ? 1e-12 : 1e-4;
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                assertEquals(ref.getDouble(i, j), ours.getDouble(i, j), tol * Math.max(1, Math.sqrt(k)),
                                        t + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " at " + i + "," + j);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void leavesLargeProductsAndViewsToBlas() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 200, 100), b = Nd4j.rand(DataType.DOUBLE, 100, 100);
        INDArray c = Nd4j.create(DataType.DOUBLE, 200, 100);
        assertFalse(SmallGemm.multiply(a, b, c, false, false), "2,000,000 multiply-adds is not small");
        INDArray view = Nd4j.rand(DataType.DOUBLE, 4, 4).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertFalse(SmallGemm.multiply(view, Nd4j.rand(DataType.DOUBLE, 4, 2), Nd4j.create(DataType.DOUBLE, 2, 2), false, false));
    }

    private static INDArray random(DataType t, int rows, int cols, SplittableRandom rnd) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble() * 2 - 1;
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c').castTo(t);
    }
}
