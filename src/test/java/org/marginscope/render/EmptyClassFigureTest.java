package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.LinearRegionsFigure;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Exported figures ignore a class without points as the screen does (issue 22): data of classes 0, 1 and 3 and a
 * 4-output net whose class-2 logit wins everywhere. Each class with points wins its own third of the plane; the
 * figure's fields must show those classes there, not class 2, and its legend must not list class 2.
 */
class EmptyClassFigureTest {
    private static final int[] PRESENT = {0, 1, 3};
    private static final double[] ANGLE = {0, 2 * Math.PI / 3, 0, 4 * Math.PI / 3};

    private static Dataset data() {
        double[] x = new double[2 * 6];
        int[] y = new int[6];
        int i = 0;
        for (int c : PRESENT) {
            for (double d : new double[] {-0.3, 0.3}) { // two points per class beside its direction, radius 1
                x[2 * i] = Math.cos(ANGLE[c] + d);
                x[2 * i + 1] = Math.sin(ANGLE[c] + d);
                y[i++] = c;
            }
        }
        return new Dataset("0-1-3", 2, x, y, null, null, Dataset.defaultClassNames(4), null);
    }

    /** Logit c = 3 (cos, sin)(angle c) . x for the classes with points; class 2's is gradient x 100 + 1000. */
    private static double[][] outputWeights(double class2Slope) {
        double[][] w = new double[2][4];
        for (int c : PRESENT) {
            w[0][c] = 3 * Math.cos(ANGLE[c]);
            w[1][c] = 3 * Math.sin(ANGLE[c]);
        }
        w[0][2] = class2Slope;
        return w;
    }

    private static LayerSpec layer(int units, Activation a, double[][] inByOut, double[] bias) {
        return new LayerSpec(units, a, true, true, Initialiser.ZERO, 1, 0, inByOut, bias);
    }

    private static Parameters parameters(NetworkSpec spec) {
        return new Network(spec, DataType.DOUBLE, 1).parameters();
    }

    /** The class whose colour a shade leans to: the palette colour most nearly in the shade's direction from the neutral. */
    private static int leaning(int argb) {
        double[] v = direction(argb);
        int best = -1;
        double bestCos = -2;
        for (int c = 0; c < 4; c++) {
            double[] u = direction(Palette.colour(c));
            double cos = (v[0] * u[0] + v[1] * u[1] + v[2] * u[2]) / (Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
                    * Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]));
            if (cos > bestCos) {
                bestCos = cos;
                best = c;
            }
        }
        return best;
    }

    private static double[] direction(int argb) {
        return new double[] {Palette.r(argb) - Palette.r(Shading.NEUTRAL), Palette.g(argb) - Palette.g(Shading.NEUTRAL),
                Palette.b(argb) - Palette.b(Shading.NEUTRAL)};
    }

    @Test
    void thePaperFigureShadesAndListsOnlyTheClassesWithPoints() {
        NetworkSpec spec = new NetworkSpec(2, false, List.of(layer(4, Activation.LINEAR, outputWeights(0),
                new double[] {0, 0, 1000, 0})));
        Dataset d = data();
        PaperFigure fig = PaperFigure.of(d, spec, parameters(spec), null, 0, 7, "empty class 2");

        BoundaryFrame original = fig.original();
        var vp = original.viewport();
        TransformedFrame t = fig.transformed();
        Bounds tb = t.bounds();
        for (int c : PRESENT) {
            double x = 0.6 * Math.cos(ANGLE[c]), y = 0.6 * Math.sin(ANGLE[c]);
            int i = (int) Math.round((x - vp.bounds().xMin()) / vp.bounds().width() * (vp.nx() - 1));
            int j = (int) Math.round((y - vp.bounds().yMin()) / vp.bounds().height() * (vp.ny() - 1));
            assertEquals(c, leaning(original.argb()[(vp.ny() - 1 - j) * vp.nx() + i]),
                    "original panel at class " + c + "'s side");
            int ti = (int) ((x - tb.xMin()) / tb.width() * t.nx()), tj = (int) ((tb.yMax() - y) / tb.height() * t.ny());
            assertEquals(c, leaning(t.argb()[tj * t.nx() + ti]), "network panel at class " + c + "'s side");
        }
        List<String> legend = fig.legendRows().stream().flatMap(List::stream).map(PaperFigure.Entry::label).toList();
        assertTrue(legend.containsAll(List.of("class 0", "class 1", "class 3")), legend.toString());
        assertFalse(legend.contains("class 2"), "the legend lists the empty class: " + legend);
    }

    @Test
    void linearRegionsAreShadedByTheSlopeOfAClassWithPoints() {
        double[][] identity = {{1, 0}, {0, 1}};
        NetworkSpec spec = new NetworkSpec(2, false, List.of(layer(2, Activation.LINEAR, identity, new double[2]),
                layer(4, Activation.LINEAR, outputWeights(100), new double[] {0, 0, 1000, 0})));
        LinearRegions r = LinearRegions.compute(spec, parameters(spec), new Bounds(-1.2, 1.2, -1.2, 1.2));
        var shown = LinearRegionsFigure.shown(r, data(), 60, 60, RegionRaster.Shading.SLOPE);
        // every class with points has a logit of slope 3; the empty class's slope 100 must not set the scale
        assertEquals(3, shown.image().slopeTop(), 1e-9);
    }
}
