package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.TrainingConfig;
import org.marginscope.train.TrainingEngine;
import org.nd4j.linalg.api.buffer.DataType;

class LastLayerAlignmentTest {
    @Test
    void aLastLayerEqualToTheSvmIsAlignedExactly() {
        // symmetric four points; the SVM is w = (1, 0), b = 0, margin 1. A linear "network" with the
        // same weights (scaled by 3: direction is what counts) has angle 0 and bias gap 0.
        Dataset d = Dataset.of("four", 2, new double[] {1, 1, 1, -1, -1, 1, -1, -1}, new int[] {1, 1, 0, 0});
        NetworkSpec spec = new NetworkSpec(2, false, List.of(new LayerSpec(1, Activation.LINEAR, true, true,
                Initialiser.ZERO, 1, 0, new double[][] {{3}, {0}}, new double[] {0})));
        LastLayerAlignment.Result r = LastLayerAlignment.measure(new Network(spec, DataType.DOUBLE, 1), d, 0);
        assertEquals(0, r.angleDeg()[0], 1e-3);
        assertEquals(0, r.biasGap(), 1e-5);
        assertEquals(1, r.nnMargin(), 1e-9);
        assertEquals(1, r.svmMargin(), 1e-5);
        // a tilted last layer: the angle is the tilt, 30 degrees
        NetworkSpec tilted = new NetworkSpec(2, false, List.of(new LayerSpec(1, Activation.LINEAR, true, true,
                Initialiser.ZERO, 1, 0, new double[][] {{Math.cos(Math.PI / 6)}, {Math.sin(Math.PI / 6)}}, new double[] {0.5})));
        LastLayerAlignment.Result t = LastLayerAlignment.measure(new Network(tilted, DataType.DOUBLE, 1), d, 0);
        assertEquals(30, t.angleDeg()[0], 1e-3);
        assertEquals(0.5, t.biasGap(), 1e-5);
    }

    /**
     * Li et al. Thm 1 on a fast variant of Fig 2's Blob (400 points in [0,1], 2-16-16-1 ReLU, full
     * GD, cross-entropy): the angle between the last layer and the SVM of the transformed points keeps
     * falling with log t. Measured: ~124 deg at step 0, ~36 at 50, ~26 at 4,000 (about 1.3 degree per
     * doubling of t, the slow log-rate of the theorem). The test asks for a fall at every doubling
     * checkpoint from 64 to 4,096 and a final angle under 30 degrees.
     */
    @Test
    void theLastLayerTurnsTowardsTheSvmWithLogTime() {
        Dataset d = Generators.byName("blob").generate(new GeneratorParams(400, 0, 1, Scale.SMALL));
        TrainingEngine e = new TrainingEngine(d, NetworkSpec.mlp(2, 2, Activation.RELU, 16, 16),
                TrainingConfig.gd(0.3).withSeed(1));
        List<Double> angles = new ArrayList<>();
        long[] checkpoints = {64, 256, 1024, 4096};
        for (long c : checkpoints) {
            e.run(c - e.stepCount());
            angles.add(LastLayerAlignment.measure(e.network(), d, 0).angleDeg()[0]);
        }
        for (int i = 1; i < angles.size(); i++) {
            assertTrue(angles.get(i) < angles.get(i - 1), "angle must keep falling: " + angles);
        }
        assertTrue(angles.get(angles.size() - 1) < 30, "angle at step 4096: " + angles);
        LastLayerAlignment.Result r = LastLayerAlignment.measure(e.network(), d, 0);
        assertTrue(r.separable(), "the transformed data are separable once the net classifies everything");
        assertTrue(r.nnMargin() > 0 && r.nnMargin() <= r.svmMargin() + 1e-9, "the SVM's margin is the largest: " + r);
    }
}
