package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Gaussian;
import org.marginscope.model.Activation;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

class LinearRegionsTest {
    private static final Bounds SQUARE = new Bounds(-1, 1, -1, 1);

    /** x = 0, y = 0 and x + y = 0.5 in [-1,1]^2: four quadrants, the third line cuts three of them - 7 regions. */
    @Test
    void threeLinesCutTheSquareIntoSevenRegionsWithTheAreasWorkedOutByHand() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 3);
        Parameters p = new Parameters(new int[] {2, 3}, new int[] {3, 1},
                new double[][] {{1, 0, 1, 0, 1, 1}, {1, 1, 1}}, new double[][] {{0, 0, -0.5}, {0}});
        LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
        assertTrue(r.complete());
        assertEquals(7, r.count());
        // pattern (x > 0, y > 0, x + y > 0.5) -> area: the corner triangles of the cut quadrants are 1/8
        Map<String, Double> expected = Map.of("111", 0.875, "110", 0.125, "011", 0.125, "010", 0.875,
                "101", 0.125, "100", 0.875, "000", 1.0);
        double total = 0;
        for (LinearRegions.Region g : r.regions()) {
            Double a = expected.get(g.pattern().toString());
            assertNotNull(a, "unexpected pattern " + g.pattern());
            assertEquals(a, g.polygon().area(), 1e-12, g.pattern() + " " + g.polygon());
            total += g.polygon().area();
        }
        assertEquals(4, total, 1e-12);
        // all on: logit = x + y + (x + y - 0.5)
        LinearRegions.Region on = r.regionAt(0.9, 0.8);
        assertEquals("111", on.pattern().toString());
        assertEquals(2, on.gradient(0)[0], 1e-15);
        assertEquals(2, on.gradient(0)[1], 1e-15);
        assertEquals(-0.5, on.offset(0), 1e-15);
        assertEquals(List.of(new ActivationPattern.Unit(0, 0), new ActivationPattern.Unit(0, 1),
                new ActivationPattern.Unit(0, 2)), r.activeUnits(on));
        assertEquals(List.of(new ActivationPattern.Unit(0, 1)), r.activeUnits(r.regionAt(-0.9, 0.1)));
        // (0.9, 0.8) and (0.7, 0.7) share a region, (0.1, 0.1) is under the cut, (-0.5, -0.5) in the third
        // quadrant, (5, 5) outside the viewport
        double[] pts = {0.9, 0.8, 0.7, 0.7, 0.1, 0.1, -0.5, -0.5, 5, 5};
        assertEquals(3, r.countContaining(pts, 5));
        assertEquals(-1, r.indexAt(5, 5));
    }

    /** Zero biases: every first-layer line passes through the origin, the most degenerate arrangement. */
    @Test
    void linesThroughOnePointCutTwiceTheirNumberOfSectors() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 50);
        Parameters p = random(spec, 3, 0);
        for (Bounds b : new Bounds[] {SQUARE, new Bounds(-0.5, 1, -0.25, 1)}) {
            LinearRegions r = LinearRegions.compute(spec, p, b);
            assertEquals(100, r.count(), "50 lines through the origin inside " + b);
            checkPartition(spec, p, r);
        }
    }

    /**
     * One hidden layer: the regions are the faces of a line arrangement clipped to the box; adding lines one
     * at a time, each adds one face per piece it is cut into, so faces = 1 + lines crossing + crossings inside.
     */
    @Test
    void aFirstLayerGivesTheFacesOfItsLineArrangement() {
        int n = 300;
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, n);
        Parameters p = random(spec, 11, 0.7);
        double[][] lines = new double[n][];
        for (int j = 0; j < n; j++) {
            lines[j] = new double[] {p.weight(0, 0, j), p.weight(0, 1, j), p.bias(0, j)};
        }
        int crossing = 0;
        for (double[] l : lines) {
            boolean pos = false, neg = false;
            for (double[] c : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
                double v = l[0] * c[0] + l[1] * c[1] + l[2];
                pos |= v > 0;
                neg |= v < 0;
            }
            crossing += pos && neg ? 1 : 0;
        }
        long meets = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] a = lines[i], b = lines[j];
                double det = a[0] * b[1] - a[1] * b[0];
                double x = (-a[2] * b[1] + a[1] * b[2]) / det, y = (-a[0] * b[2] + a[2] * b[0]) / det;
                meets += Math.abs(x) < 1 && Math.abs(y) < 1 ? 1 : 0;
            }
        }
        assertTrue(crossing > 250 && meets > 10_000, crossing + " lines, " + meets + " crossings: a real test");
        // every sliver kept: exactly the arrangement's faces
        assertEquals(1 + crossing + meets, LinearRegions.count(spec, p, SQUARE, 0));
        // the default policy absorbs the few faces below 1e-12 of the viewport (near-triple points: this
        // arrangement has five triangles of ~5e-6 sides), and no other
        LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
        long absorbed = 1 + crossing + meets - r.count();
        assertTrue(absorbed >= 0 && absorbed <= 10, absorbed + " faces absorbed");
        assertEquals(r.count(), LinearRegions.count(spec, p, SQUARE));
        checkPartition(spec, p, r);
    }

    /** A grid sees only patterns that exist, never more than there are, and nearly every region it can. */
    @Test
    void aFineGridFindsNoPatternTheExactPartitionLacksAndNearlyAllLargeRegions() {
        for (int[] hidden : new int[][] {{8, 8}, {32, 32}}) {
            NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, hidden);
            Parameters p = random(spec, 5, 0.5);
            LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
            Set<String> exact = new HashSet<>();
            for (LinearRegions.Region g : r.regions()) {
                exact.add(g.pattern().toString());
            }
            assertEquals(r.count(), exact.size(), "one region per pattern");
            int previous = 0;
            for (int cells : new int[] {200, 800}) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < cells; i++) {
                    for (int j = 0; j < cells; j++) {
                        double x = -1 + 2 * (i + 0.5) / cells, y = -1 + 2 * (j + 0.5) / cells;
                        seen.add(patternKey(spec, forward(spec, p, x, y)));
                    }
                }
                assertTrue(exact.containsAll(seen), "every grid pattern is an exact region's");
                assertTrue(seen.size() <= r.count());
                assertTrue(seen.size() >= previous, "the finer grid finds at least as many");
                previous = seen.size();
                if (cells == 800) {
                    double cellArea = 4.0 / cells / cells;
                    int large = 0, found = 0;
                    for (LinearRegions.Region g : r.regions()) {
                        if (g.polygon().area() > 4 * cellArea) {
                            large++;
                            found += seen.contains(g.pattern().toString()) ? 1 : 0;
                        }
                    }
                    assertTrue(found >= 0.95 * large, found + " of " + large + " large regions on the grid");
                    assertTrue(seen.size() > 0.8 * r.count(), seen.size() + " of " + r.count() + " seen");
                }
            }
        }
    }

    @Test
    void reluNetsTileTheViewportWithConvexRegionsThatAgreeWithAForwardPass() {
        for (int[] hidden : new int[][] {{8, 8}, {32, 32}, {6, 6, 6}}) {
            NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, hidden);
            for (long seed = 1; seed <= 3; seed++) {
                Parameters p = random(spec, seed, 0.5);
                checkPartition(spec, p, LinearRegions.compute(spec, p, new Bounds(-2, 1.5, -1, 2)));
            }
        }
        NetworkSpec three = NetworkSpec.mlp(2, 3, Activation.RELU, 16, 16);
        Parameters p = random(three, 9, 0.5);
        LinearRegions r = LinearRegions.compute(three, p, SQUARE);
        assertEquals(3, r.regions().get(0).outputs());
        checkPartition(three, p, r);
    }

    /** The maps read Parameters the way the app's network does (row-major in x out). */
    @Test
    void theLocalMapsGiveTheAppNetworksLogits() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 8, 8);
        Parameters p = random(spec, 4, 0.5);
        LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
        int n = r.count();
        double[] xy = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double[] c = r.regions().get(k).polygon().centroid();
            xy[2 * k] = c[0];
            xy[2 * k + 1] = c[1];
        }
        double[] logits = new Network(spec, DataType.DOUBLE, p).logits(xy, n);
        for (int k = 0; k < n; k++) {
            assertEquals(logits[k], r.regions().get(k).logit(0, xy[2 * k], xy[2 * k + 1]), 1e-9 * (1 + Math.abs(logits[k])));
        }
    }

    @Test
    void leakyReluKeepsItsSlopeOffAndTilesLikeRelu() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.leakyRelu(0.2), 3);
        Parameters p = new Parameters(new int[] {2, 3}, new int[] {3, 1},
                new double[][] {{1, 0, 1, 0, 1, 1}, {1, 1, 1}}, new double[][] {{0, 0, -0.5}, {0}});
        LinearRegions r = LinearRegions.compute(spec, p, SQUARE);
        assertEquals(7, r.count());
        LinearRegions.Region off = r.regionAt(-0.5, -0.5);
        assertEquals("000", off.pattern().toString());
        // 0.2 (x + y + x + y - 0.5)
        assertEquals(0.4, off.gradient(0)[0], 1e-15);
        assertEquals(0.4, off.gradient(0)[1], 1e-15);
        assertEquals(-0.1, off.offset(0), 1e-15);
        NetworkSpec deep = NetworkSpec.mlp(2, 2, Activation.leakyRelu(0.1), 16, 16);
        for (long seed = 1; seed <= 3; seed++) {
            Parameters q = random(deep, seed, 0.5);
            checkPartition(deep, q, LinearRegions.compute(deep, q, SQUARE));
        }
    }

    @Test
    void linearHiddenLayersAddNoRegions() {
        NetworkSpec allLinear = NetworkSpec.mlp(2, 2, Activation.LINEAR, 5, 4);
        Parameters lp = random(allLinear, 2, 0.5);
        LinearRegions one = LinearRegions.compute(allLinear, lp, SQUARE);
        assertEquals(1, one.count());
        assertEquals("11111|1111", one.regions().get(0).pattern().toString(), "a linear unit always passes z");
        checkPartition(allLinear, lp, one);

        // relu 8 -> linear 4 -> relu 8 is relu 8 -> relu 8 with the product of the middle weights
        NetworkSpec withLinear = new NetworkSpec(2, false, List.of(LayerSpec.dense(8, Activation.RELU),
                LayerSpec.dense(4, Activation.LINEAR), LayerSpec.dense(8, Activation.RELU), LayerSpec.output(1)));
        Parameters a = random(withLinear, 6, 0.5);
        double[] w = new double[8 * 8], b = a.biases(2).clone();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                for (int m = 0; m < 4; m++) {
                    w[i * 8 + j] += a.weight(1, i, m) * a.weight(2, m, j);
                }
            }
        }
        for (int j = 0; j < 8; j++) {
            for (int m = 0; m < 4; m++) {
                b[j] += a.bias(1, m) * a.weight(2, m, j);
            }
        }
        NetworkSpec folded = NetworkSpec.mlp(2, 2, Activation.RELU, 8, 8);
        Parameters f = new Parameters(new int[] {2, 8, 8}, new int[] {8, 8, 1},
                new double[][] {a.weights(0), w, a.weights(3)}, new double[][] {a.biases(0), b, a.biases(3)});
        LinearRegions ra = LinearRegions.compute(withLinear, a, SQUARE), rf = LinearRegions.compute(folded, f, SQUARE);
        checkPartition(withLinear, a, ra);
        assertEquals(rf.count(), ra.count());
        for (LinearRegions.Region g : ra.regions()) {
            double[] c = g.polygon().centroid();
            LinearRegions.Region h = rf.regionAt(c[0], c[1]);
            assertEquals(h.polygon().area(), g.polygon().area(), 1e-12);
            assertEquals(h.offset(0), g.offset(0), 1e-12);
        }
    }

    /** Sarussi's bias trick: a constant 1 appended to the input acts as the first layer's bias. */
    @Test
    void anAppendedConstantInputActsAsTheFirstLayersBias() {
        NetworkSpec trick = NetworkSpec.sarussi(2, 6, 0.2, 1.0, true);
        SplittableRandom rnd = new SplittableRandom(8);
        double[] w0 = Initialiser.NORMAL.draw(3, 12, 1, rnd);
        double[] w1 = new double[12];
        for (int i = 0; i < 12; i++) {
            w1[i] = i < 6 ? 1 : -1;
        }
        Parameters pt = new Parameters(new int[] {3, 12}, new int[] {12, 1}, new double[][] {w0, w1},
                new double[][] {null, null});
        LinearRegions rt = LinearRegions.compute(trick, pt, SQUARE);
        checkPartition(trick, pt, rt);

        NetworkSpec plain = NetworkSpec.mlp(2, 2, Activation.leakyRelu(0.2), 12);
        double[] b0 = new double[12];
        System.arraycopy(w0, 24, b0, 0, 12);
        Parameters pp = new Parameters(new int[] {2, 12}, new int[] {12, 1},
                new double[][] {java.util.Arrays.copyOf(w0, 24), w1}, new double[][] {b0, {0}});
        LinearRegions rp = LinearRegions.compute(plain, pp, SQUARE);
        assertTrue(rt.count() > 12);
        assertEquals(rp.count(), rt.count());
        for (int k = 0; k < rt.count(); k++) {
            assertEquals(rp.regions().get(k).pattern(), rt.regions().get(k).pattern());
            assertEquals(rp.regions().get(k).polygon(), rt.regions().get(k).polygon());
        }
    }

    @Test
    void smoothActivationsAndOtherInputsAreRefusedWithAReason() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.logisticWithGamma(1),
                Activation.SOFTPLUS, Activation.SQUARE}) {
            NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 4, 4)
                    .withLayers(List.of(LayerSpec.dense(4, Activation.RELU), LayerSpec.dense(4, a), LayerSpec.output(1)));
            Parameters p = random(spec, 1, 0.5);
            assertTrue(LinearRegions.unsupportedReason(spec).isPresent());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LinearRegions.compute(spec, p, SQUARE));
            assertTrue(e.getMessage().contains("hidden layer 2 uses " + a.kind().id())
                    && e.getMessage().contains("not piecewise linear"), e.getMessage());
        }
        NetworkSpec threeD = NetworkSpec.mlp(3, 2, Activation.RELU, 4);
        assertTrue(LinearRegions.unsupportedReason(threeD).orElseThrow().contains("2-D"));
        assertFalse(LinearRegions.unsupportedReason(NetworkSpec.mlp(2, 2, Activation.leakyRelu(0.1), 4)).isPresent());
        assertEquals(ActivationKind.LINEAR, NetworkSpec.mlp(2, 2, Activation.RELU, 4).layers().get(1).activation().kind());
    }

    @Test
    void pastTheCapTheOutcomeSaysSoAndKeepsNothing() {
        NetworkSpec spec = NetworkSpec.mlp(2, 2, Activation.RELU, 40, 40);
        Parameters p = random(spec, 2, 0.5);
        long all = LinearRegions.count(spec, p, SQUARE);
        assertTrue(all > 500, all + " regions");
        LinearRegions capped = LinearRegions.compute(spec, p, SQUARE, 500);
        assertEquals(LinearRegions.Outcome.TOO_MANY_REGIONS, capped.outcome());
        assertTrue(capped.regions().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, capped::count);
        assertTrue(e.getMessage().contains("more than 500"), e.getMessage());
        assertEquals(-1, capped.indexAt(0, 0));
        LinearRegions exact = LinearRegions.compute(spec, p, SQUARE, (int) all);
        assertTrue(exact.complete());
        assertEquals(all, exact.count());
        List<LinearRegions.Region> streamed = new ArrayList<>();
        assertEquals(all, LinearRegions.forEach(spec, p, SQUARE, streamed::add));
        assertEquals(exact.regions().get(17).polygon(), streamed.get(17).polygon());
    }

    // ---- helpers ----

    /**
     * Every check a partition must pass: convex polygons inside the viewport whose areas sum to its area, no
     * two overlapping (sampled points lie in exactly one), one pattern per region, the pattern a forward pass
     * gives at the centroid, and the logits' local map equal to the forward pass there.
     */
    static void checkPartition(NetworkSpec spec, Parameters p, LinearRegions r) {
        assertTrue(r.complete());
        Bounds vp = r.viewport();
        double diag = Math.hypot(vp.width(), vp.height());
        double total = 0;
        Set<ActivationPattern> patterns = new HashSet<>();
        List<double[]> boxes = new ArrayList<>();
        for (LinearRegions.Region g : r.regions()) {
            ConvexPolygon poly = g.polygon();
            assertTrue(poly.isConvex(1e-9 * diag), "convex: " + poly);
            double[] box = poly.box();
            boxes.add(box);
            assertTrue(box[0] >= vp.xMin() - 1e-12 * diag && box[1] <= vp.xMax() + 1e-12 * diag
                    && box[2] >= vp.yMin() - 1e-12 * diag && box[3] <= vp.yMax() + 1e-12 * diag, "inside the viewport");
            total += poly.area();
            assertTrue(patterns.add(g.pattern()), "pattern " + g.pattern() + " twice");
            double[] c = poly.centroid();
            double[][] z = forward(spec, p, c[0], c[1]);
            assertEquals(patternKey(spec, z), g.pattern().toString(), "pattern at the centroid of " + poly);
            double[] logits = z[z.length - 1];
            for (int k = 0; k < logits.length; k++) {
                assertEquals(logits[k], g.logit(k, c[0], c[1]), 1e-9 * (1 + Math.abs(logits[k])), "logit " + k);
            }
            assertEquals(g, r.regionAt(c[0], c[1]));
        }
        assertEquals(vp.area(), total, 1e-9 * vp.area(), "the areas sum to the viewport's");
        SplittableRandom rnd = new SplittableRandom(17);
        double tol = 1e-9 * diag;
        for (int s = 0; s < 4000; s++) {
            double x = vp.xMin() + vp.width() * rnd.nextDouble(), y = vp.yMin() + vp.height() * rnd.nextDouble();
            int inside = 0, near = 0;
            for (int k = 0; k < boxes.size(); k++) {
                double[] b = boxes.get(k);
                if (x < b[0] - tol || x > b[1] + tol || y < b[2] - tol || y > b[3] + tol) {
                    continue;
                }
                ConvexPolygon poly = r.regions().get(k).polygon();
                inside += poly.contains(x, y, -tol) ? 1 : 0;
                near += poly.contains(x, y, tol) ? 1 : 0;
            }
            assertTrue(inside <= 1, "(" + x + ", " + y + ") lies inside " + inside + " regions");
            assertTrue(near >= 1, "(" + x + ", " + y + ") lies in no region");
        }
    }

    /** A forward pass of its own: per hidden layer the pre-activations, then the logits. */
    static double[][] forward(NetworkSpec spec, Parameters p, double x, double y) {
        double[] h = spec.appendConstantInput() ? new double[] {x, y, 1} : new double[] {x, y};
        double[][] z = new double[p.layers()][];
        for (int k = 0; k < p.layers(); k++) {
            z[k] = new double[p.out(k)];
            for (int j = 0; j < p.out(k); j++) {
                double s = p.bias(k, j);
                for (int i = 0; i < p.in(k); i++) {
                    s += h[i] * p.weight(k, i, j);
                }
                z[k][j] = s;
            }
            Activation a = spec.layers().get(k).activation();
            h = new double[p.out(k)];
            for (int j = 0; j < h.length; j++) {
                h[j] = a.apply(z[k][j]);
            }
        }
        return z;
    }

    /** Pre-activations to the pattern's text: '1' where z &gt; 0 (always for a linear layer), layers by '|'. */
    static String patternKey(NetworkSpec spec, double[][] z) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < z.length - 1; k++) {
            if (k > 0) {
                sb.append('|');
            }
            boolean linear = spec.layers().get(k).activation().kind() == ActivationKind.LINEAR;
            for (double v : z[k]) {
                sb.append(linear || v > 0 ? '1' : '0');
            }
        }
        return sb.toString();
    }

    /** He-initialised weights (Xavier for the output) and N(0, biasStd^2) biases. */
    static Parameters random(NetworkSpec spec, long seed, double biasStd) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int layers = spec.layers().size();
        int[] in = new int[layers], out = new int[layers];
        double[][] w = new double[layers][], b = new double[layers][];
        int prev = spec.effectiveInputDim();
        for (int k = 0; k < layers; k++) {
            in[k] = prev;
            out[k] = spec.layers().get(k).width();
            Initialiser init = k == layers - 1 ? Initialiser.XAVIER : Initialiser.HE;
            w[k] = init.draw(in[k], out[k], 1, rnd);
            b[k] = new double[out[k]];
            for (int j = 0; j < out[k]; j++) {
                b[k][j] = biasStd * Gaussian.draw(rnd);
            }
            prev = out[k];
        }
        return new Parameters(in, out, w, b);
    }
}
