package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NeuronPlaneTest {
    @Test
    void twoInputsArePlottedAsTheyAre() {
        NeuronPlane p = NeuronPlane.fit(new double[][]{{1, 2}, {-3, 0.5}}, false);
        assertEquals(NeuronPlane.Mode.WEIGHTS, p.mode());
        double[] at = p.place(new double[]{-3, 0.5});
        assertEquals(-3, at[0]);
        assertEquals(0.5, at[1]);
    }

    @Test
    void withTheBiasTrickTheAngleIsTheInputDirectionAndTheDistanceTheFullLength() {
        NeuronPlane p = NeuronPlane.fit(new double[][]{{3, 4, 12}}, true);
        assertEquals(NeuronPlane.Mode.DIRECTION_AND_LENGTH, p.mode());
        double[] at = p.place(new double[]{3, 4, 12});
        assertEquals(Math.atan2(4, 3), Math.atan2(at[1], at[0]), 1e-12);
        assertEquals(13, Math.hypot(at[0], at[1]), 1e-12, "|(3, 4, 12)| = 13");
    }

    @Test
    void principalDirectionsFindThePlaneTheNeuronsSpanAndNeverLengthenADistance() {
        Random r = new Random(5);
        int d = 64;
        double[] a = unit(r, d), b = unit(r, d);
        double[][] w = new double[40][d];
        for (int i = 0; i < w.length; i++) {
            double s = r.nextGaussian() * 3, t = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                w[i][j] = s * a[j] + t * b[j];
            }
        }
        NeuronPlane p = NeuronPlane.fit(w, false);
        assertEquals(NeuronPlane.Mode.PRINCIPAL, p.mode());
        assertEquals(1, p.explained(), 1e-9, "rank-2 neurons lie wholly in the first two directions");
        for (double[] x : w) {
            double[] at = p.place(x);
            assertEquals(NeuronClusters.norm(x), Math.hypot(at[0], at[1]), 1e-9, "in-plane lengths are kept");
        }
        // off-plane noise: projected distances never exceed the true ones
        double[][] noisy = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            noisy[i] = w[i].clone();
            for (int j = 0; j < d; j++) {
                noisy[i][j] += 0.5 * r.nextGaussian();
            }
        }
        NeuronPlane q = NeuronPlane.fit(noisy, false);
        assertTrue(q.explained() < 1);
        for (int i = 1; i < noisy.length; i++) {
            double[] u = q.place(noisy[i]), v = q.place(noisy[0]);
            double full = 0;
            for (int j = 0; j < d; j++) {
                full += (noisy[i][j] - noisy[0][j]) * (noisy[i][j] - noisy[0][j]);
            }
            assertTrue(Math.hypot(u[0] - v[0], u[1] - v[1]) <= Math.sqrt(full) + 1e-9);
        }
    }

    private static double[] unit(Random r, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = r.nextGaussian();
        }
        double n = NeuronClusters.norm(v);
        for (int j = 0; j < d; j++) {
            v[j] /= n;
        }
        return v;
    }
}
