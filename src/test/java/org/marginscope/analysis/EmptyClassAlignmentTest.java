package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Points of classes 0, 1 and 3 (class 2 empty) on a 4-output last layer are compared exactly as the same points
 * relabelled 0, 1, 2 on the 3-output layer without class 2's row: the empty class takes no part in the SVM, the
 * angles, the margins or the separability verdict.
 */
class EmptyClassAlignmentTest {
    /** Three clusters, 120 degrees apart around the origin, 12 points each. */
    private static double[] points() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[36 * 2];
        for (int i = 0; i < 36; i++) {
            double a = Math.toRadians(90 + 120 * (i / 12)) + 0.3 * (rnd.nextDouble() - 0.5);
            double r = 1 + 0.5 * rnd.nextDouble();
            x[2 * i] = r * Math.cos(a);
            x[2 * i + 1] = r * Math.sin(a);
        }
        return x;
    }

    private static int[] labels(int third) {
        int[] y = new int[36];
        for (int i = 0; i < 36; i++) {
            y[i] = i < 12 ? 0 : i < 24 ? 1 : third;
        }
        return y;
    }

    /** A linear layer 2 -> rows.length with the given class rows (each a 2-vector) and biases. */
    private static Network linear(double[][] rows, double[] bias) {
        double[][] w = new double[2][rows.length]; // in x out
        for (int c = 0; c < rows.length; c++) {
            w[0][c] = rows[c][0];
            w[1][c] = rows[c][1];
        }
        NetworkSpec spec = new NetworkSpec(2, false, List.of(new LayerSpec(rows.length, Activation.LINEAR, true, true,
                Initialiser.ZERO, 1, 0, w, bias)));
        return new Network(spec, DataType.DOUBLE, 1);
    }

    @Test
    void anEmptyClassIsLeftOutOfTheSvmTheAnglesAndTheVerdict() {
        double[] x = points();
        // a last layer that is not the SVM: tilted rows; class 2's row is large, so counting it would move the
        // centring of every row, and it loses the arg max on every point (checked below)
        double[] r0 = {0.3, 1.0}, r1 = {-1.0, -0.4}, r3 = {0.9, -0.7}, r2 = {0.0, -0.2};
        Network gap = linear(new double[][] {r0, r1, r2, r3}, new double[] {0.1, 0, 0, -0.1});
        Network compact = linear(new double[][] {r0, r1, r3}, new double[] {0.1, 0, -0.1});
        Dataset withGap = new Dataset("gap", 2, x, labels(3), null, null, Dataset.defaultClassNames(4), null);
        Dataset relabelled = new Dataset("compact", 2, x, labels(2), null, null, Dataset.defaultClassNames(3), null);
        int[] y = labels(3);
        double[] logits = gap.logits(x, 36);
        for (int i = 0; i < 36; i++) { // the layer itself classifies every point right: the points are separable
            int best = 0;
            for (int c = 1; c < 4; c++) {
                best = logits[4 * i + c] > logits[4 * i + best] ? c : best;
            }
            assertEquals(y[i], best, "the hand-built layer classifies point " + i);
        }

        LastLayerAlignment.Result a = LastLayerAlignment.measure(gap, withGap, 0);
        LastLayerAlignment.Result b = LastLayerAlignment.measure(compact, relabelled, 0);
        assertTrue(a.separable(), "a layer classifying every point proves the transformed points separable");
        assertEquals(b.separable(), a.separable());
        assertTrue(Double.isNaN(a.angleDeg()[2]), "the empty class has no angle: " + a.angleDeg()[2]);
        assertArrayEquals(b.angleDeg(), new double[] {a.angleDeg()[0], a.angleDeg()[1], a.angleDeg()[3]}, 1e-3,
                "the present classes' angles are those of the relabelled problem");
        assertNotEquals(0, a.angleDeg()[0], 1e-3); // the layer is not the SVM: the comparison measures something
        assertEquals(b.nnMargin(), a.nnMargin(), 1e-9);
        assertEquals(b.svmMargin(), a.svmMargin(), 1e-4);
        assertEquals(b.meanAngleDeg(), a.meanAngleDeg(), 1e-3);
        // the SVM never predicts the empty class anywhere
        SvmSolution svm = a.svm();
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 2000; i++) {
            int c = svm.predict(new double[] {4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2});
            assertTrue(c == 0 || c == 1 || c == 3, "the SVM predicts class " + c);
        }
    }

    @Test
    void aMultiOutputNetOnTwoPresentClassesGetsARowPerOutput() {
        double[] x = points();
        int[] y = labels(1);
        for (int i = 24; i < 36; i++) {
            y[i] = 0; // classes 0 and 1 only, on a 3-output layer
        }
        Network net = linear(new double[][] {{0.2, 1}, {-1, -0.3}, {0.5, -0.5}}, new double[] {0, 0, 0});
        Dataset d = new Dataset("two of three", 2, x, y, null, null, Dataset.defaultClassNames(3), null);
        LastLayerAlignment.Result r = LastLayerAlignment.measure(net, d, 0);
        assertEquals(3, r.svm().weights().length);
        assertTrue(Double.isNaN(r.angleDeg()[2]));
        assertTrue(!Double.isNaN(r.angleDeg()[0]) && !Double.isNaN(r.angleDeg()[1]));
    }
}
