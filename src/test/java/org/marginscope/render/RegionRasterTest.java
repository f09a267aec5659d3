package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.model.Activation;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

class RegionRasterTest {
    private static final Bounds SQUARE = new Bounds(-1, 1, -1, 1);

    /** x = 0, y = 0 and x + y = 0.5, the logit the sum of the three ReLUs: 7 regions (LinearRegionsTest). */
    private static LinearRegions threeLines() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 3);
        Parameters p = new Parameters(new int[] {2, 3}, new int[] {3, 1},
                new double[][] {{1, 0, 1, 0, 1, 1}, {1, 1, 1}}, new double[][] {{0, 0, -0.5}, {0}});
        return LinearRegions.compute(spec, p, SQUARE);
    }

    private static int at(RegionRaster.Image img, double x, double y) {
        int i = (int) ((x - SQUARE.xMin()) / SQUARE.width() * img.width());
        int j = (int) ((SQUARE.yMax() - y) / SQUARE.height() * img.height());
        return img.argb()[j * img.width() + i];
    }

    @Test
    void everyPixelTakesThePatternColourOfTheRegionUnderItsCentre() {
        LinearRegions r = threeLines();
        RegionRaster.Image img = RegionRaster.paint(r, 101, 87, RegionRaster.Shading.PATTERN);
        int wrong = 0;
        Set<Integer> colours = new HashSet<>();
        for (int j = 0; j < img.height(); j++) {
            for (int i = 0; i < img.width(); i++) {
                double x = SQUARE.xMin() + (i + 0.5) * SQUARE.width() / img.width();
                double y = SQUARE.yMax() - (j + 0.5) * SQUARE.height() / img.height();
                int want = RegionRaster.patternColour(r.regionAt(x, y).pattern());
                wrong += img.argb()[j * img.width() + i] == want ? 0 : 1;
                colours.add(img.argb()[j * img.width() + i]);
            }
        }
        // a rasteriser's sub-pixel rounding may give a centre a hair from an edge to its neighbour
        assertTrue(wrong < 0.01 * img.width() * img.height(), wrong + " pixels off");
        assertEquals(7, colours.size(), "one colour per region");
    }

    @Test
    void slopeShadingGoesFromWhiteOnTheFlatRegionToTheDarkestShadeOnTheSteepest() {
        RegionRaster.Image img = RegionRaster.paint(threeLines(), 200, 200, RegionRaster.Shading.SLOPE);
        assertEquals(2 * Math.sqrt(2), img.slopeTop(), 1e-12, "all three on: logit 2x + 2y - 0.5");
        assertEquals(RegionRaster.slopeColour(0), at(img, -0.7, -0.7), "all off: a flat logit");
        assertEquals(RegionRaster.slopeColour(1), at(img, 0.8, 0.7));
        assertEquals(RegionRaster.slopeColour(1 / (2 * Math.sqrt(2))), at(img, 0.7, -0.7), "x on alone: slope 1");
        assertEquals(0xFFFFFFFF, RegionRaster.slopeColour(0));
    }

    @Test
    void theEdgeImageHasInkOnTheLinesAndNoneInsideTheRegions() {
        int[] edges = RegionRaster.edges(threeLines(), 200, 200, 0xFF000000, 1f);
        // x = 0 runs down the middle column pair (pixels 99 and 100); the centre of the flat region has none
        assertTrue((edges[50 * 200 + 99] >>> 24) + (edges[50 * 200 + 100] >>> 24) > 200, "the line x = 0 is drawn");
        assertEquals(0, edges[150 * 200 + 50] >>> 24, "nothing inside the region x, y < 0");
        assertEquals(0, edges[20 * 200 + 180] >>> 24, "nothing inside the region where all are on");
    }

    /** Three outputs: the slope shown is that of the logit of the class predicted at the pixel. */
    @Test
    void withSeveralOutputsThePredictedClassesLogitGivesTheSlope() {
        // one unit h = relu(x); logits h, -3h + 0.25, -10: class 1 for x < 1/16, class 0 beyond
        NetworkSpec spec = NetworkSpec.mlp(2, 3, Activation.RELU, 1);
        Parameters p = new Parameters(new int[] {2, 1}, new int[] {1, 3},
                new double[][] {{1, 0}, {1, -3, 0}}, new double[][] {{0}, {0, 0.25, -10}});
        LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
        assertEquals(2, r.count());
        RegionRaster.Image img = RegionRaster.paint(r, 320, 16, RegionRaster.Shading.SLOPE);
        assertEquals(3, img.slopeTop(), 1e-12, "class 1's logit in the strip 0 < x < 1/16");
        assertEquals(RegionRaster.slopeColour(1), at(img, 0.03, 0));
        assertEquals(RegionRaster.slopeColour(1 / 3.0), at(img, 0.5, 0));
        assertEquals(RegionRaster.slopeColour(0), at(img, -0.5, 0));
        assertNotEquals(at(img, 0.03, 0), at(img, 0.5, 0), "one region, two predicted classes, two shades");
    }
}
