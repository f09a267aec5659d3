package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.marginscope.model.Activation;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/** The neuron view of any net: a unit's point, its tone from the outgoing weights, direction clusters, PCA. */
class NeuronMapTest {
    /** Parameters of a dense net from per-layer rows w[k][unit][input] and biases b[k][unit] (null: none). */
    static Parameters net(double[][][] w, double[][] b) {
        int layers = w.length;
        int[] in = new int[layers], out = new int[layers];
        double[][] flat = new double[layers][];
        for (int k = 0; k < layers; k++) {
            out[k] = w[k].length;
            in[k] = w[k][0].length;
            flat[k] = new double[in[k] * out[k]];
            for (int u = 0; u < out[k]; u++) {
                for (int i = 0; i < in[k]; i++) {
                    flat[k][i * out[k] + u] = w[k][u][i]; // Parameters keep in x out, row-major
                }
            }
        }
        return new Parameters(in, out, flat, b);
    }

    static NetworkSpec spec(int inputs, int... widths) {
        int[] hidden = Arrays.copyOf(widths, widths.length - 1);
        int last = widths[widths.length - 1];
        return NetworkSpec.mlp(inputs, last == 1 ? 2 : last, Activation.RELU, hidden);
    }

    @Test
    void aFirstLayerUnitIsItsWeightVectorWithTheBiasAtItsDirectionInThePlane() {
        double[][][] w = {{{3, 4}, {-1, 0}, {0, -2}}, {{1, -1, 0.5}}};
        Parameters p = net(w, new double[][] {{12, 0, 1.5}, {0}});
        NeuronMap m = NeuronMap.of(spec(2, 3, 1), p, 0);
        assertArrayEquals(new double[] {3, 4, 12}, m.vectors()[0], 1e-15);
        assertArrayEquals(new double[] {0, -2, 1.5}, m.vectors()[2], 1e-15);
        assertEquals(NeuronPlane.Mode.DIRECTION_AND_LENGTH, m.plane().mode());
        // (3, 4) points at atan2(4, 3); its whole vector (3, 4, 12) is 13 long
        assertEquals(Math.atan2(4, 3), Math.atan2(m.points()[0][1], m.points()[0][0]), 1e-12);
        assertEquals(13, Math.hypot(m.points()[0][0], m.points()[0][1]), 1e-12);
        assertArrayEquals(new double[] {-1, 0}, m.points()[1], 1e-12, "no bias: its length is |(-1, 0)|");
        assertEquals(-Math.PI / 2, Math.atan2(m.points()[2][1], m.points()[2][0]), 1e-12);
        assertEquals(2.5, Math.hypot(m.points()[2][0], m.points()[2][1]), 1e-12, "|(0, -2, 1.5)| = 2.5");
        // its hyperplane: the points where the unit's pre-activation 3x + 4y + 12 is zero
        assertArrayEquals(new double[] {3, 4, 12}, m.hyperplane(0), 1e-15);
    }

    @Test
    void withAnAppendedConstantInputItsWeightIsTheBias() {
        NetworkSpec s = NetworkSpec.sarussi(2, 1, 0.1, 1, true);
        Parameters p = net(new double[][][] {{{1, 2, -3}, {-1, 0, 0.5}}, {{1, -1}}}, new double[][] {null, null});
        NeuronMap m = NeuronMap.of(s, p, 0);
        assertArrayEquals(new double[] {1, 2, -3}, m.hyperplane(0), 1e-15);
        assertEquals(Math.sqrt(14), Math.hypot(m.points()[0][0], m.points()[0][1]), 1e-12);
    }

    @Test
    void oneLogitColoursBySignAndSizesByTheWeight() {
        Parameters p = net(new double[][][] {{{1, 0}, {0, 1}, {1, 1}}, {{0.5, -2, 0}}}, new double[][] {null, null});
        OutgoingTone t = NeuronMap.of(spec(2, 3, 1), p, 0).tone();
        assertEquals(OutgoingTone.Kind.OUTPUT_SIGN, t.kind());
        assertArrayEquals(new int[] {1, 0, -1}, t.group(), "+, -, and no outgoing weight at all");
        assertArrayEquals(new double[] {0.5, 2, 0}, t.magnitude(), 1e-15);
        assertEquals(2, t.largest(), 1e-15);
    }

    @Test
    void kLogitsColourByTheClassOfTheLargestWeightNotTheLargestMagnitude() {
        // output rows are per class: class c's weights from units 0, 1, 2
        double[][] out = {{0.1, -1, 2}, {0.9, -0.5, 0}, {-3, -2, 1}};
        Parameters p = net(new double[][][] {{{1, 0}, {0, 1}, {1, 1}}, out}, new double[][] {null, null});
        OutgoingTone t = NeuronMap.of(spec(2, 3, 3), p, 0).tone();
        assertEquals(OutgoingTone.Kind.OUTPUT_CLASS, t.kind());
        assertEquals(3, t.fanOut(), "three classes in the legend");
        // unit 0: (0.1, 0.9, -3) votes for class 1 (the -3 is a vote against class 2)
        assertArrayEquals(new int[] {1, 1, 0}, t.group());
        assertArrayEquals(new double[] {0.9, 0.5, 2}, t.magnitude(), 1e-15);
    }

    @Test
    void aUnitVotesAmongTheClassesWithPoints() {
        // outputs of unit 0: (0.1, 0.3, 5, 0.2) - its largest weight goes to class 2, which has no points
        double[][] out = {{0.1, -1}, {0.3, 0}, {5, 0}, {0.2, 2}};
        Parameters p = net(new double[][][] {{{1, 0}, {0, 1}}, out}, new double[][] {null, null});
        OutgoingTone all = OutgoingTone.of(p, 0);
        OutgoingTone present = NeuronMap.of(spec(2, 2, 4), p, 0, new boolean[] {true, true, false, true}).tone();
        assertArrayEquals(new int[] {2, 3}, all.group(), "every class counted");
        assertArrayEquals(new int[] {1, 3}, present.group(), "class 2 has no say");
        assertArrayEquals(new double[] {0.3, 2}, present.magnitude(), 1e-15);
        assertArrayEquals(new int[] {0, 1, 3}, present.classes(), "the legend's classes");
    }

    @Test
    void intoAnotherHiddenLayerTheLargestMagnitudesSignColours() {
        double[][][] w = {{{1, 0}, {0, 1}}, {{0.3, 1}, {-0.8, 0.2}}, {{1, 1}}};
        Parameters p = net(w, new double[][] {null, null, null});
        OutgoingTone t = NeuronMap.of(spec(2, 2, 2, 1), p, 0).tone();
        assertEquals(OutgoingTone.Kind.HIDDEN_SIGN, t.kind());
        // unit 0 sends 0.3 and -0.8: the -0.8 is larger; unit 1 sends 1 and 0.2
        assertArrayEquals(new int[] {0, 1}, t.group());
        assertArrayEquals(new double[] {0.8, 1}, t.magnitude(), 1e-15);
    }

    @Test
    void theDotsAreaGrowsWithTheWeight() {
        assertEquals(2, org.marginscope.experiment.NeuronFigure.radius(0, 4, 2, 8), 1e-12);
        assertEquals(8, org.marginscope.experiment.NeuronFigure.radius(4, 4, 2, 8), 1e-12);
        double r1 = org.marginscope.experiment.NeuronFigure.radius(1, 4, 0, 8);
        double r4 = org.marginscope.experiment.NeuronFigure.radius(4, 4, 0, 8);
        assertEquals(4, (r4 * r4) / (r1 * r1), 1e-9, "four times the weight, four times the area");
    }

    /** Units at angle degrees in the plane, bias 0, of the given lengths. */
    private static double[][] atAngles(double[] deg, double[] len) {
        double[][] v = new double[deg.length][];
        for (int i = 0; i < deg.length; i++) {
            double a = Math.toRadians(deg[i]);
            v[i] = new double[] {len[i] * Math.cos(a), len[i] * Math.sin(a), 0};
        }
        return v;
    }

    @Test
    void clustersAreFoundByDirectionAloneOnAHandBuiltNet() {
        // three cones around 0, 120 and 240 degrees (4, 3 and 2 units, lengths varied), two units alone at 60 and 300
        double[] deg = {-3, 0, 2, 4, 118, 120, 123, 239, 241, 60, 300};
        double[] len = {1, 5, 0.2, 3, 2, 0.5, 7, 1, 4, 2, 2};
        double[][] v = atAngles(deg, len);
        double[][][] w = {new double[v.length][], {new double[v.length]}};
        double[] bias = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[0][i] = new double[] {v[i][0], v[i][1]};
            w[1][0][i] = i % 2 == 0 ? 1 : -1;
        }
        NeuronMap m = NeuronMap.of(spec(2, v.length, 1), net(w, new double[][] {bias, null}), 0);
        DirectionClusters.Result c = m.clusters();
        assertEquals(3, c.clusters().size());
        assertEquals(List.of(4, 3, 2), c.clusters().stream().map(DirectionClusters.Cluster::size).toList());
        assertEquals(2, c.alone());
        assertEquals(-1, c.label()[9]);
        assertEquals(c.label()[4], c.label()[6], "118 and 123 degrees are one cluster");
        // the first cone's mean direction is near 0.75 degrees; its members reach 3.75 degrees from it
        double spread = c.clusters().get(0).spreadDeg();
        assertTrue(spread > 3 && spread < 4.5, "spread " + spread + " of " + c.clusters());
        // a finer linkage cuts links over 2.5 degrees: -3 leaves the first cone (3 from 0), 123 the second
        DirectionClusters.Result fine = DirectionClusters.find(v, 2.5);
        assertEquals(List.of(3, 2, 2), fine.clusters().stream().map(DirectionClusters.Cluster::size).toList());
        assertEquals(4, fine.alone());
    }

    @Test
    void zeroUnitsHaveNoDirectionAndJoinNothing() {
        DirectionClusters.Result c = DirectionClusters.find(new double[][] {{0, 0, 0}, {1, 0, 0}, {2, 0.01, 0}}, 10);
        assertEquals(-1, c.label()[0]);
        assertEquals(1, c.clusters().size());
        assertEquals(0, c.alone(), "the zero unit is not counted as a direction alone");
    }

    /** Compares the view's projection with Commons Math's SVD of the units' matrix, axis by axis up to sign. */
    private static void assertMatchesSvd(double[][] v, NeuronPlane plane) {
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(v));
        var proj = MatrixUtils.createRealMatrix(v).multiply(svd.getV());
        double[] s = svd.getSingularValues();
        double total = Arrays.stream(s).map(x -> x * x).sum();
        assertEquals((s[0] * s[0] + (s.length > 1 ? s[1] * s[1] : 0)) / total, plane.explained(), 1e-9);
        for (int axis = 0; axis < 2; axis++) {
            double sign = 0;
            for (int i = 0; i < v.length; i++) {
                double want = proj.getEntry(i, axis), got = plane.place(v[i])[axis];
                if (sign == 0 && Math.abs(want) > 1e-6) {
                    sign = Math.signum(want * got);
                }
                assertEquals(want, sign == 0 ? got : sign * got, 1e-8, "axis " + axis + " unit " + i);
            }
        }
    }

    @Test
    void deeperLayersAreProjectedOnTheirPrincipalAxesAsAnSvdFindsThem() {
        Random r = new Random(11);
        // a 2-6-4-1 net: layer 2's 4 units have 6 weights and a bias - fewer units than coordinates
        double[][][] w = {new double[6][2], new double[4][6], new double[1][4]};
        double[][] b = {new double[6], new double[4], new double[1]};
        for (double[][] layer : w) {
            for (double[] row : layer) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextGaussian();
                }
            }
        }
        for (double[] layer : b) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] = r.nextGaussian();
            }
        }
        NeuronMap m = NeuronMap.of(spec(2, 6, 4, 1), net(w, b), 1);
        assertEquals(NeuronPlane.Mode.PRINCIPAL, m.plane().mode());
        assertNull(m.hyperplane(0), "a deeper unit has no hyperplane in the plane");
        assertArrayEquals(new double[] {w[1][2][0], w[1][2][1], w[1][2][2], w[1][2][3], w[1][2][4], w[1][2][5], b[1][2]},
                m.vectors()[2], 1e-15);
        assertMatchesSvd(m.vectors(), m.plane());
        // more units than coordinates: 40 units of 5 inputs and a bias
        double[][] tall = new double[40][6];
        for (double[] row : tall) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextGaussian() * (i + 1);
            }
        }
        assertMatchesSvd(tall, NeuronPlane.forLayer(tall, false));
    }

    @Test
    void aWideLayersTwoUnitsNeedOnlyATwoByTwoProblem() {
        Random r = new Random(3);
        double[][] wide = new double[2][2001];
        for (double[] row : wide) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextGaussian();
            }
        }
        long t0 = System.nanoTime();
        NeuronPlane plane = NeuronPlane.forLayer(wide, false);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertMatchesSvd(wide, plane);
        assertEquals(1, plane.explained(), 1e-9, "two units span two axes");
        assertTrue(ms < 500, "2 x 2001 in " + ms + " ms");
    }
}
