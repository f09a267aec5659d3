package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.GroundTruth;
import org.marginscope.model.Activation;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.data.Viewport;
import org.nd4j.linalg.api.buffer.DataType;

/** van den Berg's gradient-localisation fields against the engine's single-point backward pass and finite differences. */
class GradientFieldTest {
    private static final NetworkSpec SPEC = new NetworkSpec(2, false, List.of(
            LayerSpec.dense(4, Activation.symmetricSigmoid(3)),
            LayerSpec.dense(3, Activation.symmetricSigmoid(2)),
            LayerSpec.output(2)));
    private static final Loss LOSS = new Loss(LossKind.CROSS_ENTROPY, true);
    /** Class 1 right of the line x = 0.3 y, class 0 left of it. */
    private static final GroundTruth TRUTH = new GroundTruth(new Bounds(-2, 2, -2, 2), (x, y) -> x > 0.3 * y ? 1 : 0);
    private static final Dataset DATA = Dataset.of("two", 2, new double[]{-1, 0, 1, 0}, new int[]{0, 1})
            .withGroundTruth(TRUTH);
    private static final Viewport VP = new Viewport(new Bounds(-2, 2, -2, 2), 9, 7);

    private static Parameters params() {
        return new Network(SPEC, DataType.DOUBLE, 17L).parameters();
    }

    /** The per-sample gradients of one point from the engine's ordinary backward pass. */
    private static double[][][] singlePoint(Parameters p, double x, double y, int c) {
        Network net = new Network(SPEC, DataType.DOUBLE, p);
        double[] logits = net.forward(new double[]{x, y}, 1);
        double[] g = new double[logits.length];
        new Loss(LossKind.CROSS_ENTROPY, false).evaluate(logits, 1, 2, new int[]{c}, g);
        net.backward(g, new boolean[]{true, true, true});
        double[][][] out = new double[3][2][];
        for (int k = 0; k < 3; k++) {
            out[k][0] = net.weightGradient(k).clone();
            out[k][1] = net.biasGradient(k).clone();
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    @Test
    void fieldValuesEqualThePerSampleGradientOfTheBackwardPass() {
        Parameters p = params();
        for (double gamma : new double[]{1, 2.5}) {
            var field = GradientField.compute(SPEC, p, LOSS, DATA, VP, gamma);
            assertEquals(GradientField.LabelSource.GROUND_TRUTH, field.labels());
            double[] xy = VP.points();
            for (int cell : new int[]{0, 13, 31, 40, 62}) {
                double x = xy[2 * cell], y = xy[2 * cell + 1];
                double[][][] single = singlePoint(p.scaled(gamma), x, y, TRUTH.classOf(x, y));
                for (int k = 0; k < 3; k++) {
                    assertEquals(maxAbs(single[k][0]), field.weight()[k][cell], 1e-12, "weights, layer " + k);
                    assertEquals(maxAbs(single[k][1]), field.bias()[k][cell], 1e-12, "biases, layer " + k);
                }
            }
        }
    }

    @Test
    void fieldValuesAgreeWithFiniteDifferencesOfThePerSampleLoss() {
        Parameters p = params();
        var field = GradientField.compute(SPEC, p, LOSS, DATA, VP, 1);
        double[] xy = VP.points();
        Loss single = new Loss(LossKind.CROSS_ENTROPY, false);
        double h = 1e-6;
        for (int cell : new int[]{5, 27, 50}) {
            double[] pt = {xy[2 * cell], xy[2 * cell + 1]};
            int[] c = {TRUTH.classOf(pt[0], pt[1])};
            for (int k = 0; k < 3; k++) {
                double[] w = p.weights(k);
                double peak = 0;
                for (int i = 0; i < w.length; i++) {
                    double[] diff = new double[2];
                    for (int s = 0; s < 2; s++) {
                        double[][] ws = new double[3][], bs = new double[3][];
                        for (int m = 0; m < 3; m++) {
                            ws[m] = p.weights(m).clone();
                            bs[m] = p.biases(m).clone();
                        }
                        ws[k][i] += s == 0 ? h : -h;
                        Parameters q = new Parameters(new int[]{2, 4, 3}, new int[]{4, 3, 2}, ws, bs);
                        Network net = new Network(SPEC, DataType.DOUBLE, q);
                        diff[s] = single.evaluate(net.forward(pt, 1), 1, 2, c, null);
                    }
                    peak = Math.max(peak, Math.abs((diff[0] - diff[1]) / (2 * h)));
                }
                assertEquals(peak, field.weight()[k][cell], 1e-6 * Math.max(1, peak), "layer " + k + " at cell " + cell);
            }
        }
    }

    @Test
    void withoutAGroundTruthTheNearestTrainingPointGivesTheClass() {
        Dataset plain = Dataset.of("two", 2, new double[]{-1, 0, 1, 0}, new int[]{0, 1});
        var field = GradientField.compute(SPEC, params(), LOSS, plain, VP, 1);
        assertEquals(GradientField.LabelSource.NEAREST_POINT, field.labels());
        int[] c = GradientField.labels(plain, new double[]{-0.1, 1.5, 0.1, -1.5, -3, 0}, 3);
        assertEquals(0, c[0]);
        assertEquals(1, c[1]);
        assertEquals(0, c[2]);
    }

    @Test
    void pointsOutsideEveryClassRegionAreLeftOut() {
        GroundTruth strip = new GroundTruth(new Bounds(-1, 1, -1, 1), (x, y) -> Math.abs(y) <= 1 && Math.abs(x) <= 1
                ? (x > 0 ? 1 : 0) : -1);
        Dataset d = Dataset.of("s", 2, new double[]{-1, 0, 1, 0}, new int[]{0, 1}).withGroundTruth(strip);
        var field = GradientField.compute(SPEC, params(), LOSS, d, VP, 1);
        double[] xy = VP.points();
        for (int cell = 0; cell < xy.length / 2; cell++) {
            boolean outside = strip.classOf(xy[2 * cell], xy[2 * cell + 1]) < 0;
            assertEquals(outside, Double.isNaN(field.weight()[0][cell]));
        }
        assertTrue(field.shareAbove(field.weight()[0], 0) > 0);
    }
}
