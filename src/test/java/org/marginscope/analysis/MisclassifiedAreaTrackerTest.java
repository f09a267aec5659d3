package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.GroundTruth;
import org.marginscope.model.Activation;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;

/** The tracked area against a full evaluation after every training step, and the drift bound against the real drift. */
class MisclassifiedAreaTrackerTest {
    /** van den Berg's strip: class 1 right of the line through (2, 0) along [0.3, 1]. */
    private static final GroundTruth STRIP = new GroundTruth(new Bounds(0, 6, 0, 2), (x, y) -> x > 2 + 0.3 * y ? 1 : 0);
    /** Three sectors around (0, 0), and a hole where the truth is undefined. */
    private static final GroundTruth SECTORS = new GroundTruth(new Bounds(-2, 2, -2, 2), (x, y) ->
            x * x + y * y < 0.04 ? -1 : (int) Math.floor((Math.atan2(y, x) + Math.PI) / (2 * Math.PI / 3)) % 3);

    @Test
    void equalsTheFullEvaluationAfterEveryStepOfVanDenBergsNet() {
        NetworkSpec spec = new NetworkSpec(2, false, List.of(
                LayerSpec.dense(1, Activation.symmetricSigmoid(1)),
                LayerSpec.output(2).withTrainable(false)));
        Network net = new Network(spec, DataType.DOUBLE, 1);
        net.liveWeights(0)[0] = 9.5;
        net.liveWeights(0)[1] = 2.0;
        net.liveBiases(0)[0] = -17;
        net.liveWeights(1)[0] = 3;
        net.liveWeights(1)[1] = -3;
        net.syncWeights();
        Tracked t = train(net, STRIP, 120, 0.01, 3000, 0);
        assertTrue(t.changes > 20, "the boundary must move across cells for the check to mean anything: " + t.changes);
        // the point of the tracker: far fewer cells than a full evaluation every step
        assertTrue(t.evaluated < 0.2 * t.full, "evaluated " + t.evaluated + " cells of " + t.full);
    }

    @Test
    void equalsTheFullEvaluationForThreeClassesAReluNetAndAnOffset() {
        NetworkSpec relu3 = new NetworkSpec(2, true, List.of(
                LayerSpec.dense(5, Activation.RELU), LayerSpec.dense(4, Activation.leakyRelu(0.2)), LayerSpec.output(3)));
        Tracked a = train(new Network(relu3, DataType.DOUBLE, 4), SECTORS, 60, 0.05, 1500, 0);
        assertTrue(a.changes > 20, "classes changed " + a.changes + " times");
        NetworkSpec logistic = new NetworkSpec(2, false, List.of(
                LayerSpec.dense(4, Activation.logisticWithGamma(2)), LayerSpec.dense(3, Activation.SOFTPLUS), LayerSpec.output(1)));
        Tracked b = train(new Network(logistic, DataType.DOUBLE, 2), STRIP, 80, 0.05, 1500, 0.1);
        assertTrue(b.changes > 20, "classes changed " + b.changes + " times");
    }

    @Test
    void aCellReEvaluatedOnceStaysInDoubtWhenTheWeightsMoveBack() {
        // f = x - 0.3 y - 2 is the strip's own boundary; a bias step of -0.05 flips a thin band of cells,
        // and stepping back puts the weights where the reference was: the band must flip back too
        Network net = new Network(new NetworkSpec(2, false, List.of(LayerSpec.output(1))), DataType.DOUBLE, 1);
        net.liveWeights(0)[0] = 1;
        net.liveWeights(0)[1] = -0.3;
        MisclassifiedArea area = new MisclassifiedArea(STRIP, 120);
        MisclassifiedAreaTracker tracker = new MisclassifiedAreaTracker(area);
        double[] biases = {-2, -2.05, -2, -1.97, -2};
        for (double b : biases) {
            net.liveBiases(0)[0] = b;
            net.syncWeights();
            assertEquals(area.measure(net, 0), tracker.measure(net, 0), 0, "bias " + b);
        }
        assertTrue(area.measure(net, 0) != measureAt(net, area, -2.05), "the band must change the area");
        assertTrue(tracker.cellsEvaluated() < 2L * area.cells(), "only the band was re-evaluated after the first step");
    }

    private static double measureAt(Network net, MisclassifiedArea area, double bias) {
        double keep = net.liveBiases(0)[0];
        net.liveBiases(0)[0] = bias;
        net.syncWeights();
        double a = area.measure(net, 0);
        net.liveBiases(0)[0] = keep;
        net.syncWeights();
        return a;
    }

    @Test
    void theDriftBoundHoldsOnTheGrid() {
        SplittableRandom rnd = new SplittableRandom(17);
        Activation[] acts = {Activation.LINEAR, Activation.RELU, Activation.leakyRelu(0.3), Activation.symmetricSigmoid(3),
            Activation.logisticWithGamma(2), Activation.TANH, Activation.SOFTPLUS};
        MisclassifiedArea area = new MisclassifiedArea(SECTORS, 40);
        double[] points = area.points();
        int n = points.length / 2;
        for (Activation f : acts) {
            for (int trial = 0; trial < 6; trial++) {
                boolean constant = trial % 2 == 0;
                int logits = trial % 3 == 0 ? 1 : 3;
                NetworkSpec spec = new NetworkSpec(2, constant, List.of(
                        LayerSpec.dense(6, f), LayerSpec.dense(3, f), LayerSpec.output(logits)));
                Network net = new Network(spec, DataType.DOUBLE, trial + 1);
                double[] before = net.logits(points, n);
                MisclassifiedAreaTracker.LogitDrift drift = MisclassifiedAreaTracker.LogitDrift.from(net, points);
                double scale = Math.pow(10, -1 - trial);
                for (int k = 0; k < net.layers(); k++) {
                    perturb(net.liveWeights(k), scale, rnd);
                    perturb(net.liveBiases(k), scale, rnd);
                }
                net.syncWeights();
                double[] after = net.logits(points, n);
                double largest = 0;
                for (int i = 0; i < after.length; i++) {
                    largest = Math.max(largest, Math.abs(after[i] - before[i]));
                }
                double bound = drift.bound(net);
                assertTrue(largest > 0, "the weights moved");
                assertTrue(largest <= bound * (1 + 1e-12), f + " trial " + trial + ": moved " + largest + ", bound " + bound);
            }
        }
    }

    private record Tracked(int changes, long evaluated, long full) {
    }

    /** Full-batch GD on the grid's own cells; after every step the tracker must equal a full evaluation. */
    private static Tracked train(Network net, GroundTruth truth, int cells, double lr, int steps, double offset) {
        MisclassifiedArea area = new MisclassifiedArea(truth, cells);
        MisclassifiedAreaTracker tracker = new MisclassifiedAreaTracker(area);
        double[] x = area.points();
        int[] all = area.labels();
        int n = 0;
        for (int c : all) {
            n += c >= 0 ? 1 : 0;
        }
        double[] xs = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0, j = 0; i < all.length; i++) {
            if (all[i] >= 0) {
                xs[2 * j] = x[2 * i];
                xs[2 * j + 1] = x[2 * i + 1];
                y[j++] = all[i];
            }
        }
        Loss loss = new Loss(LossKind.CROSS_ENTROPY, true);
        boolean[] need = new boolean[net.layers()];
        for (int k = 0; k < need.length; k++) {
            need[k] = net.spec().layers().get(k).trainable();
        }
        int changes = 0;
        double previous = Double.NaN;
        for (int s = 0; s < steps; s++) {
            double expected = area.measure(net, offset);
            assertEquals(expected, tracker.measure(net, offset), 0, "step " + s);
            changes += expected != previous ? 1 : 0;
            previous = expected;
            double[] logits = net.forward(xs, n);
            double[] grad = new double[logits.length];
            loss.evaluate(logits, n, net.outputWidth(), y, grad);
            net.backward(grad, need);
            for (int k = 0; k < net.layers(); k++) {
                if (need[k]) {
                    step(net.liveWeights(k), net.weightGradient(k), lr);
                    step(net.liveBiases(k), net.biasGradient(k), lr);
                }
            }
            net.syncWeights();
        }
        return new Tracked(changes, tracker.cellsEvaluated(), (long) steps * all.length);
    }

    private static void step(double[] w, double[] g, double lr) {
        if (w != null) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    private static void perturb(double[] a, double scale, SplittableRandom rnd) {
        if (a != null) {
            for (int i = 0; i < a.length; i++) {
                a[i] += scale * (2 * rnd.nextDouble() - 1);
            }
        }
    }
}
