package org.marginscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorTest {
    static List<String> names() {
        return Generators.all().stream().map(DatasetGenerator::name).toList();
    }

    @Test
    void everyGeneratorTheIssueNamesExists() {
        assertTrue(names().containsAll(List.of("plate", "blob", "blob3", "sector", "sector-nonsep", "moon",
                "nar-gaussians", "symmetric-gaussians", "antipodal-outlier", "strip", "xor", "circles", "spiral")));
    }

    @ParameterizedTest
    @MethodSource("names")
    void defaultCountAndClassBalance(String name) {
        DatasetGenerator g = Generators.byName(name);
        Dataset d = g.generate(GeneratorParams.defaults(3));
        assertEquals(g.defaultN(), d.size());
        assertEquals(2, d.dim());
        int[] counts = d.classCounts();
        int min = Arrays.stream(counts).min().orElseThrow(), max = Arrays.stream(counts).max().orElseThrow();
        assertTrue(min > 0, name + ": every class must have points");
        assertTrue(max - min <= Math.max(1, d.size() / 50), name + ": unbalanced " + Arrays.toString(counts));
        assertEquals(777, g.generate(new GeneratorParams(777, 0, 3, Scale.LARGE)).size());
    }

    @ParameterizedTest
    @MethodSource("names")
    void reproducibleBySeed(String name) {
        DatasetGenerator g = Generators.byName(name);
        GeneratorParams p = new GeneratorParams(200, 0.01, 42, Scale.LARGE);
        Dataset a = g.generate(p), b = g.generate(p);
        assertArrayEquals(a.trainX(), b.trainX());
        assertArrayEquals(a.trainY(), b.trainY());
        Dataset c = g.generate(new GeneratorParams(200, 0.01, 43, Scale.LARGE));
        assertFalse(Arrays.equals(a.trainX(), c.trainX()), name + ": another seed must give other points");
    }

    /** Without noise, every point carries the class the ground truth gives its position. */
    @ParameterizedTest
    @ValueSource(strings = {"plate", "sector", "sector-nonsep", "moon", "strip", "strip-wide", "xor", "circles", "spiral",
        "linear-teacher", "symmetric-gaussians", "nar-affine", "antipodal-outlier"})
    void labelsAgreeWithTheGroundTruth(String name) {
        for (Scale s : Scale.values()) {
            Dataset d = Generators.byName(name).generate(new GeneratorParams(0, 0, 5, s));
            GroundTruth truth = d.groundTruth().orElseThrow();
            int wrong = 0;
            for (int i = 0; i < d.size(); i++) {
                if (truth.classOf(d.trainCoord(i, 0), d.trainCoord(i, 1)) != d.trainLabel(i)) {
                    wrong++;
                }
            }
            assertEquals(0, wrong, name + " " + s + ": points whose label differs from the truth");
        }
    }

    @Test
    void smallRangeFitsTheUnitSquare() {
        for (String name : List.of("plate", "blob", "sector", "moon")) {
            Dataset d = Generators.byName(name).generate(new GeneratorParams(0, 0, 1, Scale.SMALL));
            Bounds b = d.groundTruth().orElseThrow().domain();
            assertEquals(0, b.xMin(), 1e-12);
            assertTrue(b.xMax() <= 1 + 1e-12 && b.yMax() <= 1 + 1e-12, name + " " + b);
            if (name.equals("blob")) {
                continue; // Gaussian tails reach past the domain
            }
            Bounds e = d.extent(0);
            assertTrue(e.xMin() >= -0.05 && e.xMax() <= 1.05 && e.yMin() >= -0.05 && e.yMax() <= 1.05, name + " " + e);
        }
    }

    /** A separating line w.x + b (class 1 positive) is a certificate of linear separability. */
    @ParameterizedTest
    @ValueSource(strings = {"plate", "strip", "linear-teacher", "symmetric-gaussians", "nar-affine"})
    void separableSetsHaveASeparatingLine(String name) {
        double[] line = switch (name) {
            case "plate" -> new double[] {-1, -1, 100};
            case "strip" -> new double[] {-1, 0, 0};
            case "linear-teacher" -> new double[] {1, -1, 0};
            case "symmetric-gaussians" -> new double[] {2, 1, 0};
            default -> new double[] {-1, -1, 90};
        };
        Dataset d = Generators.byName(name).generate(GeneratorParams.defaults(2));
        for (int i = 0; i < d.size(); i++) {
            double f = line[0] * d.trainCoord(i, 0) + line[1] * d.trainCoord(i, 1) + line[2];
            int y = d.trainLabel(i) == 1 ? 1 : -1;
            assertTrue(y * f > 0, name + ": point " + i + " on the wrong side");
        }
    }

    /** The perceptron stops making mistakes after finitely many updates exactly when the data are separable. */
    @Test
    void sectorIsLinearlySeparable() {
        Dataset d = Generators.byName("sector").generate(GeneratorParams.defaults(2));
        assertTrue(perceptronSeparates(d, 20_000), "sector should be linearly separable");
    }

    @Test
    void sectorNotSeparableHasAnInnerPointInsideTheHullOfOuterPoints() {
        Dataset d = Generators.byName("sector-nonsep").generate(GeneratorParams.defaults(2));
        double[] a = null, b = null, c = null;
        for (int i = 0; i < d.size(); i++) {
            if (d.trainLabel(i) != 1) {
                continue;
            }
            double[] p = {d.trainCoord(i, 0), d.trainCoord(i, 1)};
            double r = Math.hypot(p[0], p[1]), angle = Math.toDegrees(Math.atan2(p[1], p[0]));
            if (angle < 10 && (a == null || r < Math.hypot(a[0], a[1]))) {
                a = p; // the outer point nearest the origin close to the x-axis
            }
            if (angle > 80 && (b == null || r < Math.hypot(b[0], b[1]))) {
                b = p;
            }
            if (c == null || p[0] + p[1] > c[0] + c[1]) {
                c = p;
            }
        }
        boolean found = false;
        for (int i = 0; i < d.size() && !found; i++) {
            if (d.trainLabel(i) == 0) {
                found = inTriangle(d.trainCoord(i, 0), d.trainCoord(i, 1), a, b, c);
            }
        }
        assertTrue(found, "an inner point inside a triangle of outer points proves non-separability");
    }

    @Test
    void symmetricGaussiansAreExactMirrorImages() {
        Dataset d = Generators.byName("symmetric-gaussians").generate(GeneratorParams.defaults(9));
        for (int i = 0; i + 1 < d.size(); i += 2) {
            assertEquals(-d.trainCoord(i, 0), d.trainCoord(i + 1, 0));
            assertEquals(-d.trainCoord(i, 1), d.trainCoord(i + 1, 1));
            assertEquals(1 - d.trainLabel(i), d.trainLabel(i + 1));
        }
    }

    @Test
    void stripHasFourInterfacePointsAndVandenBergsDomain() {
        Dataset d = Generators.byName("strip").generate(GeneratorParams.defaults(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(0.01, Math.abs(d.trainCoord(i, 0)));
            assertEquals(0.5, Math.abs(d.trainCoord(i, 1)));
        }
        assertEquals(2, Arrays.stream(d.trainY()).limit(4).sum(), "two interface points per class");
        for (int i = 0; i < d.size(); i++) {
            assertTrue(Math.abs(d.trainCoord(i, 0)) <= 6 && Math.abs(d.trainCoord(i, 1)) <= 1);
        }
        assertEquals(new Bounds(-6, 6, -1, 1), d.groundTruth().orElseThrow().domain());
    }

    @Test
    void narGaussiansHaveTheFigure2Moments() {
        Dataset d = Generators.byName("nar-gaussians").generate(new GeneratorParams(20_000, 0, 4, Scale.LARGE));
        double[] sum = new double[4], sq = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < d.size(); i++) {
            int c = d.trainLabel(i);
            sum[2 * c] += d.trainCoord(i, 0);
            sum[2 * c + 1] += d.trainCoord(i, 1);
            n[c]++;
        }
        // class A (label 1) at (2,12), class B (label 0) at (40,50); std 5 -> the mean is within 0.2 at n=10^4
        assertEquals(40, sum[0] / n[0], 0.2);
        assertEquals(50, sum[1] / n[0], 0.2);
        assertEquals(2, sum[2] / n[1], 0.2);
        assertEquals(12, sum[3] / n[1], 0.2);
        for (int i = 0; i < d.size(); i++) {
            if (d.trainLabel(i) == 1) {
                sq[0] += Math.pow(d.trainCoord(i, 0) - 2, 2);
            }
        }
        assertEquals(25, sq[0] / n[1], 1.0, "variance 25");
    }

    @Test
    void noiseMovesPointsButKeepsLabels() {
        DatasetGenerator g = Generators.byName("plate");
        Dataset clean = g.generate(new GeneratorParams(500, 0, 1, Scale.LARGE));
        Dataset noisy = g.generate(new GeneratorParams(500, 0.05, 1, Scale.LARGE));
        assertArrayEquals(clean.trainY(), noisy.trainY());
        double moved = 0;
        for (int i = 0; i < clean.size(); i++) {
            moved += Math.abs(clean.trainCoord(i, 0) - noisy.trainCoord(i, 0));
        }
        assertTrue(moved / clean.size() > 1, "noise 0.05 of a 100-wide domain moves points by ~4 on average");
    }

    @Test
    void unknownNamesAndBadParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.byName("nope"));
        assertTrue(e.getMessage().contains("plate"), "the message lists the known names");
        assertThrows(IllegalArgumentException.class, () -> new GeneratorParams(-1, 0, 1, Scale.LARGE));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorParams(10, Double.NaN, 1, Scale.LARGE));
    }

    @Test
    void splitIsReproducibleAndKeepsEveryPoint() {
        Dataset d = Generators.byName("blob").generate(new GeneratorParams(1000, 0, 1, Scale.LARGE));
        Dataset s = d.split(0.2, 7);
        assertEquals(800, s.size());
        assertEquals(200, s.testSize());
        assertArrayEquals(s.testX(), d.split(0.2, 7).testX());
        assertEquals(Set.of(0, 1), Set.copyOf(Arrays.stream(s.testY()).boxed().toList()));
    }

    private static boolean inTriangle(double x, double y, double[] a, double[] b, double[] c) {
        double d1 = cross(x, y, a, b), d2 = cross(x, y, b, c), d3 = cross(x, y, c, a);
        boolean neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
        return !(neg && pos);
    }

    private static double cross(double x, double y, double[] p, double[] q) {
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
    }

    private static boolean perceptronSeparates(Dataset d, int epochs) {
        // centre and scale the coordinates so the perceptron converges quickly
        double[] x = d.trainX();
        double mx = 0, my = 0, s = 0;
        for (int i = 0; i < d.size(); i++) {
            mx += x[2 * i];
            my += x[2 * i + 1];
        }
        mx /= d.size();
        my /= d.size();
        for (int i = 0; i < d.size(); i++) {
            s = Math.max(s, Math.max(Math.abs(x[2 * i] - mx), Math.abs(x[2 * i + 1] - my)));
        }
        double w0 = 0, w1 = 0, b = 0;
        for (int e = 0; e < epochs; e++) {
            int mistakes = 0;
            for (int i = 0; i < d.size(); i++) {
                double u = (x[2 * i] - mx) / s, v = (x[2 * i + 1] - my) / s;
                int y = d.trainLabel(i) == 1 ? 1 : -1;
                if (y * (w0 * u + w1 * v + b) <= 0) {
                    w0 += y * u;
                    w1 += y * v;
                    b += y;
                    mistakes++;
                }
            }
            if (mistakes == 0) {
                return true;
            }
        }
        return false;
    }
}
