package org.marginscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.marginscope.experiment.SweepSummary;

/**
 * One metric's spread over seeds as a chart draws it (Model > Run over seeds): at each summary step (x = step + 1,
 * the charts' log-time axis) the median, quartiles and extremes of {@link SweepSummary}. Steps where no seed has a
 * value are left out, and on a log value axis so are those whose minimum is not positive.
 */
public record SeedBand(String metric, int seeds, double[] x, double[] median, double[] q1, double[] q3, double[] min,
                double[] max) {
    /** The band's key in the charts. */
    String label() {
        return "median of " + seeds + " seeds (IQR, range)";
    }

    public int size() {
        return x.length;
    }

    /** The metric's band from a summary, or null when the summary has no value of it. */
    static SeedBand of(SweepSummary s, String metric, boolean logValues) {
        List<SweepSummary.Stats> stats = metric == null ? null : s.atSteps().get(metric);
        if (stats == null) {
            return null;
        }
        long[] steps = s.steps();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            SweepSummary.Stats st = stats.get(i);
            if (st.n() == 0 || !Double.isFinite(st.min()) || !Double.isFinite(st.max()) || (logValues && st.min() <= 0)) {
                continue;
            }
            rows.add(new double[] {steps[i] + 1.0, st.median(), st.q1(), st.q3(), st.min(), st.max()});
        }
        if (rows.isEmpty()) {
            return null;
        }
        double[][] cols = new double[6][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 6; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        return new SeedBand(metric, s.seeds().size(), cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]);
    }
}
