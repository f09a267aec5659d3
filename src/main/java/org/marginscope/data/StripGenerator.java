package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * van den Berg 2014 Sec 5.1: the domain [-6,6] x [-1,1] split by the y-axis; class 0 = {x >= 0}
 * (the side where the fixed layer A2 = [3;-3] makes output 0 win), class 1 = {x < 0}. Four points
 * sit at the interface, (+-0.01, +-0.5); the rest are uniform on either half, the halves differing
 * by at most one point. {@link #wide()}: Sec 5.2's [-30,30] x [-1,1] with 500 points uniform on
 * either half and no interface points.
 */
final class StripGenerator extends DatasetGenerator {
    static final double HALF_WIDTH = 6;
    static final double WIDE_HALF_WIDTH = 30;

    /** x &gt;= 0 and x &lt; 0, in words that a CSV file can hold as class names ({@link CsvDatasetWriter}). */
    static final List<String> CLASSES = List.of("right", "left");

    private final double halfWidth;
    private final boolean interfacePoints;

    StripGenerator() {
        this("strip", "van den Berg Sec 5.1: strip [-6,6]x[-1,1] split at x=0, four interface points", 3200,
                HALF_WIDTH, true);
    }

    private StripGenerator(String name, String description, int defaultN, double halfWidth, boolean interfacePoints) {
        super(name, description, defaultN, new Bounds(-halfWidth, halfWidth, -1, 1), CLASSES);
        this.halfWidth = halfWidth;
        this.interfacePoints = interfacePoints;
    }

    /** van den Berg Sec 5.2 (Figs 15-16): [-30,30] x [-1,1], 500 points uniform on either half, no interface points. */
    static StripGenerator wide() {
        return new StripGenerator("strip-wide",
                "van den Berg Sec 5.2: strip [-30,30]x[-1,1] split at x=0, uniform on either half", 500,
                WIDE_HALF_WIDTH, false);
    }

    @Override
    protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
        boolean fixed = interfacePoints && n >= 4;
        if (fixed && i < 4) {
            xy[0] = (i % 2 == 0) ? 0.01 : -0.01;
            xy[1] = i < 2 ? -0.5 : 0.5;
            return trueClass(xy[0], xy[1]);
        }
        int left = fixed ? (n - 4) / 2 : n / 2;
        boolean isLeft = (fixed ? i - 4 : i) < left;
        xy[0] = isLeft ? -halfWidth * rnd.nextDouble() : halfWidth * (1 - rnd.nextDouble());
        if (isLeft && xy[0] == 0) {
            xy[0] = -Double.MIN_VALUE;
        }
        xy[1] = -1 + 2 * rnd.nextDouble();
        return isLeft ? 1 : 0;
    }

    @Override
    protected int trueClass(double x, double y) {
        return x >= 0 ? 0 : 1;
    }
}
