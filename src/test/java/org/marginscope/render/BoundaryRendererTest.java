package org.marginscope.render;

import org.marginscope.data.Viewport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;

class BoundaryRendererTest {
    @Test
    void marchingSquaresTraceACircle() {
        int n = 101;
        double[] f = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = i - 50, y = j - 50;
                f[j * n + i] = x * x + y * y - 30 * 30;
            }
        }
        List<Contours.Segment> segs = Contours.zeroLevel(f, n, n);
        assertTrue(segs.size() > 150, "a circle of radius 30 crosses ~190 cells, got " + segs.size());
        for (Contours.Segment s : segs) {
            // linear interpolation of x^2 + y^2 along a cell edge errs by less than a cell's curvature
            assertEquals(30, Math.hypot(s.x0() - 50, s.y0() - 50), 0.02);
            assertEquals(30, Math.hypot(s.x1() - 50, s.y1() - 50), 0.02);
        }
    }

    @Test
    void aLinearNetsBoundaryIsItsLineAndTheSidesTakeTheClassColours() {
        // logit = x - y + 0.2
        NetworkSpec spec = new NetworkSpec(2, false, List.of(new LayerSpec(1, Activation.LINEAR, true, true,
                Initialiser.ZERO, 1, 0, new double[][] {{1}, {-1}}, new double[] {0.2})));
        Network net = new Network(spec, DataType.DOUBLE, 1);
        Viewport vp = new Viewport(new Bounds(-1, 1, -1, 1), 64, 48);
        BoundaryFrame frame = new BoundaryRenderer().render(spec, net.parameters(), 0, vp, 7);
        assertEquals(7, frame.step());
        assertTrue(frame.boundary().size() > 40);
        for (Contours.Segment s : frame.boundary()) {
            assertEquals(0, s.x0() - s.y0() + 0.2, 1e-6);
            assertEquals(0, s.x1() - s.y1() + 0.2, 1e-6);
        }
        int topLeft = frame.argb()[0];           // x=-1, y=+1: logit -1.8, class 0
        int bottomRight = frame.argb()[64 * 48 - 1]; // x=+1, y=-1: logit 2.2, class 1
        assertEquals(Shading.binary(org.marginscope.model.StableMath.sigmoid(-1.8)), topLeft);
        assertNotEquals(topLeft, bottomRight);
        assertTrue(Palette.b(topLeft) > Palette.r(topLeft), "class 0 side is tinted blue");
        assertTrue(Palette.r(bottomRight) > Palette.b(bottomRight), "class 1 side is tinted orange");
        // a decision offset moves the boundary: logit + 0.2 = 0 on x - y + 0.4 = 0
        BoundaryFrame shifted = new BoundaryRenderer().render(spec, net.parameters(), 0.2, vp, 7);
        for (Contours.Segment s : shifted.boundary()) {
            assertEquals(0, s.x0() - s.y0() + 0.4, 1e-6);
        }
    }

    @Test
    void saddleCellsFollowTheCentreValue() {
        // f = x*y on a 2x2 grid around 0: corners (+,-,+,-) give a saddle; centre 0.01 > 0 joins the positive corners
        double[] high = {1, -1, 1.04, -1};
        double[] low = {1, -1, 0.96, -1};
        List<Contours.Segment> h = Contours.zeroLevel(reorder(high), 2, 2);
        List<Contours.Segment> l = Contours.zeroLevel(reorder(low), 2, 2);
        assertEquals(2, h.size());
        assertEquals(2, l.size());
        assertNotEquals(pairs(h), pairs(l), "the centre's sign decides which corners the lines cut off");
    }

    /** (a, b, c, d) = bottom-left, bottom-right, top-right, top-left -> row-major 2x2 grid. */
    private static double[] reorder(double[] abcd) {
        return new double[] {abcd[0], abcd[1], abcd[3], abcd[2]};
    }

    private static java.util.Set<String> pairs(List<Contours.Segment> segs) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Contours.Segment s : segs) {
            String p = String.format("%.2f,%.2f", s.x0(), s.y0()), q = String.format("%.2f,%.2f", s.x1(), s.y1());
            out.add(p.compareTo(q) < 0 ? p + "-" + q : q + "-" + p);
        }
        return out;
    }

    @Test
    void threeClassRegionsMeetWhereTheLogitsTie() {
        // logits (x, y, 0): class 0 right, class 1 top, class 2 lower left
        NetworkSpec spec = new NetworkSpec(2, false, List.of(new LayerSpec(3, Activation.LINEAR, false, true,
                Initialiser.ZERO, 1, 0, new double[][] {{1, 0, 0}, {0, 1, 0}}, null)));
        Network net = new Network(spec, DataType.DOUBLE, 1);
        BoundaryFrame frame = new BoundaryRenderer().render(spec, net.parameters(), 0,
                new Viewport(new Bounds(-1, 1, -1, 1), 40, 40), 0);
        for (Contours.Segment s : frame.boundary()) {
            double x = (s.x0() + s.x1()) / 2, y = (s.y0() + s.y1()) / 2;
            double[] l = {x, y, 0};
            java.util.Arrays.sort(l);
            assertEquals(l[2], l[1], 0.06, "boundary points are where the two largest logits tie");
        }
        int right = frame.argb()[20 * 40 + 39]; // x = 1, y ~ 0: logits (1, 0, 0): class 0
        int upperMiddle = frame.argb()[20];     // x ~ 0, y = 1: class 1
        assertTrue(Palette.b(right) > Palette.r(right), "class 0 region is blue");
        assertTrue(Palette.r(upperMiddle) > Palette.b(upperMiddle), "class 1 region is orange");
        assertTrue(frame.boundary().size() > 20, "three region boundaries are traced");
    }

    @Test
    void aFrameNobodyWantsStopsWithinABandAndAWantedOneIsUnchangedByTheBands() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.TANH, 12, 12);
        Network net = new Network(spec, DataType.DOUBLE, 5);
        Viewport vp = new Viewport(new Bounds(-2, 2, -1.5, 1.5), 90, 100); // 100 rows: 5 bands, the last short
        BoundaryRenderer r = new BoundaryRenderer();
        int[] looks = new int[1];
        BoundaryFrame banded = r.render(spec, net.parameters(), 0, vp, 3, List.of(), FieldShading.PROBABILITY, () -> {
            looks[0]++;
            return false;
        });
        assertEquals((100 + BoundaryRenderer.BAND_ROWS - 1) / BoundaryRenderer.BAND_ROWS, looks[0]);
        // the same field as one pass over the whole grid
        double[] logits = new Network(spec, DataType.FLOAT, net.parameters()).logits(vp.points(), 90 * 100);
        for (int j = 0; j < 100; j += 7) {
            for (int i = 0; i < 90; i += 11) {
                assertEquals(Shading.binary(org.marginscope.model.StableMath.sigmoid(logits[j * 90 + i])),
                        banded.argb()[(99 - j) * 90 + i], "pixel " + i + "," + j);
            }
        }
        int[] asked = new int[1];
        assertEquals(null, r.render(spec, net.parameters(), 0, vp, 3, List.of(), FieldShading.PROBABILITY,
                () -> ++asked[0] > 2), "a render cancelled after two bands gives no frame");
        assertEquals(3, asked[0], "and stops at the third look");
    }
}
