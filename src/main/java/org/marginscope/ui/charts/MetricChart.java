package org.marginscope.ui.charts;

import org.marginscope.experiment.probes.CompanionProbes;
import org.marginscope.experiment.probes.SquareFloorProbe;
import org.marginscope.experiment.probes.VandenBergProbes;
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
import org.marginscope.ui.fx.FxRead;

/**
 * A chart of some of a snapshot's measures on the log-time axis, shown only for the runs it is about
 * (Poggio's norms and ensemble spread, Nar's margins and confidence). Series appear as their values do.
 */
public final class MetricChart {
    final String id;
    public final BandChart chart;
    private final Function<Snapshot, Map<String, Double>> values;
    private final BiPredicate<Snapshot, Preset> shows;
    private final boolean logY;
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
    /** Series drawn dashed: a theoretical limit beside the measured curves. */
    private final java.util.Set<String> dashed = new java.util.HashSet<>();
    private Runnable onNewSeries = () -> {
    };

    MetricChart(String id, String title, String tooltip, ValueAxis<Number> yAxis,
                Function<Snapshot, Map<String, Double>> values, BiPredicate<Snapshot, Preset> shows) {
        this.id = id;
        this.values = values;
        this.shows = shows;
        this.logY = yAxis instanceof LogAxis;
        String[] band = BAND_METRICS.getOrDefault(id, new String[2]);
        chart = new BandChart(new LogAxis("step"), yAxis, band[0], band[1]);
        chart.setTitle(title);
        chart.setId(id);
        javafx.scene.control.Tooltip.install(chart, new javafx.scene.control.Tooltip(tooltip));
    }

    /** Per chart, the metrics.csv column a seed band shows the spread of, and the series that shows it live. */
    private static final Map<String, String[]> BAND_METRICS = Map.of(
            "norms-chart", new String[] {"weight_norm_1", "|W1|"},
            "ensemble-chart", new String[] {CompanionProbes.ENSEMBLE_SPREAD, "spread"},
            "margins-chart", new String[] {CompanionProbes.CE_MARGIN, "ce"},
            "confidence-chart", new String[] {CompanionProbes.MEAN_CONFIDENCE, "mean confidence"},
            "misclassified-area-chart", new String[] {VandenBergProbes.MISCLASSIFIED_AREA, "misclassified area"},
            "gradient-norms-chart", new String[] {"grad_norm_1", "L1"},
            "hyperplane-distance-chart", new String[] {VandenBergProbes.distanceKey(0), "unit 1"},
            "linear-regions-chart", new String[] {org.marginscope.experiment.probes.LinearRegionsProbe.REGIONS, "in view"});

    static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(true);
        return a;
    }

    /** Draws these series dashed (limits, not measures). */
    MetricChart dashed(String... names) {
        dashed.addAll(java.util.List.of(names));
        return this;
    }

    /** Whether a series is drawn dashed (for tests). */
    boolean isDashed(String name) {
        var line = series.get(name);
        return line != null && line.getNode() != null && line.getNode().getStyle().contains("dash");
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
                if (dashed.contains(e.getKey())) {
                    line.getNode().setStyle("-fx-stroke-dash-array: 7 5;");
                }
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

    /** The plotted (x, y) points of one series by its name, x = step + 1 (for tests; read on the FX thread). */
    public java.util.List<double[]> points(String name) {
        return FxRead.onFx(() -> {
            var line = series.get(name);
            return line == null ? java.util.List.<double[]>of() : line.getData().stream()
                    .map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}).toList();
        });
    }

    /** The plotted values of one series by its name (for tests; read on the FX thread). */
    public java.util.List<Double> values(String name) {
        return FxRead.onFx(() -> {
            var line = series.get(name);
            return line == null ? java.util.List.<Double>of() : line.getData().stream()
                    .map(d -> d.getYValue().doubleValue()).toList();
        });
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

    /** The ensemble chart's dashed line: the spread of the square loss's limits. */
    static final String FLOOR_SERIES = "square-loss floor";

    /**
     * Poggio Sec 3: the largest pairwise angle between the ensemble copies' normalised layers, and under the square
     * loss on fixed features the floor it stops at (dashed: the spread of each copy's closed-form limit).
     */
    static MetricChart ensemble() {
        return new MetricChart("ensemble-chart", "Ensemble spread (Poggio et al.)",
                "The largest angle between two copies' normalised last layers (spread), and per layer (Lk);"
                        + " shrinks towards 0 with exponential-type losses (like 1/log t); with the square loss it stops at a"
                        + " floor above 0 (each copy keeps its start's null-space part), reached slowly. Dashed: that floor,"
                        + " the spread of the copies' limits W - Phi^+(Phi W - y) (square loss, fixed features only)",
                linear("degrees"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("spread", s.metric(CompanionProbes.ENSEMBLE_SPREAD));
                    for (int k = 1; k <= s.weightNorms().length && s.weightNorms().length > 1; k++) {
                        m.put("L" + k, s.metric(CompanionProbes.ENSEMBLE_SPREAD_LAYER + k));
                    }
                    m.put(FLOOR_SERIES, s.metric(SquareFloorProbe.FLOOR_SPREAD));
                    return m;
                }, (s, p) -> s.metrics().containsKey(CompanionProbes.ENSEMBLE_SPREAD) && asks(p, CompanionProbes.ENSEMBLE))
                .dashed(FLOOR_SERIES);
    }

    /** Nar Fig 1-2: the geometric margins of cross-entropy, differential training and the SVM. */
    static MetricChart margins() {
        return new MetricChart("margins-chart", "Margins (Nar et al.)",
                "Geometric margin of each boundary on the training points (negative while it misclassifies):"
                        + " cross-entropy (ce), differential training (diff) and the SVM",
                linear("margin"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("ce", s.metric(CompanionProbes.CE_MARGIN));
                    m.put("diff", s.metric(CompanionProbes.DIFF_MARGIN));
                    m.put("SVM", s.metric(CompanionProbes.SVM_MARGIN));
                    return m;
                }, (s, p) -> s.metrics().containsKey(CompanionProbes.SVM_MARGIN) && asks(p, CompanionProbes.MARGINS));
    }

    /** Nar Remark 2: the mean confidence on a fixed grid over log t. */
    static MetricChart confidence() {
        return new MetricChart("confidence-chart", "Mean confidence (Nar et al.)",
                "The mean of max_c p(c|x) over a fixed 48 x 48 grid of the plane: it creeps towards 100% as |w|"
                        + " grows (Remark 2)", new NumberAxis("confidence", 0.5, 1, 0.1), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("mean confidence", s.metric(CompanionProbes.MEAN_CONFIDENCE));
                    return m;
                }, (s, p) -> s.metrics().containsKey(CompanionProbes.MEAN_CONFIDENCE) && asks(p, CompanionProbes.CONFIDENCE));
    }

    // ---- linear regions (issue 22) ----

    static final String LINEAR_REGIONS_ID = "linear-regions-chart";

    /** Series names of the linear-regions chart. */
    static final String REGIONS_SERIES = "in view", DATA_REGIONS_SERIES = "holding data";

    /**
     * The number of linear regions of a piecewise linear net over the viewed square ({@code linear_regions}) and
     * those holding training points ({@code linear_regions_data}), for the presets whose probes measure them.
     */
    static MetricChart linearRegions() {
        return new MetricChart(LINEAR_REGIONS_ID, "Linear regions",
                "in view: the network's exact linear regions (one activation pattern each) meeting the data's square"
                        + " with the view's 6% margin (linear_regions); holding data: those with at least one training"
                        + " point (linear_regions_data). Measured for piecewise linear nets (ReLU, leaky ReLU, linear) up"
                        + " to " + org.marginscope.experiment.probes.LinearRegionsProbe.MAX_REGIONS + " regions, on the"
                        + " SVM probe's thinned schedule", new LogAxis("regions"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put(REGIONS_SERIES, s.metric(org.marginscope.experiment.probes.LinearRegionsProbe.REGIONS));
                    m.put(DATA_REGIONS_SERIES, s.metric(org.marginscope.experiment.probes.LinearRegionsProbe.DATA_REGIONS));
                    return m;
                }, (s, p) -> org.marginscope.experiment.probes.ProbePolicy.wantsRegions(p) && s.spec() != null
                        && s.spec().inputDim() == 2
                        && org.marginscope.analysis.LinearRegions.unsupportedReason(s.spec()).isEmpty());
    }

    // ---- van den Berg's training experiments (Sec 5, Figs 13-16) ----

    /** Whether a run is about van den Berg's paper: his presets, or presets asking for his measures. */
    static boolean vandenBerg(Preset p) {
        return VandenBergProbes.wants(p) || asks(p, "row_norms");
    }

    /** Figs 13(e), 14(a), 15(b), 16(b): the area between the true class boundary and the network's. */
    static MetricChart misclassifiedArea() {
        return new MetricChart("misclassified-area-chart", "Misclassified area",
                "van den Berg Figs 13-16: the area of the domain where the network's class differs from the ground"
                        + " truth, on the centres of the preset's grid (at most " + VandenBergProbes.AREA_MAX_CELLS + " cells, as on"
                        + " the command line): 0 means no cell centre is misclassified",
                linear("area"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("misclassified area", s.metric(VandenBergProbes.MISCLASSIFIED_AREA));
                    return m;
                }, (s, p) -> s.metrics().containsKey(VandenBergProbes.MISCLASSIFIED_AREA) && vandenBerg(p));
    }

    /** Rows (units) beyond which the row-norm chart shows each layer's largest row only. */
    static final int MAX_ROW_SERIES = 5;

    /**
     * Figs 15(a), 16(a): the norm of every row of A_k (a unit's incoming weights), "A1 row 1"; for nets with
     * more than {@value #MAX_ROW_SERIES} units each layer's largest, "A1 max".
     */
    static MetricChart rowNorms() {
        return new MetricChart("row-norms-chart", "Row norms",
                "van den Berg Figs 15-16. Ak row j: the Euclidean norm of unit j's incoming weights in layer k; Ak max:"
                        + " the largest row of layer k (nets of more than " + MAX_ROW_SERIES + " units). They keep growing"
                        + " while the loss can still fall by sharpening the transitions", linear("norm"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    var p = s.parameters();
                    int rows = 0;
                    for (int k = 0; k < p.layers(); k++) {
                        rows += p.out(k);
                    }
                    for (int k = 0; k < p.layers(); k++) {
                        double[] r = p.rowNorms(k);
                        if (rows <= MAX_ROW_SERIES) {
                            for (int j = 0; j < r.length; j++) {
                                m.put("A" + (k + 1) + " row " + (j + 1), r[j]);
                            }
                        } else {
                            m.put("A" + (k + 1) + " max", java.util.Arrays.stream(r).max().orElse(Double.NaN));
                        }
                    }
                    return m;
                }, (s, p) -> vandenBerg(p));
    }

    /** Figs 14(c-d): the norm of the full-batch gradient of each layer's weights and biases (0 for frozen layers). */
    static MetricChart gradientNorms() {
        return new MetricChart("gradient-norms-chart", "Gradient norms",
                "van den Berg Fig 14(c-d). Lk: the Euclidean norm of the training loss's gradient with respect to"
                        + " layer k's weights and biases (grad_norms); frozen layers (0) are left out of the log scale", new LogAxis("norm"),
                s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    double[] g = s.gradientNorms();
                    for (int k = 0; k < g.length; k++) {
                        m.put("L" + (k + 1), g[k]);
                    }
                    return m;
                }, (s, p) -> vandenBerg(p));
    }

    /** Fig 13(f): each first-layer hyperplane's distance to its nearest training sample. */
    static MetricChart hyperplaneDistance() {
        return new MetricChart("hyperplane-distance-chart", "Distance to sample",
                "van den Berg Fig 13(f): each first-layer hyperplane's distance to its nearest training sample, min over"
                        + " the samples x of |a.x + c| / |a| for the unit's hyperplane a.x + c = 0: a hyperplane moves fast while a sample is near it and stalls when none is",
                linear("distance"), s -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int j = 0; j < VandenBergProbes.MAX_UNITS; j++) {
                        String key = VandenBergProbes.distanceKey(j);
                        if (s.metrics().containsKey(key)) {
                            m.put("unit " + (j + 1), s.metric(key));
                        }
                    }
                    return m;
                }, (s, p) -> s.metrics().containsKey(VandenBergProbes.distanceKey(0))
                        && vandenBerg(p));
    }
}
