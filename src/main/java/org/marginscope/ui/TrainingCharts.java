package org.marginscope.ui;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.marginscope.train.Snapshot;

/**
 * Loss (log scale) and accuracy against the step on a log axis (step + 1, so step 0 shows). Points
 * are added live but thinned in log time (a new point once the step grew by 1.5%), so a run of
 * millions of steps keeps a few hundred points and the charts never stutter. Hover shows values.
 */
public final class TrainingCharts extends HBox {
    private AnimationTimer timer;

    private static final double LOG_STEP = Math.log(1.015);
    private static final long UPDATE_NANOS = Long.getLong("marginscope.chartUpdateMillis", 100) * 1_000_000L;

    private final Session session;
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> trainAcc = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> testAcc = new XYChart.Series<>();
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accChart;
    private final XYChart.Series<Number, Number> angle = new XYChart.Series<>();
    private final LineChart<Number, Number> angleChart;
    private java.util.function.Supplier<org.marginscope.render.TransformedFrame> alignment = () -> null;
    private long lastAngleStep = -1;
    private long lastStep = -1;
    private long generation = -1;
    /** The vertical line at the scrubbed step, one per chart. */
    private final java.util.Map<LineChart<Number, Number>, javafx.scene.shape.Line> cursors = new java.util.LinkedHashMap<>();

    public TrainingCharts(Session session) {
        this.session = session;
        loss.setName("training loss");
        trainAcc.setName("train");
        testAcc.setName("test");
        lossChart = new LineChart<>(new LogAxis("step"), new LogAxis("loss"));
        lossChart.getData().add(loss);
        NumberAxis accAxis = new NumberAxis("accuracy", 0, 1, 0.25);
        accChart = new LineChart<>(new LogAxis("step"), accAxis);
        accChart.getData().add(trainAcc);
        accChart.getData().add(testAcc);
        angle.setName("angle");
        angleChart = new LineChart<>(new LogAxis("step"), new LogAxis("degrees"));
        angleChart.getData().add(angle);
        angleChart.setTitle("Last layer vs SVM (Li et al.)");
        angleChart.setId("angle-chart");
        javafx.scene.layout.StackPane[] holders = new javafx.scene.layout.StackPane[3];
        int hi = 0;
        for (LineChart<Number, Number> c : java.util.List.of(lossChart, accChart, angleChart)) {
            javafx.scene.shape.Line cursor = new javafx.scene.shape.Line();
            cursor.getStyleClass().add("scrub-cursor");
            cursor.setStroke(javafx.scene.paint.Color.web("#1565c0"));
            cursor.setStrokeWidth(1.5);
            cursor.setManaged(false);
            cursor.setVisible(false);
            javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(cursor);
            overlay.setMouseTransparent(true);
            cursors.put(c, cursor);
            holders[hi] = new javafx.scene.layout.StackPane(c, overlay);
            HBox.setHgrow(holders[hi++], Priority.ALWAYS);
            c.setCreateSymbols(false);
            c.setAnimated(false);
            c.setLegendVisible(c == accChart);
            c.setPrefHeight(190);
            c.setMinHeight(120);
            HBox.setHgrow(c, Priority.ALWAYS);
            installHover(c);
            installScrubClick(c);
        }
        lossChart.setTitle("Loss");
        accChart.setTitle("Accuracy");
        getChildren().addAll(holders);
        getStyleClass().add("training-charts");
        session.onReset(this::clear);
        timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last > UPDATE_NANOS) {
                    long t0 = System.nanoTime();
                    last = now;
                    update();
                    FxPulseMonitor.record("charts", now, System.nanoTime() - t0);
                }
            }
        };
        timer.start();
    }

    /** Plots the angle between the last layer and the SVM from the transformed view's frames. */
    public void followAlignment(java.util.function.Supplier<org.marginscope.render.TransformedFrame> frames) {
        alignment = frames;
    }

    public void clear() {
        angle.getData().clear();
        lastAngleStep = -1;
        loss.getData().clear();
        trainAcc.getData().clear();
        testAcc.getData().clear();
        lastStep = -1;
    }

    /** Puts each chart's cursor line at the scrubbed step (hidden while live). */
    private void updateCursors() {
        Snapshot v = session.viewedProperty().get();
        for (var e : cursors.entrySet()) {
            LineChart<Number, Number> chart = e.getKey();
            javafx.scene.shape.Line line = e.getValue();
            if (v == null) {
                line.setVisible(false);
                continue;
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
                continue;
            }
            line.setStartX(top.getX());
            line.setEndX(top.getX());
            line.setStartY(yTop.getY());
            line.setEndY(yBottom.getY());
            line.setVisible(true);
        }
    }

    /** The x of a chart's scrub cursor in scene coordinates (NaN when hidden). */
    double cursorSceneX(int chart) {
        javafx.scene.shape.Line l = new java.util.ArrayList<>(cursors.values()).get(chart);
        return l.isVisible() ? l.localToScene(l.getStartX(), 0).getX() : Double.NaN;
    }

    private void update() {
        updateCursors();
        Snapshot s = session.trainer().latest();
        if (generation != session.generation()) {
            generation = session.generation();
            clear();
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
        addAngle();
    }

    private void addAngle() {
        org.marginscope.render.TransformedFrame f = alignment.get();
        if (f == null || f.alignment() == null || f.step() <= lastAngleStep) {
            return;
        }
        double[] a = f.alignment().angleDeg();
        double mean = 0;
        for (double v : a) {
            mean += v / a.length;
        }
        boolean farEnough = lastAngleStep < 0 || Math.log(f.step() + 1.0) - Math.log(lastAngleStep + 1.0) >= LOG_STEP;
        if (Double.isFinite(mean) && mean > 0 && (farEnough || !session.trainer().isRunning())) {
            lastAngleStep = f.step();
            angle.getData().add(new XYChart.Data<>(f.step() + 1.0, mean));
        }
    }

    /** The angle curve as plotted (FX thread), for the charts export when the snapshots carry no angle. */
    org.marginscope.render.ChartFigure.Series angleSeries() {
        var d = angle.getData();
        long[] st = new long[d.size()];
        double[] v = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            st[i] = Math.round(d.get(i).getXValue().doubleValue() - 1);
            v[i] = d.get(i).getYValue().doubleValue();
        }
        return new org.marginscope.render.ChartFigure.Series("angle", st, v);
    }

    int anglePointCount() {
        return angle.getData().size();
    }

    private void add(Snapshot s, boolean always) {
        boolean farEnough = lastStep < 0 || Math.log(s.step() + 1.0) - Math.log(lastStep + 1.0) >= LOG_STEP;
        if (!farEnough && !always) {
            return;
        }
        lastStep = s.step();
        double x = s.step() + 1;
        if (Double.isFinite(s.loss()) && s.loss() > 0) {
            loss.getData().add(new XYChart.Data<>(x, s.loss()));
        }
        trainAcc.getData().add(new XYChart.Data<>(x, s.trainAccuracy()));
        if (!Double.isNaN(s.testAccuracy())) {
            testAcc.getData().add(new XYChart.Data<>(x, s.testAccuracy()));
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
            tip.setText(sb.length() == 0 ? "no data yet" : sb.toString().trim() + "\n(click: show this moment)");
        });
    }

    /** Stops the timer (window closing). */
    void dispose() {
        timer.stop();
    }
}
