package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.model.Network;
import org.marginscope.model.Parameters;
import org.marginscope.train.TrainingEngine;
import org.nd4j.linalg.api.buffer.DataType;

/** Networks trained beside the main one appear in its transformed space only when they share it. */
class TransformedCompanionsTest {
    /** The same parameters with the last layer's weights rotated a little and its bias moved. */
    private static Parameters otherLastLayer(Parameters p) {
        int l = p.layers();
        double[][] w = new double[l][], b = new double[l][];
        int[] in = new int[l], out = new int[l];
        for (int k = 0; k < l; k++) {
            in[k] = p.in(k);
            out[k] = p.out(k);
            w[k] = p.weights(k).clone();
            b[k] = p.hasBias(k) ? p.biases(k).clone() : null;
        }
        double a = w[l - 1][0], c = w[l - 1][1];
        w[l - 1][0] = a * Math.cos(0.3) - c * Math.sin(0.3);
        w[l - 1][1] = a * Math.sin(0.3) + c * Math.cos(0.3);
        b[l - 1][0] += 0.2;
        return new Parameters(in, out, w, b);
    }

    @Test
    void aCopyOverTheSameFeaturesIsDrawnAndMeasuredAgainstTheSameSvm() {
        Preset p = PresetLibrary.byName("li-blob-small-net"); // a 2-unit last hidden layer: the plane itself
        Dataset d = p.dataset().build();
        TrainingEngine e = new TrainingEngine(d, p.network(), p.training());
        e.run(500);
        Parameters main = e.network().parameters();
        Parameters copy = otherLastLayer(main);
        TrainingEngine stranger = new TrainingEngine(d, p.network(), p.training().withSeed(9));
        stranger.run(500);
        TransformedFrame f = new TransformedRenderer().render(p.network(), main, null, 0, d, 500, List.of(
                new TransformedRenderer.Other("copy", copy, 0),
                new TransformedRenderer.Other("other seed, own features", stranger.network().parameters(), 0)));
        assertEquals(1, f.companions().size(), "only the network with the same features shares the plane");
        TransformedFrame.Companion c = f.companions().get(0);
        assertEquals("copy", c.label());
        assertArrayEquals(copy.unitWeights(2, 0), c.w(), 0.0, "its line is its own last layer in the plane");
        assertEquals(copy.bias(2, 0), c.b(), 0.0);
        Network net = new Network(p.network(), DataType.DOUBLE, copy);
        double expected = LastLayerAlignment.measure(net, d, 0).angleDeg()[0];
        assertEquals(expected, c.angleDeg(), 0.01, "against the main frame's SVM, which is the copy's too");
        assertTrue(Math.abs(c.angleDeg() - f.alignment().angleDeg()[0]) > 1, "a different angle from the main net's");
    }
}
