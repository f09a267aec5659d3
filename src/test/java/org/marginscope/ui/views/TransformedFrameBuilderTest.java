package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.render.TransformedPainter;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingEngine;

/** The transformed view's builder paces new snapshots by their cost, never a new look or a scrub. */
class TransformedFrameBuilderTest {
    private static final TransformedFrameBuilder.Look LOOK = new TransformedFrameBuilder.Look(60, 40,
            new TransformedPainter.Layers(true, true, true, true, false, false), false, 7);

    @Test
    void aNewLookOfTheSnapshotBuiltLastIsNotPacedANewSnapshotIs() {
        Preset p = PresetLibrary.byName("li-blob-small-net");
        Dataset d = p.dataset().build();
        TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
        e.run(50);
        Snapshot a = new Snapshot(50, p.network(), e.network().parameters(), 0, 1, Double.NaN, new double[] {1},
                new double[] {0}, 0, 0, Map.of(), null);
        Snapshot b = new Snapshot(60, p.network(), e.network().parameters(), 0, 1, Double.NaN, new double[] {1},
                new double[] {0}, 0, 0, Map.of(), null);
        TransformedFrameBuilder builder = new TransformedFrameBuilder();
        long t0 = System.nanoTime();
        var painted = builder.build(new TransformedFrameBuilder.Request(a, d, LOOK, false, 0));
        assertEquals(60 * 40, painted.main().length, "painted at the look's size");
        long paced = builder.earliestStart(new TransformedFrameBuilder.Request(b, d, LOOK, false, 0), 0);
        assertTrue(paced >= t0 + TransformedFrameBuilder.MIN_FRAME_NANOS, "another snapshot waits its turn");
        var bigger = new TransformedFrameBuilder.Look(120, 80, LOOK.layers(), true, 7);
        assertEquals(0, builder.earliestStart(new TransformedFrameBuilder.Request(a, d, bigger, false, 0), 0),
                "a new look of the frame built last is painted at once");
        assertEquals(0, builder.earliestStart(new TransformedFrameBuilder.Request(b, d, LOOK, true, 0), 0),
                "a scrub is the user asking for one moment");
        var repainted = builder.build(new TransformedFrameBuilder.Request(a, d, bigger, false, 0));
        assertSame(painted.frame(), repainted.frame(), "a new look computes nothing: the same frame");
        assertEquals(120 * 80, repainted.svmPanel().length, "with the SVM panel asked for");
    }
}
