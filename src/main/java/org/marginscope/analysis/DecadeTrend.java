package org.marginscope.analysis;

/**
 * A least-squares line v = a + b log10 t through a curve's points over its last two decades of steps (t from
 * t_end / 100 to t_end, t >= 1). Many of the papers' quantities move like 1/log t (Sarussi et al.'s R/|w| once R
 * has frozen), so a slope per decade of t and the step at which the line reaches a value say how far a run is
 * from a claim better than one number at the horizon. A line in log t fitted to a 1/log t curve extrapolates too
 * early: the step it gives is a lower bound, not a forecast.
 *
 * @param slopePerDecade b: the change of v per tenfold steps
 * @param intercept      a: the line at t = 1
 * @param fromStep       the first step fitted
 * @param toStep         the last step fitted
 * @param points         the points fitted
 */
public record DecadeTrend(double slopePerDecade, double intercept, long fromStep, long toStep, int points) {
    /** Decades of t fitted, back from the last step. */
    public static final double DECADES = 2;

    /**
     * The trend of a curve given as steps (ascending) and values; null with fewer than three finite points in the
     * window or when they span less than a tenth of a decade.
     */
    public static DecadeTrend fit(long[] steps, double[] values) {
        int last = -1;
        for (int i = steps.length - 1; i >= 0; i--) {
            if (steps[i] >= 1 && Double.isFinite(values[i])) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            return null;
        }
        double hi = Math.log10(steps[last]), lo = hi - DECADES;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, minX = Double.POSITIVE_INFINITY;
        int n = 0;
        for (int i = 0; i <= last; i++) {
            if (steps[i] < 1 || !Double.isFinite(values[i])) {
                continue;
            }
            double x = Math.log10(steps[i]);
            if (x < lo) {
                continue;
            }
            sx += x;
            sy += values[i];
            sxx += x * x;
            sxy += x * values[i];
            minX = Math.min(minX, x);
            n++;
        }
        if (n < 3 || hi - minX < 0.1) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        return new DecadeTrend(slope, intercept, Math.round(Math.pow(10, minX)), steps[last], n);
    }

    /** The line's value at step t. */
    public double at(double t) {
        return intercept + slopePerDecade * Math.log10(t);
    }

    /**
     * The step at which the line reaches {@code target}: +infinity when the line is flat or heading away from it,
     * {@code toStep} when it is there already.
     */
    public double stepReaching(double target) {
        double gap = target - at(toStep);
        if (gap == 0) {
            return toStep;
        }
        if (slopePerDecade == 0 || Math.signum(gap) != Math.signum(slopePerDecade)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.pow(10, (target - intercept) / slopePerDecade);
    }
}
