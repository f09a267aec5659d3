package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.GradientVariance.Curve;
import org.marginscope.analysis.GradientVariance.Result;
import org.marginscope.analysis.GradientVariance.Settings;
import org.marginscope.analysis.GradientVariance.Target;
import org.marginscope.data.Dataset;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.model.Activation;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/** van den Berg Fig 18: the mini-batch gradient's coefficient of variation against N and the weight scale. */
class GradientVarianceTest {
    private static final Loss CE = new Loss(LossKind.CROSS_ENTROPY, true);

    /** A linear unit with zero weights: every logit is 0, so d f_i / d logit = +0.5 (label 0) or -0.5 (label 1). */
    private static NetworkSpec linearUnit() {
        return new NetworkSpec(2, false, List.of(LayerSpec.dense(1, Activation.LINEAR)
                .withWeights(new double[][] {{0}, {0}}, new double[] {0})));
    }

    /**
     * By hand: three points (1,0) of class 0 have G_A = 0.5 (1,0) = (0.5, 0); one point (0,2) of class 1 has
     * G_B = -0.5 (0,2) = (0, -1). g = (3 G_A + G_B)/4 = (0.375, -0.25), |g|^2 = 13/64; the two-valued spread is
     * s^2 = p(1-p)|G_A - G_B|^2 = (3/16)(5/4) = 15/64, so c = s/|g| = sqrt(15/13) and CV(N) = c/sqrt(N).
     * Monte Carlo with M = 4,000 batches: at N = 1 the squared deviation takes the values 0.078125 (p = 3/4) and
     * 0.703125 (p = 1/4), relative sd 1.155, so the estimated variance has a relative standard error of
     * 1.155/sqrt(4000) = 1.8% and CV half of that, 0.9%; for larger N the squared deviation is close to a scaled
     * chi-square with at most 2 degrees of freedom (relative sd <= sqrt 2), CV's standard error <= 1.1%. A 5% band
     * is more than 4 standard errors at every N.
     */
    @Test
    void twoValuedGradientsGiveTheClosedFormCoefficient() {
        Dataset d = Dataset.of("two-values", 2, new double[] {1, 0, 1, 0, 1, 0, 0, 2}, new int[] {0, 0, 0, 1});
        NetworkSpec spec = linearUnit();
        Parameters p = new Network(spec, DataType.DOUBLE, 1L).parameters();
        Settings s = new Settings(Target.FIRST_LAYER_WEIGHTS, 256, 4000, new double[] {1}, 7);
        Result r = GradientVariance.compute(spec, p, CE, d, s, null, null);
        Curve c = r.curves().get(0);
        double want = Math.sqrt(15.0 / 13.0);
        assertEquals(Math.sqrt(13.0 / 64.0), c.gradientNorm(), 1e-12);
        assertEquals(want, c.cExact(), 1e-12, "c = sqrt(15/13) exactly");
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256}, c.batchSizes());
        for (int i = 0; i < c.batchSizes().length; i++) {
            double scaled = c.cv()[i] * Math.sqrt(c.batchSizes()[i]);
            assertEquals(want, scaled, 0.05 * want, "CV(N) sqrt(N) at N = " + c.batchSizes()[i]);
        }
        // the reported standard error at N = 1 is the one worked out above: 0.5 * 1.155 / sqrt(4000) of CV
        assertEquals(0.5 * 1.1547 / Math.sqrt(4000), c.stdError()[0] / c.cv()[0], 0.0015);
        assertEquals(want, c.c(), 0.03 * want, "the least-squares c");
        // w = |A1| = 0 here: no sqrt(w) fit
        assertEquals(0, c.weightNorm());
    }

    /**
     * CV(N) sqrt(N) is the same c at every N wherever batches are independent draws: van den Berg's Fig 14 net
     * (|A1| = 1 through (2,0), 3,200 strip points) with its first layer scaled by 1, 4 and 16. Each point must
     * lie within 4 of its own standard errors (from the M = 10,000 batches) of c, the exact value from all
     * 3,200 points, and those standard errors must be small (under 8% of CV) so the check is not vacuous. The
     * larger w, the more localised the gradient and the heavier the tail of single-point gradients: at w = 16 and
     * N = 1 the standard error is about 5% with M = 10,000 batches (11% with 2,000).
     */
    @Test
    void cvTimesRootNIsConstantAndCGrowsLikeRootW() {
        Dataset d = Generators.byName("strip").generate(new GeneratorParams(3200, 0, 1, org.marginscope.data.Scale.LARGE));
        NetworkSpec spec = new NetworkSpec(2, false, List.of(
                LayerSpec.dense(1, Activation.symmetricSigmoid(1)).withWeights(new double[][] {{0.957826}, {0.287348}},
                        new double[] {-1.915653}),
                LayerSpec.dense(2, Activation.LINEAR).withWeights(new double[][] {{3, -3}}, new double[] {0, 0})
                        .withTrainable(false)));
        Parameters p = new Network(spec, DataType.DOUBLE, 1L).parameters();
        Settings s = new Settings(Target.FIRST_LAYER_WEIGHTS, 1024, 10_000, new double[] {1, 4, 16}, 3);
        Result r = GradientVariance.compute(spec, p, CE, d, s, null, null);
        for (Curve c : r.curves()) {
            for (int i = 0; i < c.batchSizes().length; i++) {
                double root = Math.sqrt(c.batchSizes()[i]);
                assertTrue(c.stdError()[i] < 0.08 * c.cv()[i], "w " + c.weightNorm() + ", N " + c.batchSizes()[i]
                        + ": standard error " + c.stdError()[i] + " of " + c.cv()[i]);
                assertEquals(c.cExact(), c.cv()[i] * root, 4 * c.stdError()[i] * root,
                        "w " + c.weightNorm() + ", N " + c.batchSizes()[i]);
            }
            // the fit weights N = 1 most, where single-point gradients are heaviest-tailed: 4 of its standard errors
            assertTrue(c.cStdError() < 0.05 * c.c(), "the fit's standard error " + c.cStdError());
            assertEquals(c.cExact(), c.c(), 4 * c.cStdError(), "fitted c against the exact one at w " + c.weightNorm());
        }
        // Fig 18(b): c grows with w, like sqrt(w) once the unit is past its near-linear scale
        Curve one = r.curves().get(0), four = r.curves().get(1), sixteen = r.curves().get(2);
        assertEquals(4, four.weightNorm() / one.weightNorm(), 1e-9);
        assertTrue(one.cExact() < four.cExact() && four.cExact() < sixteen.cExact(), "c grows with w");
        double ratio = sixteen.cExact() / four.cExact();
        assertEquals(2, ratio, 0.3, "c(16)/c(4) close to sqrt(4) = 2: " + ratio);
        assertTrue(Double.isFinite(r.sqrtFit()) && r.sqrtFit() > 0);
    }

    /** The per-sample factors from the batched pass add up to the engine's own mean-loss gradient. */
    @Test
    void sampleGradientsSumToTheBackwardPass() {
        Dataset d = Generators.byName("moon").generate(new GeneratorParams(50, 0, 2, org.marginscope.data.Scale.SMALL));
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.TANH, 5, 3);
        Network net = new Network(spec, DataType.DOUBLE, 9L);
        int n = d.size(), k = net.outputWidth();
        double[] logits = net.forward(d.trainX(), n);
        double[] mean = new double[n * k];
        CE.evaluate(logits, n, k, d.trainY(), mean);
        boolean[] all = new boolean[net.layers()];
        java.util.Arrays.fill(all, true);
        net.backward(mean, all);
        double[] per = new double[n * k];
        new Loss(LossKind.CROSS_ENTROPY, false).evaluate(net.logits(d.trainX(), n), n, k, d.trainY(), per);
        Network.SampleGradients sg = net.sampleGradients(d.trainX(), n, per, 0);
        for (int layer = 0; layer < net.layers(); layer++) {
            int in = net.inputs(layer), out = net.units(layer);
            double[] w = new double[in * out], b = new double[out];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < in; r++) {
                    for (int c = 0; c < out; c++) {
                        w[r * out + c] += sg.inputs()[layer][i * in + r] * sg.errors()[layer][i * out + c] / n;
                    }
                }
                for (int c = 0; c < out; c++) {
                    b[c] += sg.errors()[layer][i * out + c] / n;
                }
            }
            assertArrayEquals(net.weightGradient(layer), w, 1e-12, "weights of layer " + layer);
            assertArrayEquals(net.biasGradient(layer), b, 1e-12, "biases of layer " + layer);
        }
    }

    @Test
    void allParametersIncludeEveryTrainableLayerAndCancelStops() {
        Dataset d = Generators.byName("xor").generate(new GeneratorParams(100, 0, 4, org.marginscope.data.Scale.LARGE));
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.TANH, 4);
        Parameters p = new Network(spec, DataType.DOUBLE, 3L).parameters();
        Settings s = new Settings(Target.ALL_PARAMETERS, 64, 50, new double[] {1, 2}, 1);
        Result r = GradientVariance.compute(spec, p, CE, d, s, null, null);
        assertEquals(2, r.curves().size());
        assertEquals(p.weightNorm(0) * 2, r.curves().get(1).weightNorm(), 1e-12);
        assertTrue(r.curves().get(0).cExact() > 0);
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> GradientVariance.compute(spec, p, CE, d, s, null,
                () -> polls.incrementAndGet() > 10));
        double[] seen = new double[1];
        GradientVariance.compute(spec, p, CE, d, s, v -> seen[0] = Math.max(seen[0], v), null);
        assertEquals(1, seen[0]);
        Dataset empty = Dataset.of("empty", 2, new double[0], new int[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> GradientVariance.compute(spec, p, CE, empty, s, null, null));
        assertTrue(e.getMessage().contains("no training points"), e.getMessage());
    }
}
