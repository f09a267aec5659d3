package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * A class without points keeps its output (classes keep their numbers) but not its say in the original view: with
 * class 2 marked empty, a 3-output net whose class-2 logit wins everywhere is shaded, and its boundary drawn,
 * exactly as the 2-output net of its classes 0 and 1.
 */
class EmptyClassShadingTest {
    private static NetworkSpec linear(double[][] inByOut, double[] bias) {
        return new NetworkSpec(2, false, List.of(new LayerSpec(bias.length, Activation.LINEAR, true, true,
                Initialiser.ZERO, 1, 0, inByOut, bias)));
    }

    @Test
    void anEmptyClassIsNeitherShadedNorBounded() {
        // class 0 wins for x < 0, class 1 for x > 0; class 2's logit is 10 everywhere, above both
        NetworkSpec three = linear(new double[][] {{-1, 1, 0}, {0.2, 0.2, 0}}, new double[] {0, 0, 10});
        NetworkSpec two = linear(new double[][] {{-1, 1}, {0.2, 0.2}}, new double[] {0, 0});
        Viewport vp = new Viewport(new Bounds(-1, 1, -1, 1), 40, 40);
        Parameters p3 = new org.marginscope.model.Network(three, org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1).parameters();
        Parameters p2 = new org.marginscope.model.Network(two, org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1).parameters();
        BoundaryFrame all = new BoundaryRenderer().render(three, p3, 0, vp, 0, List.of(), FieldShading.PROBABILITY,
                () -> false, null);
        BoundaryFrame masked = new BoundaryRenderer().render(three, p3, 0, vp, 0, List.of(), FieldShading.PROBABILITY,
                () -> false, new boolean[] {true, true, false});
        BoundaryFrame reference = new BoundaryRenderer().render(two, p2, 0, vp, 0);
        assertArrayEquals(reference.argb(), masked.argb(), "shaded as the net of the classes with points");
        assertEquals(reference.boundary().size(), masked.boundary().size());
        assertFalse(reference.boundary().isEmpty(), "classes 0 and 1 meet at x = 0");
        assertFalse(Arrays.equals(all.argb(), masked.argb()), "unmasked, class 2 colours the view");
    }
}
