package org.marginscope.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import org.marginscope.experiment.Preset;
import org.marginscope.train.Snapshot;

/**
 * A chart of some of a snapshot's measures on the log-time axis, shown only for the runs it is about
 * (Poggio's norms and ensemble spread, Nar's margins and confidence). Series appear as their values do.
 */
final class MetricChart {
    final String id;
    final LineChart<Number, Number> chart;
    private final Function<Snapshot, Map<String, Double>> values;
    private final BiPredicate<Snapshot, Preset> shows;
    private final boolean logY;
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
    private Runnable onNewSeries = () -> {
    };

    MetricChart(String id, String title, String tooltip, ValueAxis<Number> yAxis,
                Function<Snapshot, Map<String, Double>> values, BiPredicate<Snapshot, Preset> shows) {
        this.id = id;
        this.values = values;
        this.shows = shows;
        this.logY = yAxis instanceof LogAxis;
        chart = new LineChart<>(new LogAxis("step"), yAxis);
        chart.setTitle(title);
        chart.setId(id);
        javafx.scene.control.Tooltip.install(chart, new javafx.scene.control.Tooltip(tooltip));
    }

    static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(true);
        return a;
    }

    void onNewSeries(Runnable r) {
        onNewSeries = r;
    }

    boolean shows(Snapshot s, Preset p) {
        return s != null && shows.test(s, p);
    }

    void add(Snapshot s, double x) {
        for (var e : values.apply(s).entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v) || (logY && v <= 0)) {
                continue;
            }
            XYChart.Series<Number, Number> line = series.get(e.getKey());
            if (line == null) {
                line = new XYChart.Series<>();
                line.setName(e.getKey());
                series.put(e.getKey(), line);
                chart.getData().add(line);
                onNewSeries.run();
            }
            line.getData().add(new XYChart.Data<>(x, v));
        }
    }

    void clear() {
        series.clear();
        chart.getData().clear();
        onNewSeries.run();
    }

    java.util.Collection<XYChart.Series<Number, Number>> series() {
        return series.values();
    }

    /** The plotted values of one series by its name (FX thread; for tests). */
    java.util.List<Double> values(String name) {
        var line = series.get(name);
        return line == null ? java.util.List.of() : line.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    // ---- the charts of Poggio et al. and Nar et al. ----

    static boolean asks(Preset p, String what) {
        return p != null && (p.views().contains(what) || p.metrics().contains(what));
    }

    /** Poggio Fig 7: |W_k| per layer and their product against log t, with log t itself (slope 1) for reference. */
    static MetricChart norms() {
        return new MetricChart("norms-chart", "Weight norms (Poggio et al.)",
                "|Wk|: Frobenius norm of layer k's weights; product: their product (Poggio's complexity measure);"
                        + " ln t: a line of slope 1 against log t, how one linear layer grows under an exponential loss",
                linear("norm"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    double[] w = s.weightNorms();
                    for (int k = 0; k < w.length; k++) {
                        m.put("|W" + (k + 1) + "|", w[k]);
                    }
                    if (w.length > 1) {
                        m.put("product", s.normProduct());
                    }
                    m.put("ln t", Math.log(s.step() + 1.0));
                    return m;
                }, (s, p) -> asks(p, "norms") || (p != null && "poggio2018".equals(p.paper())));
    }

    /** Poggio Sec 3: the largest pairwise angle between the ensemble copies' normalised layers. */
    static MetricChart ensemble() {
        return new MetricChart("ensemble-chart", "Ensemble spread (Poggio et al.)",
                "The largest angle between two copies' normalised last layers (spread), and per layer (Lk);"
                        + " shrinks with exponential-type losses, stays with the square loss",
                linear("degrees"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("spread", s.metric("ensemble_spread_deg"));
                    for (int k = 1; k <= s.weightNorms().length && s.weightNorms().length > 1; k++) {
                        m.put("L" + k, s.metric("ensemble_spread_deg_layer" + k));
                    }
                    return m;
                }, (s, p) -> s.metrics().containsKey("ensemble_spread_deg") && asks(p, "ensemble"));
    }

    /** Nar Fig 1-2: the geometric margins of cross-entropy, differential training and the SVM. */
    static MetricChart margins() {
        return new MetricChart("margins-chart", "Margins (Nar et al.)",
                "Geometric margin of each boundary on the training points (negative while it misclassifies):"
                        + " cross-entropy (ce), differential training (diff) and the SVM",
                linear("margin"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("ce", s.metric("ce_margin"));
                    m.put("diff", s.metric("diff_margin"));
                    m.put("SVM", s.metric("svm_margin"));
                    return m;
                }, (s, p) -> s.metrics().containsKey("svm_margin") && asks(p, "margins"));
    }

    /** Nar Remark 2: the mean confidence on a fixed grid over log t. */
    static MetricChart confidence() {
        return new MetricChart("confidence-chart", "Mean confidence (Nar et al.)",
                "The mean of max_c p(c|x) over a fixed 48 x 48 grid of the plane: it creeps towards 100% as |w|"
                        + " grows (Remark 2)", new NumberAxis("confidence", 0.5, 1, 0.1), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("mean confidence", s.metric("mean_confidence"));
                    return m;
                }, (s, p) -> s.metrics().containsKey("mean_confidence") && asks(p, "confidence"));
    }
}
