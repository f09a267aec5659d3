package org.marginscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The vector lanes of {@link Transcendentals} against the scalar formulas ({@link Math#exp}, {@link Math#log},
 * {@link StableMath#tanh}) and against the JDK's own {@link StrictMath} within a few ulps, element by
 * element; an element's value independent of where it sits (tails go through lanes too); and a training
 * run of van den Berg's net with the lanes against the same run without them.
 */
class TranscendentalsTest {

    @BeforeAll
    static void vectorApiPresent() {
        Simd.setEnabled(true);
        assertTrue(Simd.enabled(), "the tests run with --add-modules jdk.incubator.vector (pom.xml's argLine)");
    }

    @AfterEach
    void restore() {
        Simd.setEnabled(true);
    }

    /** Arguments over the range each function meets in training, and the edges of its formulas. */
    private static double[] arguments(int n, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, StableMath.TANH_SMALL, -StableMath.TANH_SMALL, Math.nextDown(StableMath.TANH_SMALL),
            22, -22, 30, 700, -745, 1e-300, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] x = new double[n + special.length];
        for (int i = 0; i < n; i++) {
            x[i] = (r.nextDouble() * 2 - 1) * spread * Math.pow(10, -4 * r.nextDouble());
        }
        System.arraycopy(special, 0, x, n, special.length);
        return x;
    }

    private static void assertWithinUlps(double expected, double actual, int ulps, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= ulps * Math.ulp(expected),
                what + ": " + actual + " vs " + expected + " (" + Math.abs(expected - actual) / Math.ulp(expected) + " ulp)");
    }

    @Test
    void lanesAgreeWithScalarFormulas() {
        // the vector exp and log are within 1 ulp of the correctly rounded value, as is StrictMath's: 2 ulps between them
        double[] x = arguments(20_003, 40, 1);
        double[] e = new double[x.length], l = new double[x.length], t = new double[x.length];
        Transcendentals.exp(x, e, x.length);
        double[] pos = x.clone();
        for (int i = 0; i < pos.length; i++) {
            pos[i] = Math.abs(pos[i]);
        }
        Transcendentals.log(pos, l, pos.length);
        Transcendentals.tanh(x, x.length, 0.5, t);
        for (int i = 0; i < x.length; i++) {
            assertWithinUlps(StrictMath.exp(x[i]), e[i], 2, "exp(" + x[i] + ")");
            assertWithinUlps(StrictMath.log(pos[i]), l[i], 2, "log(" + pos[i] + ")");
            // StableMath.tanh's bound against the true tanh is 1e-14 relative: an ulp of e in 1 - e is ~1/(1 - e) ulps of
            // the result, up to ~50 near |y| = 0.01; the lanes' exp is another such ulp, so the same bound holds
            double exact = StrictMath.tanh(0.5 * x[i]);
            assertEquals(exact, t[i], 1e-14 * Math.abs(exact), "tanh(" + x[i] + " / 2) against StrictMath");
            assertEquals(StableMath.tanh(0.5 * x[i]), t[i], 1e-14 * Math.abs(exact), "tanh(" + x[i] + " / 2) against StableMath");
            assertEquals(Math.copySign(1, x[i]), Math.copySign(1, t[i]), "tanh keeps the sign, -0 included: " + x[i]);
        }
        double[] nan = {Double.NaN};
        Transcendentals.tanh(nan, 1, 1, nan);
        assertTrue(Double.isNaN(nan[0]));
    }

    @Test
    void anElementsValueDoesNotDependOnWhereItSits() {
        double[] x = arguments(1000, 30, 2);
        double[] whole = new double[x.length];
        Transcendentals.tanh(x, x.length, 1, whole);
        for (int i = 0; i < x.length; i += 37) { // alone, it is the tail of a one-element array
            double[] one = {x[i]};
            Transcendentals.tanh(one, 1, 1, one);
            assertEquals(whole[i], one[0], 0.0, "tanh(" + x[i] + ") alone and at index " + i);
            one[0] = x[i];
            double[] ex = new double[1];
            Transcendentals.exp(one, ex, 1);
            double[] all = new double[x.length];
            Transcendentals.exp(x, all, x.length);
            assertEquals(all[i], ex[0], 0.0, "exp(" + x[i] + ") alone and at index " + i);
        }
    }

    @Test
    void vanDenBergsNetTrainsTheSameWithAndWithoutLanes() {
        // the 2-1-2 sigma_1 net on strip points, 2,000 full-batch GD steps with two-class cross-entropy: every
        // step's tanh, exp and log differ by an ulp at most, GD contracts such differences on this smooth loss,
        // so the weights agree to ~1e-13 of their size; 1e-10 is loose for that and tight for any formula slip
        // (a wrong slope or log term moves the weights by percents within a few steps)
        NetworkSpec spec = new NetworkSpec(2, false, java.util.List.of(
                LayerSpec.dense(1, Activation.symmetricSigmoid(1)), LayerSpec.output(2)));
        SplittableRandom r = new SplittableRandom(4);
        int n = 3203;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 12 * r.nextDouble() - 6;
            x[2 * i + 1] = 2 * r.nextDouble() - 1;
            y[i] = x[2 * i] > 0 ? 1 : 0;
        }
        Network lanes = new Network(spec, DataType.DOUBLE, 9);
        Network scalar = new Network(spec, DataType.DOUBLE, lanes.parameters());
        Loss loss = new Loss(LossKind.CROSS_ENTROPY, true);
        double first = gdStep(lanes, loss, x, y, n);
        gdStep(scalar, loss, x, y, n);
        double lossLanes = 0, lossScalar = 0;
        for (int s = 0; s < 2000; s++) {
            Simd.setEnabled(true);
            lossLanes = gdStep(lanes, loss, x, y, n);
            Simd.setEnabled(false);
            lossScalar = gdStep(scalar, loss, x, y, n);
        }
        assertTrue(lossLanes < 0.9 * first, "the net learned: " + first + " -> " + lossLanes);
        assertEquals(lossScalar, lossLanes, 1e-10 * lossScalar);
        double[] a = flat(lanes), b = flat(scalar);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-10 * Math.max(1, Math.abs(b[i])), "parameter " + i);
        }
    }

    private static double gdStep(Network net, Loss loss, double[] x, int[] y, int n) {
        double[] logits = net.forward(x, n, true);
        double[] grad = new double[logits.length];
        double value = loss.evaluate(logits, n, 2, y, grad);
        net.backward(grad, new boolean[] {true, true});
        for (int k = 0; k < 2; k++) {
            double[] w = net.liveWeights(k), b = net.liveBiases(k), gw = net.weightGradient(k), gb = net.biasGradient(k);
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.5 * gw[i];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] -= 0.5 * gb[i];
            }
        }
        net.syncWeights();
        return value;
    }

    private static double[] flat(Network net) {
        return java.util.stream.IntStream.range(0, 2).boxed().flatMapToDouble(k -> java.util.stream.DoubleStream.concat(
                java.util.Arrays.stream(net.liveWeights(k)), java.util.Arrays.stream(net.liveBiases(k)))).toArray();
    }
}
