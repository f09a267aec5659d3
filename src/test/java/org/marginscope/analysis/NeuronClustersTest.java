package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.data.Gaussian;
import org.marginscope.model.Parameters;

/** Sarussi et al.: the cluster measures on hand-made nets, Thm 5.1 on random clustered nets, Thm 6.2's problem. */
class NeuronClustersTest {
    /** A 2-2k-1 net without biases: rows of w are the neurons, the first k get +1, the rest -1. */
    static Parameters net(double[][] w) {
        int h = w.length, in = w[0].length;
        double[] first = new double[in * h], second = new double[h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < in; j++) {
                first[j * h + i] = w[i][j];
            }
            second[i] = i < h / 2 ? 1 : -1;
        }
        return new Parameters(new int[] {in, h}, new int[] {h, 1}, new double[][] {first, second},
                new double[][] {null, null});
    }

    @Test
    void measuresOfAHandMadeNet() {
        // + neurons (1,0) and (1,1); - neurons (-1,0) twice
        Parameters p = net(new double[][] {{1, 0}, {1, 1}, {-1, 0}, {-1, 0}});
        Dataset d = Dataset.of("t", 2, new double[] {2, 0.5, -2, -0.5, 0.5, -3}, new int[] {1, 0, 1});
        NeuronClusters.Result r = NeuronClusters.measure(p, d, false);
        assertArrayEquals(new double[] {1, 0.5}, r.wPos(), 1e-12);
        assertArrayEquals(new double[] {-1, 0}, r.wNeg(), 1e-12);
        assertEquals(0.5, r.radius(), 1e-12, "each + neuron is 0.5 from w+");
        assertEquals(0.5 / Math.sqrt(1.25), r.ratioPos(), 1e-12);
        assertEquals(0.5, r.ratioNeg(), 1e-12);
        assertEquals(45, r.maxAngleDeg(), 1e-9, "(1,0) and (1,1)");
        // the third point (0.5,-3), a positive: (1,1) gives -2.5 < 0, so that + neuron is not in PAR;
        // (1,0) classifies all three like the labels; both - neurons give the opposite of every label
        assertEquals(0.5, r.parSharePos(), 1e-12);
        assertEquals(1.0, r.parShareNeg(), 1e-12);
        assertEquals(1, r.narDisagreement(), "the two + neurons disagree on one point");
        // cos((0.5,-3), w+) = (0.5 - 1.5)/(|x| |w+|) = -0.29, inside R/|w+| = 0.447: non-linear regime
        assertEquals(1.0 / 3, r.nonlinearTrain(), 1e-12);
    }

    /**
     * Thm 5.1: if every + neuron is within R of w+ and every - neuron within R of w-, then outside the
     * cones |cos(x, w+)| &lt;= R/|w+|, |cos(x, w-)| &lt;= R/|w-| the net's sign is that of &lt;w+ - w-, x&gt;.
     * Checked on 200 random clustered Leaky ReLU nets and 500 random points each.
     */
    @Test
    void theorem51SignAgreementOutsideTheCones() {
        SplittableRandom rnd = new SplittableRandom(7);
        int checked = 0, inside = 0;
        for (int trial = 0; trial < 200; trial++) {
            double alpha = 0.05 + 0.9 * rnd.nextDouble();
            int k = 1 + rnd.nextInt(6);
            double[] mp = {Gaussian.draw(rnd), Gaussian.draw(rnd)}, mn = {Gaussian.draw(rnd), Gaussian.draw(rnd)};
            double r = 0.3 * rnd.nextDouble() * Math.min(NeuronClusters.norm(mp), NeuronClusters.norm(mn));
            double[][] w = new double[2 * k][];
            for (int i = 0; i < 2 * k; i++) {
                double[] m = i < k ? mp : mn;
                double t = 2 * Math.PI * rnd.nextDouble(), rad = r * rnd.nextDouble();
                w[i] = new double[] {m[0] + rad * Math.cos(t), m[1] + rad * Math.sin(t)};
            }
            Parameters p = net(w);
            var res = NeuronClusters.measure(p, Dataset.of("x", 2, new double[] {1, 0}, new int[] {1}), false);
            for (int q = 0; q < 500; q++) {
                double[] x = {4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2};
                if (NeuronClusters.inNonlinearRegime(x, res.wPos(), res.wNeg(), res.ratioPos(), res.ratioNeg())) {
                    inside++;
                    continue;
                }
                double n = 0;
                for (int i = 0; i < 2 * k; i++) {
                    double z = Vectors.dot(w[i], x);
                    n += (i < k ? 1 : -1) * (z > 0 ? z : alpha * z);
                }
                double lin = Vectors.dot(res.wPos(), x) - Vectors.dot(res.wNeg(), x);
                assertEquals(Math.signum(lin), Math.signum(n), "trial " + trial + " x=" + x[0] + "," + x[1]);
                checked++;
            }
        }
        assertTrue(checked > 50_000 && inside > 1_000, checked + " checked, " + inside + " inside the cones");
    }

    /** Thm 6.2's problem in closed form: two mirrored points +-p with p = (2, 0). */
    @Test
    void parPredictionMatchesTheClosedFormForTwoMirroredPoints() {
        Dataset d = Dataset.of("two", 2, new double[] {2, 0, -2, 0}, new int[] {1, 0});
        // alpha = 1: N is linear, u - v is the bias-free SVM w = (1/2, 0), split evenly: u = -v = (1/4, 0)
        var lin = ParPrediction.solve(d, 1, false);
        assertArrayEquals(new double[] {0.25, 0}, lin.u(), 1e-4);
        assertArrayEquals(new double[] {-0.25, 0}, lin.v(), 1e-4);
        // alpha = 1/2: 2u1 - v1 >= 1 and u1 - 2v1 >= 1 both active at u1 = 1/3, v1 = -1/3 (KKT multipliers 2/9)
        var half = ParPrediction.solve(d, 0.5, false);
        assertArrayEquals(new double[] {1.0 / 3, 0}, half.u(), 1e-4);
        assertArrayEquals(new double[] {-1.0 / 3, 0}, half.v(), 1e-4);
        assertTrue(half.separable());
        assertEquals(0, half.angleDeg(new double[] {1, 0}, new double[] {-1, 0}), 1e-3);
    }
}
