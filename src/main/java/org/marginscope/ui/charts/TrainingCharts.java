package org.marginscope.ui.charts;

import org.marginscope.ui.fx.FxTicker;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.marginscope.experiment.probes.ClusterProbe;
import org.marginscope.experiment.probes.ClusterTrend;
import org.marginscope.experiment.probes.SvmAlignmentProbe;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.FxPulseMonitor;
import org.marginscope.ui.fx.Nodes;

/**
 * Loss (log scale) and accuracy against the step on a log axis (step + 1, so step 0 shows). Points
 * are added live but thinned in log time (a new point once the step grew by 1.5%), so a run of
 * millions of steps keeps a few hundred points and the charts never stutter. Hover shows values.
 */
public final class TrainingCharts extends HBox {
    private FxTicker timer;

    private static final double LOG_STEP = Math.log(1.015);
    private static final long UPDATE_MILLIS = Long.getLong("marginscope.chartUpdateMillis", 100);

    private final Session session;
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    /** The loss on the held-out points, where there are some (Poggio Fig 5: it grows while the training loss returns). */
    private final XYChart.Series<Number, Number> testLoss = new XYChart.Series<>();
    private javafx.scene.layout.StackPane lossHolder;
    private final XYChart.Series<Number, Number> trainAcc = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> testAcc = new XYChart.Series<>();
    private final BandChart lossChart;
    private final BandChart accChart;
    private final XYChart.Series<Number, Number> angle = new XYChart.Series<>();
    /** The last layer's [w; b] against the bias-penalised SVM min |w|^2 + b^2 (Nar et al.'s limit). */
    private final XYChart.Series<Number, Number> penalisedAngle = new XYChart.Series<>();
    /**
     * Sarussi et al.: shown instead of the angle chart once snapshots carry the cluster measures - the
     * cluster geometry on a log scale, and the regime shares (non-linear cones, PAR) on 0..1.
     */
    private final java.util.Map<String, XYChart.Series<Number, Number>> clusterSeries = seriesFor(
            ClusterProbe.MAX_ANGLE, "angle\u00b0", ClusterProbe.RATIO_POS, "R/|w+|", ClusterProbe.RATIO_NEG, "R/|w\u2212|",
            ClusterProbe.NAR_DISAGREEMENT, "NAR");
    private final java.util.Map<String, XYChart.Series<Number, Number>> regimeSeries = seriesFor(
            ClusterProbe.NONLINEAR_TRAIN, "non-lin. train", ClusterProbe.NONLINEAR_TEST, "non-lin. test",
            ClusterProbe.PAR_SHARE_POS, "PAR +", ClusterProbe.PAR_SHARE_NEG, "PAR \u2212");
    /** The non-linear share's least-squares line over the last two decades of steps (dashed; Sarussi's 1/log t trend). */
    private final XYChart.Series<Number, Number> shareTrend = new XYChart.Series<>();
    private final BandChart clusterChart;
    private final BandChart regimeChart;
    private final BandChart angleChart;
    /** Whether the charts draw the seed bands of Model > Run over seeds (View > Seed bands). */
    private final javafx.beans.property.BooleanProperty seedBandsShown = new javafx.beans.property.SimpleBooleanProperty(true);
    /** The transformed view's frame shown, for the PCA spectrum of its points at the step shown. */
    private java.util.function.Supplier<org.marginscope.render.TransformedFrame> frames = () -> null;
    private final XYChart.Series<Number, Number> spectrum = new XYChart.Series<>();
    private final LineChart<Number, Number> spectrumChart;
    private org.marginscope.render.TransformedFrame spectrumOf;
    private long lastStep = -1;
    private long lastAngleStep = -1;
    private long generation = -1;
    private javafx.scene.layout.StackPane clusterHolder, regimeHolder, angleHolder;
    /** The vertical line at the scrubbed step, one per chart. */
    /** Poggio's, Nar's and van den Berg's charts, shown for the runs they are about. */
    private final java.util.List<MetricChart> paperCharts = java.util.List.of(MetricChart.norms(),
            MetricChart.ensemble(), MetricChart.margins(), MetricChart.confidence(), MetricChart.misclassifiedArea(),
            MetricChart.rowNorms(), MetricChart.gradientNorms(), MetricChart.hyperplaneDistance(),
            MetricChart.linearRegions());
    private final java.util.Map<MetricChart, javafx.scene.layout.StackPane> paperHolders = new java.util.LinkedHashMap<>();
    private final java.util.Map<LineChart<Number, Number>, javafx.scene.shape.Line> cursors = new java.util.LinkedHashMap<>();
    /** A red line and "diverged" on the loss chart at the step a divergence stopped the run. */
    private final javafx.scene.shape.Line divergenceLine = new javafx.scene.shape.Line();
    private final javafx.scene.control.Label divergenceLabel = new javafx.scene.control.Label("diverged");

    public TrainingCharts(Session session) {
        this.session = session;
        loss.setName("training loss");
        trainAcc.setName("train");
        testAcc.setName("test");
        lossChart = new BandChart(new LogAxis("step"), new LogAxis("loss"), "loss", "training loss");
        lossChart.getData().add(loss);
        testLoss.setName("test loss");
        lossChart.getData().add(testLoss);
        lossChart.setId("loss-chart");
        NumberAxis accAxis = new NumberAxis("accuracy", 0, 1, 0.25);
        accChart = new BandChart(new LogAxis("step"), accAxis, "train_accuracy", "train");
        accChart.setId("accuracy-chart");
        accChart.getData().add(trainAcc);
        accChart.getData().add(testAcc);
        angle.setName("angle");
        angleChart = new BandChart(new LogAxis("step"), new LogAxis("degrees"), SvmAlignmentProbe.ANGLE, "angle");
        angleChart.getData().add(angle);
        penalisedAngle.setName("vs min |w|\u00b2+b\u00b2");
        angleChart.getData().add(penalisedAngle);
        angleChart.setTitle(ANGLE_TITLE);
        Tooltip.install(angleChart, new Tooltip("angle: the last layer's normal against the free-bias SVM's (Li et al.);"
                + " vs min |w|\u00b2+b\u00b2: its [w; b] against the bias-penalised SVM's, where gradient descent on the"
                + " cross-entropy with a trained bias is headed (Nar et al.). Not meaningful while the transformed"
                + " points lie on a line (the title says so)"));
        angleChart.setId("angle-chart");
        clusterChart = new BandChart(new LogAxis("step"), new LogAxis("value"), ClusterProbe.MAX_ANGLE, "angle\u00b0");
        clusterChart.getData().addAll(clusterSeries.values());
        clusterChart.setTitle("Neuron clusters (Sarussi et al.)");
        clusterChart.setId("cluster-chart");
        Tooltip.install(clusterChart, new Tooltip("angle: largest angle between two neurons of one type (degrees);"
                + " R/|w+|, R/|w-|: cluster radius over the mean's length (Thm 5.1's cones); NAR: most training points"
                + " two neurons of one type disagree on (0, the Neural Agreement Regime, leaves a gap on a log axis)"));
        regimeChart = new BandChart(new LogAxis("step"), new NumberAxis("share", 0, 1, 0.25), ClusterProbe.NONLINEAR_TRAIN, "non-lin. train");
        regimeChart.getData().addAll(regimeSeries.values());
        shareTrend.setName("trend");
        regimeChart.getData().add(shareTrend);
        shareTrend.getNode().setStyle("-fx-stroke: #555555; -fx-stroke-dash-array: 7 5;");
        regimeChart.setTitle(REGIME_TITLE);
        regimeChart.setId("regime-chart");
        Tooltip.install(regimeChart, new Tooltip("non-lin. train / test: share of points inside Thm 5.1's cones, where"
                + " linearity is not guaranteed (the paper's Fig 2); PAR +/\u2212: share of + and \u2212 neurons that"
                + " classify every training point like the labels (+) or like their opposite (\u2212). Dashed grey: the"
                + " least-squares line of non-lin. train against log10 t over the last two decades; the title gives its"
                + " slope per decade and the step at which the line reaches 0 (a line fitted to a 1/log t curve: a lower"
                + " bound, not a forecast)"));
        javafx.scene.layout.StackPane[] holders = new javafx.scene.layout.StackPane[5 + paperCharts.size()];
        int hi = 0;
        java.util.List<BandChart> all = new java.util.ArrayList<>(
                java.util.List.of(lossChart, accChart, angleChart, clusterChart, regimeChart));
        paperCharts.forEach(m -> all.add(m.chart));
        for (BandChart c : all) {
            javafx.scene.shape.Line cursor = new javafx.scene.shape.Line();
            cursor.getStyleClass().add("scrub-cursor");
            cursor.setStroke(javafx.scene.paint.Color.web("#1565c0"));
            cursor.setStrokeWidth(1.5);
            cursor.setManaged(false);
            cursor.setVisible(false);
            javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(cursor);
            overlay.setMouseTransparent(true);
            cursors.put(c, cursor);
            // a rescaled axis moves the marks in the same layout pass, not a chart tick later
            c.afterPlotLayout(c == lossChart ? () -> {
                updateCursor(c);
                updateDivergenceMarker();
            } : () -> updateCursor(c));
            holders[hi] = new javafx.scene.layout.StackPane(c, overlay);
            // charts share the row and narrow as more appear: never wider than the window
            holders[hi].setMinWidth(60);
            HBox.setHgrow(holders[hi++], Priority.ALWAYS);
            c.setCreateSymbols(false);
            c.setAnimated(false);
            c.setLegendVisible(c == accChart);
            c.setPrefHeight(190);
            c.setMinHeight(120);
            c.setMinWidth(60);
            HBox.setHgrow(c, Priority.ALWAYS);
            installHover(c);
            installScrubClick(c);
        }
        lossChart.setTitle("Loss");
        accChart.setTitle("Accuracy");
        javafx.scene.layout.Pane lossOverlay = (javafx.scene.layout.Pane) cursors.get(lossChart).getParent();
        divergenceLine.setId("divergence-marker");
        divergenceLine.setStroke(javafx.scene.paint.Color.web("#c62828"));
        divergenceLine.setStrokeWidth(2);
        divergenceLine.getStrokeDashArray().addAll(6.0, 4.0);
        divergenceLabel.setTextFill(javafx.scene.paint.Color.web("#c62828"));
        for (javafx.scene.Node n : new javafx.scene.Node[] {divergenceLine, divergenceLabel}) {
            n.setManaged(false);
            n.setVisible(false);
        }
        lossOverlay.getChildren().addAll(divergenceLine, divergenceLabel);
        getChildren().addAll(holders);
        clusterHolder = holders[3];
        regimeHolder = holders[4];
        clusterHolder.getChildren().add(key(clusterSeries.values()));
        regimeHolder.getChildren().add(key(regimeSeries.values()));
        angleHolder = holders[2];
        angleHolder.getChildren().add(key(java.util.List.of(angle, penalisedAngle)));
        lossHolder = holders[0];
        for (int i = 0; i < paperCharts.size(); i++) {
            MetricChart m = paperCharts.get(i);
            javafx.scene.layout.StackPane h = holders[5 + i];
            paperHolders.put(m, h);
            m.onNewSeries(() -> {
                h.getChildren().removeIf(n -> n instanceof javafx.scene.text.TextFlow);
                h.getChildren().add(key(m.series()));
            });
            Nodes.show(h, false);
        }
        showClusters(false);
        spectrum.setName("cumulative variance");
        spectrumChart = new LineChart<>(new NumberAxis("principal components", 0, 10, 1),
                new NumberAxis("share of variance", 0, 1, 0.25));
        spectrumChart.setId("spectrum-chart");
        spectrumChart.setTitle("Feature spectrum (Poggio Fig 3)");
        spectrumChart.getData().add(spectrum);
        spectrumChart.setCreateSymbols(true);
        spectrumChart.setAnimated(false);
        spectrumChart.setLegendVisible(false);
        spectrumChart.setPrefHeight(190);
        spectrumChart.setMinHeight(120);
        spectrumChart.setMinWidth(60);
        HBox.setHgrow(spectrumChart, Priority.ALWAYS);
        Tooltip.install(spectrumChart, new Tooltip("PCA of the transformed training and test points (the last hidden"
                + " layer's output) at the step shown: the share of their variance in the first k principal components."
                + " A few components holding nearly all of it is the low-rank structure Poggio et al. report"));
        Nodes.show(spectrumChart, false);
        getChildren().add(spectrumChart);
        getStyleClass().add("training-charts");
        session.onReset(this::clear);
        // a band describes the preset as loaded: a reset, another preset or other data or settings make it stale
        session.onReset(this::clearSeedBands);
        session.datasetProperty().addListener((o, a, b) -> clearSeedBands());
        session.specProperty().addListener((o, a, b) -> clearSeedBands());
        session.configProperty().addListener((o, a, b) -> clearSeedBands());
        bandCharts().forEach(c -> c.bandShownProperty().bind(seedBandsShown));
        timer = FxTicker.every(UPDATE_MILLIS, now -> {
            long t0 = System.nanoTime();
            update();
            FxPulseMonitor.record("charts", now, System.nanoTime() - t0);
        });
        timer.start();
    }

    /**
     * The spectrum chart shows the PCA of the transformed points of the moment shown (not a curve over time): it
     * reads the transformed view's frame of that moment. Every curve over time reads the snapshots only.
     */
    public void followSpectrum(java.util.function.Supplier<org.marginscope.render.TransformedFrame> frames) {
        this.frames = frames;
    }

    private static java.util.Map<String, XYChart.Series<Number, Number>> seriesFor(String... keyAndName) {
        java.util.Map<String, XYChart.Series<Number, Number>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyAndName.length; i += 2) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(keyAndName[i + 1]);
            m.put(keyAndName[i], s);
        }
        return m;
    }

    /** A compact key inside the plot, in the default series colours: the chart's own legend finds no room here. */
    private static javafx.scene.text.TextFlow key(java.util.Collection<XYChart.Series<Number, Number>> series) {
        javafx.scene.text.TextFlow key = new javafx.scene.text.TextFlow();
        // common.css's default-color0..7 (JavaFX cycles a chart's series through 8)
        String[] colours = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#555555", "#b8860b"};
        int i = 0;
        for (var s : series) {
            javafx.scene.text.Text t = new javafx.scene.text.Text((i == 0 ? "" : " ") + "\u2014" + s.getName());
            t.setFill(javafx.scene.paint.Color.web(colours[i++ % colours.length]));
            t.getStyleClass().add("chart-key-text");
            key.getChildren().add(t);
        }
        key.setMouseTransparent(true);
        key.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane.setAlignment(key, javafx.geometry.Pos.TOP_CENTER);
        javafx.scene.layout.StackPane.setMargin(key, new javafx.geometry.Insets(26, 10, 0, 64));
        key.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 0 3 0 3;");
        return key;
    }

    private void clearClusterSeries() {
        clusterSeries.values().forEach(c -> c.getData().clear());
        regimeSeries.values().forEach(c -> c.getData().clear());
        shareTrend.getData().clear();
        regimeChart.setTitle(REGIME_TITLE);
    }

    private static final String REGIME_TITLE = "Linear regime and PAR";

    /** Sarussi: the share's trend per decade up to {@code step}, drawn over the window it was fitted on. */
    private void updateShareTrend(long step) {
        var timeline = session.trainer().timeline().snapshots();
        org.marginscope.analysis.DecadeTrend d = ClusterTrend.shareTrend(timeline, step);
        if (d == null) {
            return;
        }
        shareTrend.getData().setAll(new XYChart.Data<>(d.fromStep() + 1.0, d.at(d.fromStep())),
                new XYChart.Data<>(d.toStep() + 1.0, d.at(d.toStep())));
        double zero = d.stepReaching(0);
        regimeChart.setTitle(String.format(java.util.Locale.ROOT, "%s: non-lin. %+.3f/decade, %s", REGIME_TITLE,
                d.slopePerDecade(), Double.isFinite(zero) ? String.format(java.util.Locale.ROOT, "0 at ~%.1e steps", zero)
                        : "not falling"));
    }

    /** The regime chart's title and dashed trend's points (FX thread; for tests). */
    String regimeTitle() {
        return regimeChart.getTitle();
    }

    java.util.List<Double> shareTrendValues() {
        return shareTrend.getData().stream().map(p -> p.getYValue().doubleValue()).toList();
    }

    /** The cluster and regime charts take the angle chart's place for Sarussi-shaped nets. */
    private void showClusters(boolean on) {
        Nodes.show(clusterHolder, on);
        Nodes.show(regimeHolder, on);
        Nodes.show(angleHolder, !on);
    }

    private void showPaperChart(MetricChart m, boolean on) {
        Nodes.show(paperHolders.get(m), on);
    }

    /** The shown paper chart with this id, or null (FX thread; for tests). */
    public MetricChart paperChart(String id) {
        for (MetricChart m : paperCharts) {
            if (m.id.equals(id) && paperHolders.get(m).isVisible()) {
                return m;
            }
        }
        return null;
    }

    public boolean showsClusters() {
        return clusterHolder.isVisible();
    }

    /** The plotted values of one cluster or regime series by its metric key (FX thread; for tests). */
    public java.util.List<Double> clusterValues(String key) {
        var series = clusterSeries.containsKey(key) ? clusterSeries.get(key) : regimeSeries.get(key);
        return series.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    /** Every chart over time, the paper charts included (each may carry a seed band). */
    private java.util.List<BandChart> bandCharts() {
        java.util.List<BandChart> all = new java.util.ArrayList<>(
                java.util.List.of(lossChart, accChart, angleChart, clusterChart, regimeChart));
        paperCharts.forEach(m -> all.add(m.chart));
        return all;
    }

    /**
     * Draws the spread over seeds of the metric of each chart's banded series where the summary measured it (FX
     * thread); charts hidden now carry theirs for when they show. Returns the charts on screen with a band: title to
     * metric, in chart order.
     */
    public java.util.Map<String, String> showSeedBands(org.marginscope.experiment.SweepSummary summary) {
        java.util.Map<String, String> drawn = new java.util.LinkedHashMap<>();
        for (BandChart c : bandCharts()) {
            SeedBand b = SeedBand.of(summary, c.bandMetric(), c.getYAxis() instanceof LogAxis);
            c.setBand(b);
            if (b != null && c.getParent() != null && c.getParent().isVisible() && c.isVisible()) {
                drawn.put(c.getTitle(), b.metric());
            }
        }
        return drawn;
    }

    /** Removes every seed band (FX thread). */
    public void clearSeedBands() {
        bandCharts().forEach(c -> c.setBand(null));
    }

    /** Whether the seed bands are drawn (View > Seed bands; they stay until a reset either way). */
    public javafx.beans.property.BooleanProperty seedBandsShownProperty() {
        return seedBandsShown;
    }

    /** The band of the chart with this id, whether shown or not; null when it has none (FX thread; for tests). */
    public SeedBand seedBand(String chartId) {
        return bandCharts().stream().filter(c -> chartId.equals(c.getId())).map(BandChart::band)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The key text of every band on screen (FX thread; for tests). */
    public java.util.List<String> visibleSeedBandKeys() {
        return bandCharts().stream().filter(c -> c.isVisible() && c.getParent() != null && c.getParent().isVisible())
                .map(BandChart::bandKey).filter(java.util.Objects::nonNull).toList();
    }

    public void clear() {
        clearClusterSeries();
        showClusters(false);
        for (MetricChart m : paperCharts) {
            m.clear();
            showPaperChart(m, false);
        }
        angle.getData().clear();
        penalisedAngle.getData().clear();
        angleChart.setTitle(ANGLE_TITLE);
        lastAngleStep = -1;
        loss.getData().clear();
        testLoss.getData().clear();
        trainAcc.getData().clear();
        testAcc.getData().clear();
        lastStep = -1;
    }

    /** Puts each chart's cursor line at the scrubbed step (hidden while live). */
    private void updateCursors() {
        cursors.keySet().forEach(this::updateCursor);
    }

    /** Puts a chart's scrub cursor at the step shown (hidden while nothing is shown or it falls off the axis). */
    private void updateCursor(LineChart<Number, Number> chart) {
        Snapshot v = session.viewedProperty().get();
        javafx.scene.shape.Line line = cursors.get(chart);
        if (v == null) {
            line.setVisible(false);
            return;
        }
        var xAxis = chart.getXAxis();
        var yAxis = chart.getYAxis();
        double xd = xAxis.getDisplayPosition(v.step() + 1.0);
        javafx.scene.Node overlay = line.getParent();
        Point2D top = overlay.sceneToLocal(xAxis.localToScene(xd, 0));
        Point2D yTop = overlay.sceneToLocal(yAxis.localToScene(0, 0));
        Point2D yBottom = overlay.sceneToLocal(yAxis.localToScene(0, yAxis.getHeight()));
        if (top == null || yTop == null || yBottom == null || !Double.isFinite(xd)) {
            line.setVisible(false);
            return;
        }
        line.setStartX(top.getX());
        line.setEndX(top.getX());
        line.setStartY(yTop.getY());
        line.setEndY(yBottom.getY());
        line.setVisible(true);
    }

    /** The x of a chart's scrub cursor in scene coordinates (NaN when hidden). */
    public double cursorSceneX(int chart) {
        javafx.scene.shape.Line l = new java.util.ArrayList<>(cursors.values()).get(chart);
        return l.isVisible() ? l.localToScene(l.getStartX(), 0).getX() : Double.NaN;
    }

    /** Puts the divergence marker at the step the run diverged (hidden while it did not). */
    private void updateDivergenceMarker() {
        var d = session.divergenceProperty().get();
        var xAxis = lossChart.getXAxis();
        var yAxis = lossChart.getYAxis();
        double xd = d == null ? Double.NaN : xAxis.getDisplayPosition(d.step() + 1.0);
        javafx.scene.Node overlay = divergenceLine.getParent();
        Point2D top = Double.isFinite(xd) ? overlay.sceneToLocal(xAxis.localToScene(xd, 0)) : null;
        Point2D yTop = overlay.sceneToLocal(yAxis.localToScene(0, 0));
        Point2D yBottom = overlay.sceneToLocal(yAxis.localToScene(0, yAxis.getHeight()));
        boolean on = top != null && yTop != null && yBottom != null;
        divergenceLine.setVisible(on);
        divergenceLabel.setVisible(on);
        if (!on) {
            return;
        }
        divergenceLine.setStartX(top.getX());
        divergenceLine.setEndX(top.getX());
        divergenceLine.setStartY(yTop.getY());
        divergenceLine.setEndY(yBottom.getY());
        divergenceLabel.setText("diverged at step " + d.step());
        divergenceLabel.autosize();
        divergenceLabel.relocate(top.getX() - divergenceLabel.getWidth() - 3, yTop.getY());
    }

    /** The x of the divergence marker in scene coordinates (NaN when hidden). */
    public double divergenceMarkerSceneX() {
        return divergenceLine.isVisible() ? divergenceLine.localToScene(divergenceLine.getStartX(), 0).getX() : Double.NaN;
    }

    /** The x of a step on the loss chart in scene coordinates. */
    public double lossChartSceneX(long step) {
        var xAxis = lossChart.getXAxis();
        return xAxis.localToScene(xAxis.getDisplayPosition(step + 1.0), 0).getX();
    }

    private void update() {
        updateCursors();
        updateDivergenceMarker();
        updateSpectrum();
        if (generation != session.generation()) {
            generation = session.generation();
            clear();
        }
        if (!session.trainer().settled()) {
            return; // the newest snapshot and the timeline may still be the run before a reset
        }
        Snapshot s = session.trainer().latest();
        if (s != null && s.metrics().containsKey(ClusterProbe.MAX_ANGLE) != clusterHolder.isVisible()) {
            // the net's shape decides (Sarussi's measures come with every snapshot of such a net)
            clearClusterSeries();
            showClusters(!clusterHolder.isVisible());
        }
        boolean anyPaper = false;
        for (MetricChart m : paperCharts) {
            boolean on = m.shows(s, session.presetProperty().get());
            if (on != paperHolders.get(m).isVisible()) {
                m.clear();
                showPaperChart(m, on);
                if (on) {
                    for (Snapshot t : session.trainer().timeline().snapshots()) {
                        if (t.step() <= lastStep) {
                            m.add(t, t.step() + 1.0); // the history it missed while hidden
                        }
                    }
                }
            }
            anyPaper |= on && !m.id.equals(MetricChart.LINEAR_REGIONS_ID); // the regions' count sits beside Li's angle
        }
        if (anyPaper && angleHolder.isVisible()) {
            Nodes.show(angleHolder, false); // the paper's own charts take the Li angle's place
        }
        if (s == null || s.step() == lastStep) {
            return;
        }
        if (s.step() < lastStep) {
            clear();
        }
        // the timeline has every early step the live stream skipped; then the live snapshot
        for (Snapshot t : session.trainer().timeline().snapshots()) {
            if (t.step() > lastStep && t.step() < s.step()) {
                add(t, false);
            }
        }
        add(s, !session.trainer().isRunning());
    }

    /** Poggio Fig 3: the cumulative explained variance of the transformed points of the frame shown (wide last layers). */
    private void updateSpectrum() {
        org.marginscope.render.TransformedFrame f = frames.get();
        double[] c = f == null ? null : f.spectrum();
        boolean on = c != null;
        if (on != spectrumChart.isVisible()) {
            Nodes.show(spectrumChart, on);
        }
        if (!on || f == spectrumOf) {
            return;
        }
        spectrumOf = f;
        int k = Math.min(c.length, SPECTRUM_COMPONENTS);
        java.util.List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            points.add(new XYChart.Data<>(i + 1, c[i]));
        }
        NumberAxis x = (NumberAxis) spectrumChart.getXAxis();
        x.setUpperBound(k);
        x.setTickUnit(Math.max(1, k / 4));
        x.setLabel(String.format(java.util.Locale.ROOT, "components of %d", c.length));
        spectrum.getData().setAll(points);
    }

    /** The spectrum chart shows the leading components; past them the curve sits at 1. */
    static final int SPECTRUM_COMPONENTS = 32;

    /** The spectrum as plotted (FX thread; for tests). */
    java.util.List<Double> spectrumValues() {
        return spectrum.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    /** Li's angle comes with a thinner schedule of snapshots than the rest (an SVM fit each): thinned on its own. */
    private void addAngle(Snapshot s, boolean always) {
        double a = SvmAlignmentProbe.meanAngle(s.metrics());
        if (!Double.isFinite(a) || a <= 0 || s.step() <= lastAngleStep) {
            return;
        }
        boolean farEnough = lastAngleStep < 0 || Math.log(s.step() + 1.0) - Math.log(lastAngleStep + 1.0) >= LOG_STEP;
        if (farEnough || always) {
            lastAngleStep = s.step();
            angle.getData().add(new XYChart.Data<>(s.step() + 1.0, a));
            addPositive(penalisedAngle, s.step() + 1.0, s.metric(SvmAlignmentProbe.PENALISED_ANGLE));
            boolean degenerate = s.metric(SvmAlignmentProbe.DEGENERATE) > 0.5;
            angleChart.setTitle(degenerate ? ANGLE_TITLE + ": not meaningful, the points lie on a line" : ANGLE_TITLE);
        }
    }

    private static final String ANGLE_TITLE = "Last layer vs SVM (Li et al.)";

    /** The largest step any chart plots (FX thread; -1 when none): never beyond the run's newest snapshot. */
    long maxPlottedStep() {
        java.util.List<BandChart> all = new java.util.ArrayList<>(
                java.util.List.of(lossChart, accChart, angleChart, clusterChart, regimeChart));
        paperCharts.forEach(m -> all.add(m.chart));
        long max = -1;
        for (BandChart c : all) {
            for (XYChart.Series<Number, Number> series : c.getData()) {
                for (XYChart.Data<Number, Number> d : series.getData()) {
                    max = Math.max(max, Math.round(d.getXValue().doubleValue() - 1)); // x is step + 1
                }
            }
        }
        return max;
    }

    public int anglePointCount() {
        return angle.getData().size();
    }

    private void add(Snapshot s, boolean always) {
        addAngle(s, always);
        boolean farEnough = lastStep < 0 || Math.log(s.step() + 1.0) - Math.log(lastStep + 1.0) >= LOG_STEP;
        if (!farEnough && !always) {
            return;
        }
        lastStep = s.step();
        double x = s.step() + 1;
        if (Double.isFinite(s.loss()) && s.loss() > 0) {
            loss.getData().add(new XYChart.Data<>(x, s.loss()));
        }
        double tl = s.metric("test_loss");
        if (Double.isFinite(tl) && tl > 0) {
            if (testLoss.getData().isEmpty() && lossHolder.getChildren().stream().noneMatch(n -> n instanceof javafx.scene.text.TextFlow)) {
                lossHolder.getChildren().add(key(java.util.List.of(loss, testLoss)));
            }
            testLoss.getData().add(new XYChart.Data<>(x, tl));
        }
        trainAcc.getData().add(new XYChart.Data<>(x, s.trainAccuracy()));
        if (s.metrics().containsKey(ClusterProbe.MAX_ANGLE)) {
            clusterSeries.forEach((key, series) -> addPositive(series, x, s.metric(key)));
            regimeSeries.forEach((key, series) -> {
                double v = s.metric(key);
                if (Double.isFinite(v)) {
                    series.getData().add(new XYChart.Data<>(x, v));
                }
            });
            updateShareTrend(s.step());
        }
        if (!Double.isNaN(s.testAccuracy())) {
            testAcc.getData().add(new XYChart.Data<>(x, s.testAccuracy()));
        }

        for (MetricChart m : paperCharts) {
            if (paperHolders.get(m).isVisible()) {
                m.add(s, x);
            }
        }
    }

    /** Log axes show positive values only (a NAR count of 0 leaves a gap: it is reached). */
    private static void addPositive(XYChart.Series<Number, Number> series, double x, double v) {
        if (Double.isFinite(v) && v > 0) {
            series.getData().add(new XYChart.Data<>(x, v));
        }
    }

    private void installScrubClick(LineChart<Number, Number> chart) {
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            var xAxis = chart.getXAxis();
            Point2D p = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (p.getX() < 0 || p.getX() > xAxis.getWidth()) {
                return;
            }
            double step = xAxis.getValueForDisplay(p.getX()).doubleValue() - 1;
            java.util.List<Snapshot> kept = session.trainer().timeline().snapshots();
            Snapshot best = null;
            for (Snapshot t : kept) {
                if (best == null || Math.abs(Math.log1p(t.step()) - Math.log1p(Math.max(0, step)))
                        < Math.abs(Math.log1p(best.step()) - Math.log1p(Math.max(0, step)))) {
                    best = t;
                }
            }
            if (best != null) {
                session.view(best);
            }
        });
    }

    private void installHover(LineChart<Number, Number> chart) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(chart, tip);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            var xAxis = chart.getXAxis();
            Point2D p = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
            double stepPlus1 = xAxis.getValueForDisplay(p.getX()).doubleValue();
            StringBuilder sb = new StringBuilder();
            for (XYChart.Series<Number, Number> series : chart.getData()) {
                XYChart.Data<Number, Number> best = null;
                for (XYChart.Data<Number, Number> d : series.getData()) {
                    if (best == null || Math.abs(Math.log(d.getXValue().doubleValue() / stepPlus1))
                            < Math.abs(Math.log(best.getXValue().doubleValue() / stepPlus1))) {
                        best = d;
                    }
                }
                if (best != null) {
                    sb.append(sb.length() == 0 ? String.format(Locale.ROOT, "step %d%n",
                            (long) best.getXValue().doubleValue() - 1) : "")
                            .append(String.format(Locale.ROOT, "%s: %.4g%n", series.getName(), best.getYValue().doubleValue()));
                }
            }
            if (chart instanceof BandChart bc && bc.bandVisible()) {
                SeedBand b = bc.band();
                int best = 0;
                for (int i = 1; i < b.size(); i++) {
                    if (Math.abs(Math.log(b.x()[i] / stepPlus1)) < Math.abs(Math.log(b.x()[best] / stepPlus1))) {
                        best = i;
                    }
                }
                sb.append(String.format(Locale.ROOT, "%s at step %d, median of %d seeds: %.4g (IQR %.4g to %.4g, range %.4g to %.4g)%n",
                        b.metric(), (long) b.x()[best] - 1, b.seeds(), b.median()[best], b.q1()[best], b.q3()[best],
                        b.min()[best], b.max()[best]));
            }
            tip.setText(sb.length() == 0 ? "no data yet" : sb.toString().trim() + "\n(click: show this moment)");
        });
    }

    /** Stops the timer (window closing). */
    public void dispose() {
        timer.stop();
    }
}
