package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * van den Berg 2014 Sec 5.1: the domain [-6,6] x [-1,1] split by the y-axis; class 0 = {x >= 0}
 * (the side where the fixed layer A2 = [3;-3] makes output 0 win), class 1 = {x < 0}. Four points
 * sit at the interface, (+-0.01, +-0.5); the rest are uniform on either half, the halves differing
 * by at most one point.
 */
final class StripGenerator extends DatasetGenerator {
    static final double HALF_WIDTH = 6;

    StripGenerator() {
        super("strip", "van den Berg Sec 5.1: strip [-6,6]x[-1,1] split at x=0, four interface points", 3200,
                new Bounds(-HALF_WIDTH, HALF_WIDTH, -1, 1), List.of("x>=0", "x<0"));
    }

    @Override
    protected int draw(int i, int n, SplittableRandom rnd, double[] xy) {
        if (i < 4 && n >= 4) {
            xy[0] = (i % 2 == 0) ? 0.01 : -0.01;
            xy[1] = i < 2 ? -0.5 : 0.5;
            return trueClass(xy[0], xy[1]);
        }
        int left = n >= 4 ? (n - 4) / 2 : n / 2;
        boolean isLeft = (n >= 4 ? i - 4 : i) < left;
        xy[0] = isLeft ? -HALF_WIDTH * rnd.nextDouble() : HALF_WIDTH * (1 - rnd.nextDouble());
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
