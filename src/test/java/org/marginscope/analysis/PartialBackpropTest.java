package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.PartialBackprop.Norm;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.GroundTruth;
import org.marginscope.data.Viewport;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.Activation;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * van den Berg Sec 5.3: the bounds of Eqs 14-15 hold against the engine's own backward pass on the Eq 8 network,
 * and scaling the weights by gamma shrinks the parts of the plane the error reaches (Fig 17).
 */
class PartialBackpropTest {
    private static final Preset EQ8 = PresetLibrary.byName("vdberg-fig12-gamma1");
    private static final Loss LOSS = new Loss(LossKind.CROSS_ENTROPY, true);

    private static Parameters eq8() {
        return new Network(EQ8.network(), DataType.DOUBLE, 1L).parameters();
    }

    /** The per-sample gradients of one point from the engine's ordinary backward pass: [layer][0 weights, 1 biases]. */
    private static double[][][] engineGradients(NetworkSpec spec, Parameters p, double x, double y, int c) {
        Network net = new Network(spec, DataType.DOUBLE, p);
        double[] logits = net.forward(new double[]{x, y}, 1);
        double[] g = new double[logits.length];
        new Loss(LossKind.CROSS_ENTROPY, false).evaluate(logits, 1, logits.length, new int[]{c}, g);
        boolean[] all = new boolean[p.layers()];
        java.util.Arrays.fill(all, true);
        net.backward(g, all);
        double[][][] out = new double[p.layers()][2][];
        for (int k = 0; k < p.layers(); k++) {
            out[k][0] = net.weightGradient(k).clone();
            out[k][1] = net.biasGradient(k) == null ? new double[0] : net.biasGradient(k).clone();
        }
        return out;
    }

    private static double norm(double[] v, Norm n) {
        double s = 0;
        for (double d : v) {
            s = n == Norm.FROBENIUS ? s + d * d : Math.max(s, Math.abs(d));
        }
        return n == Norm.FROBENIUS ? Math.sqrt(s) : s;
    }

    @Test
    void theBoundsOfEqs14And15AreUpperBoundsOfTheBackpropagatedGradients() {
        Dataset data = EQ8.dataset().build();
        GroundTruth truth = data.groundTruth().orElseThrow();
        // the training points and a coarse grid of the domain, transition regions included
        double[] grid = new Viewport(truth.domain(), 15, 15).points();
        int n = 120 + grid.length / 2;
        double[] xy = new double[2 * n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i < 120 ? data.trainCoord(i, 0) : grid[2 * (i - 120)];
            xy[2 * i + 1] = i < 120 ? data.trainCoord(i, 1) : grid[2 * (i - 120) + 1];
            cls[i] = truth.classOf(xy[2 * i], xy[2 * i + 1]);
        }
        int tight = 0, checked = 0;
        for (double gamma : new double[]{1, 2, 3}) {
            Parameters p = eq8().scaled(gamma);
            PartialBackprop.Trace t = PartialBackprop.trace(EQ8.network(), p, LOSS, xy, cls);
            assertEquals(3, t.layers());
            for (int i = 0; i < n; i++) {
                double[][][] g = engineGradients(EQ8.network(), p, xy[2 * i], xy[2 * i + 1], cls[i]);
                for (Norm norm : Norm.values()) {
                    for (int k = 0; k < 3; k++) {
                        double w = norm(g[k][0], norm), b = norm(g[k][1], norm);
                        // the trace's exact errors are the engine's backward pass
                        assertEquals(w, t.weightGradient(norm, k, i), 1e-12 * Math.max(1, w), "exact weights");
                        assertEquals(b, t.biasGradient(norm, k, i), 1e-12 * Math.max(1, b), "exact biases");
                        for (int stage = k + 1; stage < 3; stage++) {
                            double wb = t.weightBound(norm, stage, k, i), bb = t.biasBound(norm, stage, k, i);
                            String at = String.format(Locale.ROOT, "gamma %.0f, %s, layer %d from y_%d at (%.3f, %.3f)",
                                    gamma, norm, k + 1, stage + 1, xy[2 * i], xy[2 * i + 1]);
                            assertTrue(wb >= w * (1 - 1e-12), at + ": weights " + wb + " < " + w);
                            assertTrue(bb >= b * (1 - 1e-12), at + ": biases " + bb + " < " + b);
                            checked++;
                            tight += wb < 10 * w ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(checked == 3 * n * 2 * 3, "every stage and layer checked: " + checked);
        assertTrue(tight > checked / 10, "the bounds are not vacuous: " + tight + " of " + checked + " within 10x");
    }

    @Test
    void largerWeightsShrinkThePartsOfThePlaneTheErrorReaches() {
        Dataset data = EQ8.dataset().build();
        Viewport vp = new Viewport(data.groundTruth().orElseThrow().domain(), 128, 128);
        double[] t = PartialBackprop.thresholds(3, PartialBackprop.PAPER_THRESHOLD_LAYER1,
                PartialBackprop.PAPER_THRESHOLD_LAYER2);
        assertEquals(List.of(0.05, 0.01), List.of(t[0], t[1]));
        PartialBackprop.Result[] r = new PartialBackprop.Result[4];
        for (int g = 1; g <= 3; g++) {
            r[g] = PartialBackprop.compute(EQ8.network(), eq8(), LOSS, data, vp, g, t);
            assertEquals(GradientField.LabelSource.GROUND_TRUTH, r[g].labels());
        }
        for (Norm norm : Norm.values()) {
            String shares = String.format(Locale.ROOT, "%s: layer 2 %.3f %.3f %.3f, layer 1 %.3f %.3f %.3f", norm,
                    r[1].share(norm, 2), r[2].share(norm, 2), r[3].share(norm, 2),
                    r[1].share(norm, 1), r[2].share(norm, 1), r[3].share(norm, 1));
            System.out.println("Fig 17 " + shares);
            for (int layer = 1; layer <= 2; layer++) {
                assertTrue(r[2].share(norm, layer) < r[1].share(norm, layer), shares);
                assertTrue(r[3].share(norm, layer) < r[2].share(norm, layer), shares);
                assertTrue(r[3].share(norm, layer) > 0, shares);
            }
            for (int g = 1; g <= 3; g++) {
                assertTrue(r[g].share(norm, 1) <= r[g].share(norm, 2), "reaching layer 1 passes layer 2");
                assertEquals(1.0, r[g].share(norm, 3), 0, "every classified cell updates the output layer");
            }
        }
    }

    @Test
    void thresholdsOfZeroReachTheFirstLayerEverywhereAndInfiniteOnesStopAtTheOutput() {
        Dataset data = EQ8.dataset().build();
        Viewport vp = new Viewport(new Bounds(-3, 3, -3, 3), 20, 20);
        var all = PartialBackprop.compute(EQ8.network(), eq8(), LOSS, data, vp, 1, new double[]{0, 0});
        var none = PartialBackprop.compute(EQ8.network(), eq8(), LOSS, data, vp, 1,
                new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
        for (Norm norm : Norm.values()) {
            assertEquals(1.0, all.share(norm, 1), 0);
            assertEquals(0.0, none.share(norm, 2), 0);
        }
    }

    @Test
    void theLargestSingularValueIsExact() {
        // [[3, 0], [4, 5]]: A^T A = [[25, 20], [20, 25]], eigenvalues 45 and 5
        assertEquals(Math.sqrt(45), PartialBackprop.largestSingularValue(new double[]{3, 0, 4, 5}, 2, 2), 1e-12);
        // Eq 8's A_2 (4 x 2, stored transposed as MarginScope's 2 x 4 W_2): orthogonal columns of norm 2
        double[] w2 = eq8().weights(1);
        assertEquals(2, PartialBackprop.largestSingularValue(w2, 2, 4), 1e-12);
        // a random 5 x 3 matrix against power iteration on A^T A
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double[] a = new double[15];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble(-1, 1);
        }
        double[] v = {1, 1, 1};
        double lambda = 0;
        for (int it = 0; it < 2000; it++) {
            double[] av = new double[5], atav = new double[3];
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 3; c++) {
                    av[r] += a[r * 3 + c] * v[c];
                }
            }
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 5; r++) {
                    atav[c] += a[r * 3 + c] * av[r];
                }
            }
            lambda = Math.sqrt(atav[0] * atav[0] + atav[1] * atav[1] + atav[2] * atav[2]);
            for (int c = 0; c < 3; c++) {
                v[c] = atav[c] / lambda;
            }
        }
        assertEquals(Math.sqrt(lambda), PartialBackprop.largestSingularValue(a, 5, 3), 1e-10);
        assertEquals(Math.sqrt(lambda), PartialBackprop.largestSingularValue(transpose(a, 5, 3), 3, 5), 1e-10);
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    @Test
    void theHyperplaneDistanceIsTheNearestSamplesDistanceByHand() {
        // units: 3x + 4y - 5 = 0 and 2y + 1 = 0 (weights in x out: rows are inputs)
        Parameters p = new Parameters(new int[]{2}, new int[]{2}, new double[][]{{3, 0, 4, 2}}, new double[][]{{-5, 1}});
        Dataset d = Dataset.of("three", 2, new double[]{0, 0, 1, 1, 2, 0}, new int[]{0, 1, 0});
        double[] dist = HyperplaneDistance.perUnit(p, d, false);
        // (0,0): 5/5 = 1, (1,1): 2/5 = 0.4, (2,0): 1/5 = 0.2; second unit: 1/2, 3/2, 1/2
        assertEquals(0.2, dist[0], 1e-15);
        assertEquals(0.5, dist[1], 1e-15);
        // the same hyperplanes with the bias carried by an appended constant input
        Parameters q = new Parameters(new int[]{3}, new int[]{2}, new double[][]{{3, 0, 4, 2, -5, 1}},
                new double[][]{{0, 0}});
        double[] viaConstant = HyperplaneDistance.perUnit(q, d, true);
        assertEquals(0.2, viaConstant[0], 1e-15);
        assertEquals(0.5, viaConstant[1], 1e-15);
        // a unit without a hyperplane
        Parameters flat = new Parameters(new int[]{2}, new int[]{1}, new double[][]{{0, 0}}, new double[][]{{1}});
        assertTrue(Double.isNaN(HyperplaneDistance.perUnit(flat, d, false)[0]));
    }

    /** A net with an appended constant input and a different depth goes through the same rule. */
    @Test
    void deeperNetsWithAConstantInputKeepTheBounds() {
        NetworkSpec spec = new NetworkSpec(2, true, List.of(
                LayerSpec.dense(5, Activation.symmetricSigmoid(2)),
                LayerSpec.dense(4, Activation.TANH),
                LayerSpec.dense(3, Activation.logisticWithGamma(1.5)),
                LayerSpec.output(3)));
        Parameters p = new Network(spec, DataType.DOUBLE, 5L).parameters().scaled(2);
        double[] xy = new Viewport(new Bounds(-2, 2, -2, 2), 7, 7).points();
        int n = xy.length / 2;
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            cls[i] = i % 3;
        }
        PartialBackprop.Trace t = PartialBackprop.trace(spec, p, LOSS, xy, cls);
        for (int i = 0; i < n; i++) {
            double[][][] g = engineGradients(spec, p, xy[2 * i], xy[2 * i + 1], cls[i]);
            for (Norm norm : Norm.values()) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(norm(g[k][0], norm), t.weightGradient(norm, k, i), 1e-12);
                    for (int stage = k + 1; stage < 4; stage++) {
                        assertTrue(t.weightBound(norm, stage, k, i) >= norm(g[k][0], norm) * (1 - 1e-12));
                        assertTrue(t.biasBound(norm, stage, k, i) >= norm(g[k][1], norm) * (1 - 1e-12));
                    }
                }
                int reach = t.reach(norm, PartialBackprop.thresholds(4, 0.05, 0.01), i);
                assertTrue(reach >= 1 && reach <= 4);
            }
        }
    }
}
