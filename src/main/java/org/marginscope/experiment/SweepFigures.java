package org.marginscope.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.ChartFigure;

/**
 * A sweep's figures: for each headline metric ({@link SweepSummary#HEADLINE_METRICS} present in the
 * summary) the median over seeds as a line, the interquartile range as a band and the minimum to maximum as
 * a lighter band, against step + 1 on a log axis. A metric with one column per class ({@code
 * svm_angle_deg_1..K}) gets one panel per class.
 */
public final class SweepFigures {
    private SweepFigures() {
    }

    /** Figure per headline metric, keyed by the metric's name (the file stem). */
    public static Map<String, ChartFigure> of(SweepSummary s, String caption) {
        Map<String, ChartFigure> out = new LinkedHashMap<>();
        for (String metric : SweepSummary.HEADLINE_METRICS) {
            List<String> columns = new ArrayList<>();
            for (String c : s.atSteps().keySet()) {
                if (c.equals(metric) || c.matches(java.util.regex.Pattern.quote(metric) + "_\\d+")) {
                    columns.add(c);
                }
            }
            if (columns.isEmpty() || s.steps().length == 0) {
                continue;
            }
            List<ChartFigure.Panel> panels = new ArrayList<>();
            for (String c : columns) {
                panels.add(panel(s, c));
            }
            out.put(metric, new ChartFigure(panels, caption));
        }
        return out;
    }

    /** One metric's panel: median line, q1-q3 band, min-max band; log y for the loss when it is positive. */
    public static ChartFigure.Panel panel(SweepSummary s, String column) {
        List<SweepSummary.Stats> st = s.atSteps().get(column);
        if (st == null) {
            throw new IllegalArgumentException("no metric " + column + " in the summary");
        }
        long[] steps = s.steps();
        int n = steps.length;
        double[] med = new double[n], q1 = new double[n], q3 = new double[n], lo = new double[n], hi = new double[n];
        boolean positive = true;
        for (int i = 0; i < n; i++) {
            SweepSummary.Stats x = st.get(i);
            med[i] = x.median();
            q1[i] = x.q1();
            q3[i] = x.q3();
            lo[i] = x.min();
            hi[i] = x.max();
            positive &= x.n() == 0 || x.min() > 0;
        }
        boolean logY = column.equals("loss") && positive;
        int seeds = s.seeds().size();
        return new ChartFigure.Panel(column, column.replace('_', ' '), logY,
                List.of(new ChartFigure.Series("median of " + seeds, steps, med)),
                List.of(new ChartFigure.Band("min - max", steps, lo, hi, 0, 0.15),
                        new ChartFigure.Band("q1 - q3", steps, q1, q3, 0, 0.4)));
    }

    /** Writes each figure as DIR/metric.EXT per format; returns the files written. */
    public static List<Path> write(SweepSummary s, String caption, Path dir, List<FigureWriter.Format> formats)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, ChartFigure> e : of(s, caption).entrySet()) {
            for (FigureWriter.Format f : formats) {
                Path file = dir.resolve(e.getKey() + "." + f.extension());
                FigureWriter.write(e.getValue(), f, file, 2);
                files.add(file);
            }
        }
        return files;
    }
}
