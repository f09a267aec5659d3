package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** The per-decade trend on synthetic curves with a known slope, and against Commons Math's regression. */
class DecadeTrendTest {
    /** Log-spaced steps 0..end as a timeline keeps them (every step early, then a fixed number per doubling). */
    private static long[] logSteps(long end) {
        List<Long> s = new ArrayList<>();
        for (long t = 0; t <= end; t = Math.max(t + 1, Math.round(t * 1.02))) {
            s.add(t);
        }
        if (s.get(s.size() - 1) != end) {
            s.add(end);
        }
        return s.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void recoversAKnownSlopeFromTheLastTwoDecadesOnly() {
        long[] t = logSteps(400_000);
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            // a different curve before step 4,000 (outside the last two decades) must not pull the fit
            v[i] = t[i] < 4_000 ? 1 - 1e-4 * t[i] : 0.9 - 0.07 * Math.log10(t[i]);
        }
        DecadeTrend d = DecadeTrend.fit(t, v);
        assertEquals(-0.07, d.slopePerDecade(), 1e-12);
        assertEquals(0.9, d.intercept(), 1e-10);
        assertEquals(400_000, d.toStep());
        assertEquals(4_000, d.fromStep(), 80);
        assertEquals(Math.pow(10, 0.9 / 0.07), d.stepReaching(0), 1e-6 * Math.pow(10, 0.9 / 0.07));
        assertEquals(Math.pow(10, (0.9 - 0.3) / 0.07), d.stepReaching(0.3), 1e-3);
        assertEquals(Double.POSITIVE_INFINITY, d.stepReaching(0.8), "the line moves away from a value above it");
    }

    @Test
    void equalsCommonsMathRegressionOnNoisyPoints() {
        Random r = new Random(4);
        long[] t = logSteps(40_000);
        double[] v = new double[t.length];
        SimpleRegression reg = new SimpleRegression();
        for (int i = 0; i < t.length; i++) {
            v[i] = 0.5 - 0.02 * Math.log10(Math.max(1, t[i])) + 0.05 * r.nextGaussian();
            if (t[i] >= 400) {
                reg.addData(Math.log10(t[i]), v[i]);
            }
        }
        DecadeTrend d = DecadeTrend.fit(t, v);
        assertEquals(reg.getSlope(), d.slopePerDecade(), 1e-12);
        assertEquals(reg.getIntercept(), d.intercept(), 1e-12);
        assertEquals(reg.getN(), d.points());
    }

    @Test
    void tooShortACurveHasNoTrend() {
        assertNull(DecadeTrend.fit(new long[] {0, 1}, new double[] {1, 0.5}));
        assertNull(DecadeTrend.fit(new long[] {100, 101, 102}, new double[] {1, 0.9, 0.8}), "a hundredth of a decade");
    }
}
