package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/** Issue 23 item 2: runs that go wrong with finite numbers are stopped with the cause in words. */
class DivergenceWatchTest {
    static final Preset SMALL = PresetLibrary.byName("li-blob-small-net"); // trains at lr 0.3

    private static TrainingEngine engine(OptimiserKind o, double lr, Dtype dtype) {
        return new TrainingEngine(SMALL.dataset().build(), SMALL.network(),
                SMALL.training().withOptimiser(o, 0).withLearningRate(lr).withDtype(dtype));
    }

    /** Runs until stopped; the weights kept are those of the step it stopped at, and the timeline ends there. */
    private static TrainingEngine stopped(OptimiserKind o, double lr, Dtype dtype) {
        TrainingEngine e = engine(o, lr, dtype);
        assertFalse(e.run(300), o + " lr " + lr + " " + dtype + " must be stopped");
        Parameters kept = e.network().parameters();
        Snapshot last = e.recordCurrent();
        assertEquals(e.stepCount(), last.step());
        assertEquals(kept, last.parameters());
        assertEquals(e.stepCount(), e.timeline().snapshots().get(e.timeline().size() - 1).step(),
                "the timeline goes up to the step it stopped at");
        for (Snapshot s : e.timeline().snapshots()) {
            assertTrue(Double.isFinite(s.loss()));
        }
        long at = e.stepCount();
        assertFalse(e.run(5), "going on stops again");
        assertEquals(at, e.stepCount());
        return e;
    }

    @Test
    void learningRate10KillsEveryUnitOfTheBottleneck() {
        for (Dtype d : Dtype.values()) {
            TrainingEngine e = stopped(OptimiserKind.GD, 10, d);
            assertTrue(e.divergence().startsWith("every unit of hidden layer 2 outputs 0 on every training point at step "),
                    e.divergence());
            assertTrue(e.divergence().endsWith("the learning rate 10 is too large - try 1"), e.divergence());
            assertEquals(1.0, e.suggestedLearningRate());
            double[] hidden = e.network().layerOutput(e.dataset().trainX(), e.dataset().size(), 1);
            for (double v : hidden) {
                assertTrue(v == 0, "the layer is dead: " + v);
            }
        }
    }

    @Test
    void hugeLearningRatesMakeTheLossGrowByOrdersOfMagnitude() {
        for (Dtype d : Dtype.values()) {
            for (double lr : new double[] {1e3, 1e6}) {
                TrainingEngine e = stopped(OptimiserKind.GD, lr, d);
                String why = e.divergence();
                assertTrue(why.matches("the loss grew from 0\\.618 \\(step 0\\) to \\S+ by step 1: the learning rate \\S+ is"
                        + " too large - try \\S+"), why);
                assertEquals(lr / 10, e.suggestedLearningRate(), 1e-9 * lr);
                assertTrue(why.endsWith("try " + (lr == 1e3 ? "100" : "1e5")), why);
                assertEquals(1, e.stepCount());
            }
        }
    }

    @Test
    void momentum1e4AndAdam1e6AreStopped() {
        TrainingEngine m = stopped(OptimiserKind.MOMENTUM, 1e4, Dtype.FLOAT32);
        assertTrue(m.divergence().startsWith("the loss grew from"), m.divergence());
        assertTrue(m.divergence().endsWith("try 1000"), m.divergence());
        // Adam's first step has the size of the learning rate whatever the gradient: the weights give it away
        TrainingEngine a = stopped(OptimiserKind.ADAM, 1e6, Dtype.FLOAT32);
        assertTrue(a.divergence().startsWith("the weights of layer "), a.divergence());
        assertTrue(a.divergence().contains("would reach a norm of"), a.divergence());
        assertEquals(0, a.stepCount(), "the update that made them so is undone");
        for (double n : a.recordCurrent().weightNorms()) {
            assertTrue(n < 100, "the initial weights are kept: " + n);
        }
    }

    @Test
    void aLayerDeadFromTheStartIsABadStartNotADivergence() {
        List<LayerSpec> layers = new ArrayList<>(SMALL.network().layers());
        LayerSpec h = layers.get(0);
        layers.set(0, new LayerSpec(h.width(), h.activation(), h.bias(), h.trainable(), h.init(), h.initScale(), -100,
                null, null));
        NetworkSpec dead = new NetworkSpec(2, false, layers);
        TrainingEngine e = new TrainingEngine(SMALL.dataset().build(), dead, SMALL.training());
        assertTrue(e.run(50), String.valueOf(e.divergence()));
        assertNull(e.divergence());
    }

    @Test
    void dataTooLargeForTheDtypeAreRefusedNamingTheirScale() {
        Dataset big = scaled(SMALL.dataset().build(), 1e200);
        var ex = assertThrows(IllegalArgumentException.class,
                () -> new TrainingEngine(big, SMALL.network(), SMALL.training().withDtype(Dtype.FLOAT64)));
        assertEquals("the data's coordinates reach 1.07e200, too large to train in float64 (a gradient step grows with"
                + " their square, which passes its largest number beyond 1.34e154): rescale the data (to about [-1, 1])",
                ex.getMessage());
        Dataset mid = scaled(SMALL.dataset().build(), 1e30);
        var f32 = assertThrows(IllegalArgumentException.class, () -> new TrainingEngine(mid, SMALL.network(), SMALL.training()));
        assertTrue(f32.getMessage().contains("float32") && !f32.getMessage().contains("learning rate"), f32.getMessage());
        for (double v : new double[] {1e300, Double.MAX_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new TrainingEngine(scaled(SMALL.dataset().build(), v),
                    SMALL.network(), SMALL.training().withDtype(Dtype.FLOAT64)));
        }
        // setting float32 on float64 data that do not fit it is refused too, and changes nothing
        TrainingEngine e = new TrainingEngine(mid, SMALL.network(), SMALL.training().withDtype(Dtype.FLOAT64));
        assertThrows(IllegalArgumentException.class, () -> e.setConfig(e.config().withDtype(Dtype.FLOAT32)));
        assertEquals(Dtype.FLOAT64, e.config().dtype());
    }

    @Test
    void largeDataThatDivergeNameTheDataNotTheLearningRate() {
        TrainingEngine e = new TrainingEngine(scaled(SMALL.dataset().build(), 1e30), SMALL.network(),
                SMALL.training().withDtype(Dtype.FLOAT64));
        assertFalse(e.run(100));
        assertTrue(e.divergence().matches(".*: the data's coordinates reach [0-9.]+e(29|30), far from unit size: rescale the"
                + " data .*") && !e.divergence().contains("learning rate 0.3"), e.divergence());
        assertTrue(Double.isNaN(e.suggestedLearningRate()), "no learning rate to offer");
    }

    @Test
    void numbersReadWell() {
        assertEquals("0.618", DivergenceWatch.num(0.61803));
        assertEquals("1.86e5", DivergenceWatch.num(186_234));
        assertEquals("1e6", DivergenceWatch.num(1e6));
        assertEquals("0.03", DivergenceWatch.num(0.3 / 10));
        assertEquals("1e-4", DivergenceWatch.num(1e-4));
        assertEquals(0.03, DivergenceWatch.suggestedLearningRate(0.3, 1));
    }

    private static Dataset scaled(Dataset d, double s) {
        double[] tx = d.trainX().clone(), vx = d.testX().clone();
        for (int i = 0; i < tx.length; i++) {
            tx[i] *= s;
        }
        for (int i = 0; i < vx.length; i++) {
            vx[i] *= s;
        }
        return new Dataset(d.name(), d.dim(), tx, d.trainY(), vx, d.testY(), d.classNames(), null);
    }
}
