package org.marginscope.ui.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marginscope.analysis.GradientVariance;
import org.marginscope.analysis.GradientVariance.Curve;
import org.marginscope.analysis.GradientVariance.Result;
import org.marginscope.analysis.GradientVariance.Settings;
import org.marginscope.analysis.GradientVariance.Target;
import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.render.Palette;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.charts.LogAxis;

/**
 * Model > Gradient variance (van den Berg Fig 18): for the weights shown, the coefficient of variation of the
 * mini-batch gradient against the batch size N = 1..1024 on log-log axes (points, with the fitted c/sqrt(N) as a
 * dashed line), one curve per first-layer scale factor; beside it c(w) against w = |A1| with the least-squares
 * a sqrt(w), and a table of the numbers. {@link GradientVariance} runs on its own thread with a progress bar and
 * Cancel; the FX thread only draws the result.
 */
public final class GradientVarianceWindow {
    static final String MENU_TEXT = "Gradient variance (van den Berg Fig 18)\u2026";

    private final Session session;
    private final Window owner;
    private Stage stage;
    private final ChoiceBox<Target> target = new ChoiceBox<>();
    private final Spinner<Integer> batches = new Spinner<>(10, 100_000, 400, 100);
    private final ChoiceBox<Integer> maxBatch = new ChoiceBox<>();
    private final TextField factors = new TextField("1, 2, 4, 8");
    private final Button compute = new Button("Compute for the weights shown");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final LineChart<Number, Number> cvChart = new LineChart<>(new LogAxis("batch size N"),
            new LogAxis("coefficient of variation"));
    private final LineChart<Number, Number> cwChart = new LineChart<>(new LogAxis("w = |A1|"), new LogAxis("c(w)"));
    private final TableView<Curve> table = new TableView<>();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Counts computations, so a late result of an older one is dropped. */
    private final AtomicLong generation = new AtomicLong();
    private boolean running;

    GradientVarianceWindow(Session session, Window owner) {
        this.session = session;
        this.owner = owner;
    }

    /** The Model menu's item: opens the window (one per main window) and computes for the weights shown. */
    public static MenuItem menuItem(Session session, Window owner) {
        GradientVarianceWindow w = new GradientVarianceWindow(session, owner);
        MenuItem mi = new MenuItem(MENU_TEXT);
        mi.setId("gradient-variance");
        mi.setUserData(w);
        mi.setOnAction(e -> w.open());
        return mi;
    }

    void open() {
        if (stage == null) {
            stage = build();
        }
        stage.show();
        stage.toFront();
        if (!running) {
            start();
        }
    }

    /** The newest finished result (FX thread), or null. */
    ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    private Stage build() {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Gradient variance (van den Berg Fig 18)");
        target.getItems().setAll(Target.values());
        target.setValue(Target.FIRST_LAYER_WEIGHTS);
        target.setId("gv-target");
        batches.setEditable(true);
        batches.setId("gv-batches");
        batches.setPrefWidth(100);
        batches.setTooltip(new Tooltip("M: random mini-batches per batch size"));
        maxBatch.getItems().setAll(64, 256, 1024, 4096);
        maxBatch.setValue(1024);
        factors.setId("gv-factors");
        factors.setPrefColumnCount(10);
        factors.setTooltip(new Tooltip("First-layer scale factors (weights and biases), one curve each"));
        compute.setId("gv-compute");
        compute.setOnAction(e -> start());
        cancel.setId("gv-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelled.set(true));
        progress.setId("gv-progress");
        progress.setPrefWidth(200);
        status.setId("gv-status");
        status.setWrapText(true);
        FlowPane controls = new FlowPane(10, 8, new Label("gradient of"), target, new Label("batches per N"), batches,
                new Label("N up to"), maxBatch, new Label("first-layer factors"), factors, compute, cancel, progress);
        cvChart.setId("gv-cv-chart");
        cvChart.setTitle("CV(N): points sampled, dashed c/\u221aN fitted");
        cvChart.setLegendVisible(false);
        cvChart.setAnimated(false);
        cwChart.setId("gv-cw-chart");
        cwChart.setTitle("c(w), dashed a\u221aw fitted");
        cwChart.setLegendVisible(false);
        cwChart.setAnimated(false);
        HBox.setHgrow(cvChart, Priority.ALWAYS);
        cwChart.setPrefWidth(340);
        table.setId("gv-table");
        table.setPrefHeight(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(swatchColumn());
        table.getColumns().add(column("factor", c -> fmt(c.factor())));
        table.getColumns().add(column("w = |A1|", c -> fmt(c.weightNorm())));
        table.getColumns().add(column("c (fit \u00b1 s.e.)", c -> fmt(c.c()) + " \u00b1 " + fmt(c.cStdError())));
        table.getColumns().add(column("c exact (all points)", c -> fmt(c.cExact())));
        table.getColumns().add(column("c / \u221aw", c -> fmt(c.c() / Math.sqrt(c.weightNorm()))));
        table.getColumns().add(column("|full gradient|", c -> String.format(Locale.ROOT, "%.3g", c.gradientNorm())));
        Label about = new Label("CV(N) = sqrt(E|g_B - g|\u00b2) / |g|: g_B the mean gradient of N points drawn at random "
                + "(with replacement) from the training data, g the full gradient; M batches per N. The first layer's "
                + "weights and biases are scaled by each factor (the hyperplanes stay, their transitions sharpen); "
                + "the paper finds c(w) \u2248 1.1 \u221aw.");
        about.setWrapText(true);
        VBox box = new VBox(8, controls, status, new HBox(8, cvChart, cwChart), table, about);
        box.setPadding(new Insets(10));
        BorderPane root = new BorderPane(box);
        root.setId("gradient-variance-window");
        s.setScene(new Scene(root, 980, 700));
        s.setOnHidden(e -> cancelled.set(true));
        return s;
    }

    private TableColumn<Curve, Rectangle> swatchColumn() {
        TableColumn<Curve, Rectangle> col = new TableColumn<>("");
        col.setMaxWidth(30);
        col.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(
                new Rectangle(14, 14, javafx.scene.paint.Color.web(colour(table.getItems().indexOf(c.getValue()))))));
        return col;
    }

    private static TableColumn<Curve, String> column(String title, java.util.function.Function<Curve, String> f) {
        TableColumn<Curve, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleStringProperty(f.apply(c.getValue())));
        return col;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static String colour(int i) {
        return Palette.hex(Math.floorMod(i, Palette.MAX_CLASSES));
    }

    /** The settings the controls describe; throws IllegalArgumentException with a readable message. */
    Settings settings() {
        List<Double> fs = new ArrayList<>();
        for (String part : factors.getText().split("[,;\\s]+")) {
            if (!part.isBlank()) {
                try {
                    fs.add(Double.parseDouble(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number among the factors: '" + part + "'");
                }
            }
        }
        double[] f = fs.stream().mapToDouble(Double::doubleValue).toArray();
        return new Settings(target.getValue(), maxBatch.getValue(), batches.getValue(), f, 1);
    }

    /** Starts a computation for the weights shown (FX thread). */
    void start() {
        Dataset data = session.dataset();
        Snapshot shown = session.shown();
        Settings s;
        try {
            if (data == null || data.size() == 0) {
                throw new IllegalArgumentException("The model has no training points: draw, generate or load data "
                        + "first (the gradient is an average over them).");
            }
            if (shown == null) {
                throw new IllegalArgumentException("No weights yet: the model has not made its first snapshot.");
            }
            s = settings();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        Loss loss = session.configProperty().get().lossFunction();
        long gen = generation.incrementAndGet();
        cancelled.set(false);
        running = true;
        compute.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0);
        status.setStyle("");
        status.setText("Sampling mini-batch gradients at step " + shown.step() + " (" + data.size() + " points)\u2026");
        Thread t = new Thread(() -> {
            try {
                Result r = GradientVariance.compute(shown.spec(), shown.parameters(), loss, data, s,
                        v -> Platform.runLater(() -> {
                            if (gen == generation.get()) {
                                progress.setProgress(v);
                            }
                        }), cancelled::get);
                Platform.runLater(() -> {
                    if (gen == generation.get()) {
                        done();
                        show(r, shown.step());
                    }
                });
            } catch (CancellationException e) {
                Platform.runLater(() -> {
                    if (gen == generation.get()) {
                        done();
                        status.setText("Cancelled.");
                    }
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    if (gen == generation.get()) {
                        done();
                        fail(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                });
            }
        }, "marginscope-gradient-variance");
        t.setDaemon(true);
        t.start();
    }

    private void done() {
        running = false;
        compute.setDisable(false);
        cancel.setDisable(true);
    }

    private void fail(String why) {
        progress.setProgress(0);
        status.setStyle("-fx-text-fill: #c0392b;");
        status.setText(why);
        session.messageProperty().set("Gradient variance: " + why);
    }

    private void show(Result r, long step) {
        progress.setProgress(1);
        List<XYChart.Series<Number, Number>> cv = new ArrayList<>();
        List<XYChart.Series<Number, Number>> cw = new ArrayList<>();
        XYChart.Series<Number, Number> cPoints = new XYChart.Series<>();
        cPoints.setName("c(w)");
        double wMin = Double.POSITIVE_INFINITY, wMax = 0;
        for (Curve c : r.curves()) {
            XYChart.Series<Number, Number> pts = new XYChart.Series<>();
            pts.setName(String.format(Locale.ROOT, "w = %.3g", c.weightNorm()));
            XYChart.Series<Number, Number> fit = new XYChart.Series<>();
            fit.setName(String.format(Locale.ROOT, "c/\u221aN, c = %.3g", c.c()));
            for (int i = 0; i < c.batchSizes().length; i++) {
                if (Double.isFinite(c.cv()[i]) && c.cv()[i] > 0) {
                    pts.getData().add(new XYChart.Data<>(c.batchSizes()[i], c.cv()[i]));
                }
            }
            int first = c.batchSizes()[0], last = c.batchSizes()[c.batchSizes().length - 1];
            if (Double.isFinite(c.c()) && c.c() > 0) {
                fit.getData().add(new XYChart.Data<>(first, c.fitted(first)));
                fit.getData().add(new XYChart.Data<>(last, c.fitted(last)));
            }
            cv.add(pts);
            cv.add(fit);
            if (Double.isFinite(c.c()) && c.c() > 0 && c.weightNorm() > 0) {
                cPoints.getData().add(new XYChart.Data<>(c.weightNorm(), c.c()));
                wMin = Math.min(wMin, c.weightNorm());
                wMax = Math.max(wMax, c.weightNorm());
            }
        }
        cw.add(cPoints);
        XYChart.Series<Number, Number> sqrt = new XYChart.Series<>();
        sqrt.setName(String.format(Locale.ROOT, "%.3g \u221aw", r.sqrtFit()));
        if (Double.isFinite(r.sqrtFit()) && wMax > 0) {
            for (int i = 0; i <= 8; i++) {
                double w = wMin * Math.pow(wMax / wMin, i / 8.0);
                sqrt.getData().add(new XYChart.Data<>(w, r.sqrtFit() * Math.sqrt(w)));
            }
        }
        cw.add(sqrt);
        cvChart.getData().setAll(cv);
        cwChart.getData().setAll(cw);
        for (int i = 0; i < r.curves().size(); i++) {
            styleSeries(cv.get(2 * i), colour(i), false);
            styleSeries(cv.get(2 * i + 1), colour(i), true);
        }
        styleSeries(cPoints, "#333333", false);
        styleSeries(sqrt, "#333333", true);
        table.getItems().setAll(r.curves());
        result.set(r);
        Curve one = r.curves().get(0);
        status.setStyle("");
        status.setText(String.format(Locale.ROOT, "Step %d, %d points, gradient of the %s: c = %.3f at w = %.3f; "
                        + "c(w) \u2248 %.3f \u221aw (the paper: 1.1 \u221aw).", step, r.points(), r.target(), one.c(),
                one.weightNorm(), r.sqrtFit()));
    }

    /** Points only (no line) or a dashed line without points, in one colour. */
    private static void styleSeries(XYChart.Series<Number, Number> s, String colour, boolean line) {
        if (s.getNode() != null) {
            s.getNode().setStyle(line ? "-fx-stroke: " + colour + "; -fx-stroke-width: 1.5; -fx-stroke-dash-array: 6 4;"
                    : "-fx-stroke: transparent;");
        }
        for (XYChart.Data<Number, Number> d : s.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(!line);
                d.getNode().setStyle("-fx-background-color: " + colour + ", white; -fx-background-insets: 0, 2;"
                        + " -fx-padding: 4px;");
            }
        }
    }
}
