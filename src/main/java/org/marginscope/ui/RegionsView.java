package org.marginscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import org.marginscope.analysis.GradientField;
import org.marginscope.analysis.PartialBackprop;
import org.marginscope.analysis.UnitMaps;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.render.Contours;
import org.marginscope.render.FieldColours;
import org.marginscope.render.Pen;
import org.marginscope.render.RegionRaster;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;

/**
 * van den Berg's views over the visible plane: small multiples of every unit's output (transition region
 * and centre contour drawn), and the gradient-localisation heatmaps, one per layer for the weights and
 * for the biases, on a shared or per-layer scale, and Fig 17's partial backpropagation: for the bounds of
 * Eq 14 and Eq 15 a panel of the plane coloured by the lowest layer each point's error reaches at the
 * thresholds typed (the paper's 0.05 for layer 1, 0.01 above), with the shares in the captions and the
 * summary line. A weight scale gamma applies to a copy for viewing, or
 * to the model on request. Click a panel to enlarge it (click again or Esc to go back). Follows the
 * scrubber; a worker computes every frame, the FX thread only draws.
 */
final class RegionsView extends BorderPane {
    enum Mode {
        UNITS("Unit maps", "units"), GRAD_WEIGHTS("Gradient heatmaps: weights", "gradients"),
        GRAD_BIASES("Gradient heatmaps: biases", "gradient-biases"),
        PARTIAL("Partial backpropagation (Fig 17)", "partial-backprop"),
        LINEAR("Linear regions (exact)", "linear-regions");

        private final String title;
        /** The name tour steps and {@code --regions-mode} use. */
        private final String viewName;

        Mode(String title, String viewName) {
            this.title = title;
            this.viewName = viewName;
        }

        String viewName() {
            return viewName;
        }

        /** The mode a tour step or {@code --regions-mode} names; a name that is none is refused, the modes named. */
        static Mode byViewName(String name) {
            for (Mode m : values()) {
                if (m.viewName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("not a mode of the Regions tab: '" + name + "' (one of "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Mode::viewName).toList()) + ")");
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** Grid samples per side: thumbnails, heatmaps, an enlarged panel. */
    private static final int UNIT_RES = 64, GRAD_RES = 128, BIG_RES = 256, MAX_UNITS_SHOWN = 48;

    /** One panel ready to draw: its pixels (top row first), contour segments in grid units, caption. */
    record Panel(String caption, int res, int[] argb, List<Contours.Segment> centre, List<Contours.Segment> band,
                 double value) {
    }

    /**
     * What one frame shows ({@code partial}: Fig 17's regions, in that mode only; {@code linear}: the exact
     * linear regions, in that mode only).
     */
    record Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
                 String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged,
                 PartialBackprop.Result partial, LinearRegionsPanel.Shown linear) {
        Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
              String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged) {
            this(snapshot, mode, gamma, bounds, rows, rowTitles, note, why, gradients, units, enlarged, null, null);
        }

        Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
              String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged,
              PartialBackprop.Result partial) {
            this(snapshot, mode, gamma, bounds, rows, rowTitles, note, why, gradients, units, enlarged, partial, null);
        }

        /** The linear-regions frame (the regions of the model itself: no weight scale, no enlarged panel). */
        static Frame linear(Snapshot snapshot, Bounds bounds, LinearRegionsPanel.Shown shown) {
            return new Frame(snapshot, Mode.LINEAR, 1, bounds, List.of(), List.of(), null, null, null, null, null, null,
                    shown);
        }
    }

    /**
     * {@code thresholds}: Sec 5.3's t_1 (layer 1) and t_2 (every later layer below the output); {@code shading},
     * {@code pw} x {@code ph}: the linear regions' colouring and plot size in pixels (that mode only).
     */
    private record Request(Snapshot snapshot, Mode mode, double gamma, boolean shared, Bounds bounds, int[] enlarged,
                           double t1, double t2, RegionRaster.Shading shading, int pw, int ph) {
        boolean same(Request o) {
            return o != null && o.snapshot == snapshot && o.mode == mode && o.gamma == gamma && o.shared == shared
                    && o.bounds.equals(bounds) && java.util.Arrays.equals(o.enlarged, enlarged) && o.t1 == t1
                    && o.t2 == t2 && o.shading == shading && o.pw == pw && o.ph == ph;
        }
    }

    /**
     * Fig 17's cells by the lowest layer their error reaches: the first layer (bluish green), the second
     * (reddish purple, lighter), a later one (yellow), or only the output layer (white). Okabe-Ito hues that
     * are not the two class colours.
     */
    static final int REACH_FIRST = 0xFF4DB89A, REACH_SECOND = 0xFFE7B9D2, REACH_LATER = 0xFFF6EFA0,
            REACH_OUTPUT_ONLY = 0xFFFFFFFF;

    private final Session session;
    private final Supplier<Bounds> window;
    private final Canvas canvas = new Canvas();
    /** The hovered linear region's outline, over the canvas (screen only: not part of an export). */
    private final Canvas hover = new Canvas();
    private final CheckBox byPattern = new CheckBox("colour by pattern");
    /** The hovered linear region's active units (linear-regions mode). */
    private final Label unitsUnder = new Label();
    /** The hovered region's index in the drawn frame's regions (-1: none). */
    private int hovered = -1;
    /** Text size of the linear-regions mode relative to normal (presentation mode enlarges it). */
    private double textScale = 1;
    /** Where the mouse is over the canvas (null: elsewhere), so a new frame outlines the region under it at once. */
    private double[] mouse;
    /** The worker's last linear regions and what they were computed for (worker thread only). */
    private org.marginscope.analysis.LinearRegions lastRegions;
    private Snapshot lastRegionsFor;
    private Bounds lastRegionsOver;
    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final Spinner<Double> gamma = new Spinner<>(0.25, 10, 1, 0.25);
    private final CheckBox shared = new CheckBox("shared scale");
    private final Button applyGamma = new Button("Apply \u03b3 to the model");
    /** Sec 5.3's thresholds on the gradient bounds of layer 1 and of the layers above it (validated text). */
    private final TextField t1 = new TextField(), t2 = new TextField();
    private double t1Value = PartialBackprop.PAPER_THRESHOLD_LAYER1, t2Value = PartialBackprop.PAPER_THRESHOLD_LAYER2;
    private final javafx.scene.layout.HBox thresholds;
    /** Fig 17's percentages in words (the mode's summary line; empty in the other modes). */
    private final Label summary = new Label();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "marginscope-regions");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Frame> ready = new AtomicReference<>();
    private final AnimationTimer timer;
    private Request requested;
    private boolean busy;
    private Frame drawn;
    /** The enlarged panel as {row, column}, or null for the overview. */
    private int[] enlarged;
    /** Where each panel of the overview was drawn: x, y, side, row, column. */
    private final List<double[]> hits = new ArrayList<>();
    /** The images of the drawn frame's panels, made once per frame (redraws on resize reuse them). */
    private final java.util.Map<int[], WritableImage> images = FxPen.imageCache();

    RegionsView(Session session, Supplier<Bounds> window) {
        this.session = session;
        this.window = window;
        canvas.setId("regions-canvas");
        mode.getItems().addAll(Mode.values());
        mode.setValue(Mode.UNITS);
        mode.setId("regions-mode");
        mode.setTooltip(new Tooltip("Unit maps: each unit's output over the plane, transition region dashed and"
                + " centre solid (van den Berg Figs 2-8). Gradient heatmaps: at every point x with its class c(x),"
                + " the largest |d loss / d A_k| per layer k (Figs 10-12). Partial backpropagation: how far down the"
                + " error of each point must go once Eqs 14-15 bound the lower layers' gradients (Sec 5.3, Fig 17). Linear"
                + " regions: the exact pieces of the plane on which a ReLU network is one affine map, shaded by its"
                + " slope or coloured by pattern; hover one to list its active units."));
        gamma.setId("gamma");
        gamma.setEditable(true);
        gamma.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
            }

            @Override
            public Double fromString(String text) {
                try {
                    double v = Double.parseDouble(text.trim().replace(',', '.'));
                    return Double.isFinite(v) ? v : gamma.getValue();
                } catch (NumberFormatException e) {
                    return gamma.getValue(); // not a number: keep the scale shown
                }
            }
        });
        gamma.setPrefWidth(80);
        gamma.setTooltip(new Tooltip("Weight scale \u03b3: every weight and bias multiplied by \u03b3 for these views"
                + " only (Fig 12: \u03b3 = 1, 2, 3); the trained model is unchanged"));
        shared.setId("shared-scale");
        shared.setSelected(true);
        shared.setTooltip(new Tooltip("One colour scale for every layer's heatmap (off: each layer to its own maximum)"));
        applyGamma.setId("apply-gamma");
        applyGamma.setTooltip(new Tooltip("Pause, multiply the model's weights and biases by \u03b3 and train on"
                + " from there (the snapshot of this step takes the scaled weights; earlier ones are kept)"));
        applyGamma.setOnAction(e -> applyGammaToModel());
        Label g = new Label("\u03b3");
        thresholds = new javafx.scene.layout.HBox(4, new Label("thresholds: layer 1"), t1, new Label("layer 2+"), t2);
        thresholds.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setUpThreshold(t1, "pbp-t1", true);
        setUpThreshold(t2, "pbp-t2", false);
        FlowPane top = new FlowPane(8, 4, mode, g, gamma, shared, applyGamma, thresholds);
        top.setPadding(new Insets(4, 8, 2, 8));
        setTop(top);
        summary.setId("pbp-summary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(2, 8, 4, 8));
        summary.setTooltip(new Tooltip("Sec 5.3: backpropagation stops at a layer once the bounds of Eqs 14-15 on the"
                + " gradients of every layer below it are under their thresholds; the shares count the cells of the view"
                + " that have a class"));
        byPattern.setId("lr-by-pattern");
        byPattern.setTooltip(new Tooltip("Colour each linear region by its activation pattern (a colour hashed from"
                + " which units are on) instead of by the slope of the network's linear map there"));
        top.getChildren().add(byPattern);
        unitsUnder.setId("lr-units");
        unitsUnder.setWrapText(true);
        // a fixed three lines: text that changes with the mouse must not resize the canvas (and so the frame)
        unitsUnder.setMinHeight(56);
        unitsUnder.setPrefHeight(56);
        unitsUnder.setMaxHeight(56);
        unitsUnder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        unitsUnder.setPadding(new Insets(2, 8, 4, 8));
        unitsUnder.setTooltip(new Tooltip("The hidden units that are on (pre-activation > 0) in the region under the"
                + " mouse, numbered from 1 as the unit maps number them; one pattern of units on is one linear region"));
        setBottom(new javafx.scene.layout.VBox(summary, unitsUnder));
        Runnable modeParts = () -> {
            boolean partial = mode.getValue() == Mode.PARTIAL, linear = mode.getValue() == Mode.LINEAR;
            Nodes.show(thresholds, partial);
            Nodes.show(summary, partial);
            Nodes.show(shared, !partial && !linear);
            // the regions are the model's own: a weight scale does not move them (ReLU is positively homogeneous)
            Nodes.show(g, !linear);
            Nodes.show(gamma, !linear);
            Nodes.show(applyGamma, !linear);
            Nodes.show(byPattern, linear);
            Nodes.show(unitsUnder, linear);
            setHovered(-1);
        };
        mode.valueProperty().addListener(o -> modeParts.run());
        modeParts.run();
        Pane holder = new Pane(canvas, hover);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        hover.widthProperty().bind(holder.widthProperty());
        hover.heightProperty().bind(holder.heightProperty());
        hover.setId("regions-hover");
        hover.setMouseTransparent(true);
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> {
            mouse = null;
            setHovered(-1);
        });
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setCenter(holder);
        setMinSize(200, 160);
        canvas.setOnMouseClicked(e -> {
            if (enlarged != null) {
                enlarged = null;
            } else {
                for (double[] h : hits) {
                    if (e.getX() >= h[0] && e.getX() <= h[0] + h[2] && e.getY() >= h[1] && e.getY() <= h[1] + h[2]) {
                        enlarged = new int[]{(int) h[3], (int) h[4]};
                    }
                }
            }
            canvas.requestFocus();
        });
        canvas.setFocusTraversable(true);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && enlarged != null) {
                enlarged = null;
                e.consume();
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick();
            }
        };
        timer.start();
    }

    Frame current() {
        return drawn;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private void setUpThreshold(TextField f, String id, boolean first) {
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setText(format(first ? t1Value : t2Value));
        String what = first ? "layer 1's gradients (the paper: 0.05)" : "the gradients of layer 2 and every later layer"
                + " below the output (the paper: 0.01)";
        Tooltip tip = new Tooltip("Threshold on the bound of " + what + "; a number \u2265 0, applied with Enter or on"
                + " leaving the field");
        f.setTooltip(tip);
        f.setOnAction(e -> commitThreshold(f, first));
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitThreshold(f, first);
            }
        });
        f.textProperty().addListener((o, a, b) -> markValid(f, parseThreshold(b) != null));
    }

    /** A red frame around a field whose text is not a threshold (while typing, and after a refused commit). */
    private static void markValid(TextField f, boolean valid) {
        f.setStyle(valid ? "" : "-fx-border-color: #c62828; -fx-border-width: 1.5;");
    }

    /** A threshold as typed: a finite number >= 0 (a comma taken as the decimal point), else null. */
    static Double parseThreshold(String text) {
        try {
            double v = Double.parseDouble(text.trim().replace(',', '.'));
            return Double.isFinite(v) && v >= 0 ? v : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private void commitThreshold(TextField f, boolean first) {
        Double v = parseThreshold(f.getText());
        if (v == null) {
            // not a threshold: say so and keep the one in use
            markValid(f, false);
            f.getTooltip().setText("Not a threshold: type a number \u2265 0. In use: " + format(first ? t1Value : t2Value));
            return;
        }
        markValid(f, true);
        if (first) {
            t1Value = v;
        } else {
            t2Value = v;
        }
    }

    /** The thresholds in use (layer 1, layers 2 and up). */
    double[] thresholds() {
        return new double[]{t1Value, t2Value};
    }

    /** Presentation mode: the linear-regions mode's text this many times larger (at most 1.4), 1 = normal. */
    void setPresentationScale(double s) {
        textScale = Math.min(s, 1.4);
        draw();
    }

    void setMode(Mode m) {
        mode.setValue(m);
    }

    Mode mode() {
        return mode.getValue();
    }

    void setGamma(double v) {
        gamma.getValueFactory().setValue(v);
    }

    /** Enlarges a panel of the overview (row, column), or returns to the overview with null. */
    void enlarge(int[] panel) {
        enlarged = panel;
    }

    private void applyGammaToModel() {
        double gv = gamma.getValue();
        if (gv == 1) {
            return;
        }
        session.trainer().scaleWeights(gv);
        gamma.getValueFactory().setValue(1.0);
    }

    private void tick() {
        Snapshot s = session.shown();
        Bounds b = window.get();
        if (s == null || b == null || !isVisible() || getScene() == null) {
            takeReady();
            return;
        }
        Mode m = mode.getValue();
        boolean linear = m == Mode.LINEAR;
        double[] plot = linear ? LinearRegionsPanel.plot(b, canvas.getWidth(), canvas.getHeight(), textScale) : null;
        Request r = new Request(s, m, linear ? 1 : gamma.getValue(), shared.isSelected(), b,
                enlarged == null || linear ? null : enlarged.clone(), t1Value, t2Value,
                byPattern.isSelected() ? RegionRaster.Shading.PATTERN : RegionRaster.Shading.SLOPE,
                plot == null ? 0 : (int) plot[2], plot == null ? 0 : (int) plot[3]);
        if (!busy && !r.same(requested)) {
            requested = r;
            busy = true;
            var data = session.dataset();
            var loss = new Loss(session.configProperty().get().loss(), false);
            worker.submit(() -> {
                Frame f;
                try {
                    f = r.mode == Mode.LINEAR ? linear(r, data) : compute(r, data, loss);
                } catch (RuntimeException e) {
                    f = new Frame(s, r.mode, r.gamma, r.bounds, List.of(), List.of(), null,
                            "Not shown: " + e.getMessage(), null, null, r.enlarged);
                }
                ready.set(f);
            });
        }
        takeReady();
    }

    private void takeReady() {
        Frame f = ready.getAndSet(null);
        if (f != null) {
            busy = false;
            drawn = f;
            images.clear();
            hovered = -1;
            hover.getGraphicsContext2D().clearRect(0, 0, hover.getWidth(), hover.getHeight());
            canvas.setAccessibleText(f.why() != null ? f.why() : f.linear() != null ? f.linear().headline() : null);
            if (mouse != null) {
                hoverAt(mouse[0], mouse[1]);
            }
            summary.setText(f.partial() == null ? (f.why() != null && f.mode() == Mode.PARTIAL ? f.why() : "")
                    : summaryOf(f.partial()));
            draw();
        }
    }

    /** The linear-regions frame; the regions are kept for the next request over the same snapshot and view (worker thread). */
    private Frame linear(Request r, Dataset data) {
        Snapshot s = r.snapshot;
        String why = s.spec().inputDim() != 2 ? "These views draw the plane: the data have " + s.spec().inputDim()
                + " features." : LinearRegionsPanel.unsupported(s);
        if (why != null) {
            return Frame.linear(s, r.bounds, new LinearRegionsPanel.Shown(null, null, r.shading, 0, why));
        }
        if (lastRegions == null || lastRegionsFor != s || !lastRegionsOver.equals(r.bounds)) {
            lastRegions = null; // the old regions go before the new ones are made
            lastRegions = LinearRegionsPanel.regions(s, r.bounds);
            lastRegionsFor = s;
            lastRegionsOver = r.bounds;
        }
        return Frame.linear(s, r.bounds, LinearRegionsPanel.shown(lastRegions, data, r.pw, r.ph, r.shading));
    }

    /** The region under a canvas point in linear-regions mode: outlined, its active units listed. */
    private void hoverAt(double px, double py) {
        mouse = new double[] {px, py};
        Frame f = drawn;
        if (f == null || f.mode() != Mode.LINEAR || f.linear() == null || f.linear().regions() == null) {
            setHovered(-1);
            return;
        }
        double[] at = LinearRegionsPanel.dataAt(LinearRegionsPanel.plot(f.bounds(), canvas.getWidth(),
                canvas.getHeight(), textScale), f.bounds(), px, py);
        setHovered(at == null ? -1 : f.linear().regions().indexAt(at[0], at[1]));
    }

    private void setHovered(int index) {
        Frame f = drawn;
        boolean linear = f != null && f.mode() == Mode.LINEAR && f.linear() != null && f.linear().regions() != null;
        if (!linear) {
            index = -1;
        }
        if (index == hovered && index >= 0) {
            return;
        }
        hovered = index;
        var g = hover.getGraphicsContext2D();
        g.clearRect(0, 0, hover.getWidth(), hover.getHeight());
        if (index < 0) {
            unitsUnder.setText(linear ? "Hover a region to list its active units." : "");
            drawUnitHighlight();
            return;
        }
        var region = f.linear().regions().regions().get(index);
        double[] plot = LinearRegionsPanel.plot(f.bounds(), canvas.getWidth(), canvas.getHeight(), textScale);
        if (plot != null) {
            FxPen pen = new FxPen(g, images);
            pen.stroke(Pen.rgb(0xD81B60));
            pen.lineWidth(2.5);
            pen.strokePolygons(List.of(LinearRegionsPanel.onCanvas(region.polygon(), plot, f.bounds())));
        }
        unitsUnder.setText("Region under the mouse: " + LinearRegionsPanel.activeUnits(region.pattern()));
    }

    /** The active units listed for the hovered region (empty when none is). */
    String activeUnitsText() {
        return unitsUnder.getText();
    }

    static Frame compute(Request r, org.marginscope.data.Dataset data, Loss loss) {
        Snapshot s = r.snapshot;
        if (s.spec().inputDim() != 2) {
            return new Frame(s, r.mode, r.gamma, r.bounds, List.of(), List.of(), null, "These views draw the plane:"
                    + " the data have " + s.spec().inputDim() + " features.", null, null, r.enlarged);
        }
        int res = r.enlarged != null ? BIG_RES : r.mode == Mode.UNITS ? UNIT_RES : GRAD_RES;
        if (r.mode == Mode.PARTIAL) {
            return partial(r, data, loss, new Viewport(r.bounds, res, res));
        }
        Viewport vp = new Viewport(r.bounds, res, res);
        List<List<Panel>> rows = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (r.mode == Mode.UNITS) {
            UnitMaps.Result u = UnitMaps.compute(s.spec(), s.parameters(), vp, r.gamma);
            String note = null;
            for (int k = 0; k < u.layers(); k++) {
                var range = u.ranges()[k];
                List<Panel> row = new ArrayList<>();
                int shown = Math.min(u.units(k), MAX_UNITS_SHOWN);
                if (shown < u.units(k)) {
                    note = "showing the first " + MAX_UNITS_SHOWN + " units of wide layers";
                }
                for (int j = 0; j < shown; j++) {
                    if (r.enlarged != null && (r.enlarged[0] != k || r.enlarged[1] != j)) {
                        row.add(null);
                        continue;
                    }
                    double[] v = u.values()[k][j];
                    int[] px = topRowFirst(v, res, d -> FieldColours.diverging(d, range.lo(), range.centre(),
                            range.hi()));
                    List<Contours.Segment> band = new ArrayList<>();
                    if (range.hasTransition()) {
                        band.addAll(Contours.zeroLevel(shift(v, range.bandLo()), res, res));
                        band.addAll(Contours.zeroLevel(shift(v, range.bandHi()), res, res));
                    }
                    row.add(new Panel("unit " + (j + 1), res, px, Contours.zeroLevel(shift(v, range.centre()), res, res),
                            band, u.transitionShare(k, j)));
                }
                rows.add(row);
                titles.add(layerTitle(s, k, k == u.layers() - 1 ? "output" : "layer " + (k + 1)));
            }
            return new Frame(s, r.mode, r.gamma, r.bounds, rows, titles, note, null, null, u, r.enlarged);
        }
        GradientField.Result g = GradientField.compute(s.spec(), s.parameters(), loss, data, vp, r.gamma);
        boolean weights = r.mode == Mode.GRAD_WEIGHTS;
        double[][] fields = weights ? g.weight() : g.bias();
        double global = 0;
        for (double[] f : fields) {
            global = Math.max(global, g.max(f));
        }
        List<Panel> row = new ArrayList<>();
        for (int k = 0; k < fields.length; k++) {
            double max = r.shared ? global : g.max(fields[k]);
            double[] f = fields[k];
            int[] px = topRowFirst(f, res, d -> FieldColours.sequential(max > 0 ? d / max : 0));
            boolean none = !weights && !s.parameters().hasBias(k);
            row.add(new Panel((weights ? "A" : "b") + (k + 1) + (none ? " (no bias)" : String.format(Locale.ROOT,
                    "  max %.3g", g.max(f))), res, px, List.of(), List.of(), g.max(f)));
        }
        rows.add(row);
        titles.add((weights ? "max |\u2202f/\u2202A\u2096|" : "max |\u2202f/\u2202b\u2096|") + " per layer, "
                + (r.shared ? "shared scale" : "each layer to its own maximum"));
        return new Frame(s, r.mode, r.gamma, r.bounds, rows, titles, g.labels().text(), null, g, null, r.enlarged);
    }

    /**
     * van den Berg Fig 17: one panel per bound (Frobenius norms by Eq 14, largest entries by Eq 15), every cell
     * coloured by the lowest layer its error reaches, the first layer's hyperplanes drawn.
     */
    private static Frame partial(Request r, org.marginscope.data.Dataset data, Loss loss, Viewport vp) {
        Snapshot s = r.snapshot;
        int layers = s.spec().layers().size();
        double[] t = PartialBackprop.thresholds(layers, r.t1, r.t2);
        PartialBackprop.Result p = PartialBackprop.compute(s.spec(), s.parameters(), loss, data, vp, r.gamma, t);
        int res = vp.nx();
        List<Contours.Segment> planes = new ArrayList<>();
        for (double[] v : p.firstLayer()) {
            planes.addAll(Contours.zeroLevel(v, res, res));
        }
        List<Panel> row = new ArrayList<>();
        for (PartialBackprop.Norm norm : PartialBackprop.Norm.values()) {
            int[] reach = p.reach()[norm.ordinal()];
            int[] px = new int[reach.length];
            for (int j = 0; j < res; j++) {
                for (int i = 0; i < res; i++) {
                    px[(res - 1 - j) * res + i] = reachColour(reach[j * res + i], layers);
                }
            }
            StringBuilder caption = new StringBuilder(norm == PartialBackprop.Norm.FROBENIUS ? "Frobenius (Eq 14):"
                    : "largest entry (Eq 15):");
            for (int layer = layers - 1; layer >= 1; layer--) {
                caption.append(String.format(Locale.ROOT, " L%d %.1f%%", layer, 100 * p.share(norm, layer)));
            }
            row.add(new Panel(caption.toString(), res, px, planes, List.of(), p.share(norm, 1)));
        }
        List<List<Panel>> rows = new ArrayList<>();
        rows.add(row);
        String title = layers < 2 ? "one layer: the error has nowhere to go"
                : String.format(Locale.ROOT, "lowest layer the error reaches, t\u2081 = %s%s", format(r.t1),
                layers > 2 ? ", t\u2082 = " + format(r.t2) + (layers > 3 ? " (layers 2-" + (layers - 1) + ")" : "") : "");
        return new Frame(s, r.mode, r.gamma, r.bounds, rows, List.of(title), p.labels().text(), null, null, null,
                r.enlarged, p);
    }

    /** "layer 2: 35.0%, layer 1: 24.0%" - the share of the classified cells reaching each layer below the output. */
    static String shares(PartialBackprop.Result p, PartialBackprop.Norm norm) {
        StringBuilder sb = new StringBuilder();
        for (int layer = p.layers() - 1; layer >= 1; layer--) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "layer %d: %.1f%%", layer,
                    100 * p.share(norm, layer)));
        }
        return sb.toString();
    }

    /** The summary line under the panels. */
    static String summaryOf(PartialBackprop.Result p) {
        if (p.layers() < 2) {
            return "A one-layer net: there is no lower layer to backpropagate to.";
        }
        return "Share of the plane whose error is backpropagated to each layer: Frobenius bound (Eq 14) "
                + shares(p, PartialBackprop.Norm.FROBENIUS) + ";  largest-entry bound (Eq 15) "
                + shares(p, PartialBackprop.Norm.ELEMENTWISE) + ".";
    }

    static int reachColour(int reach, int layers) {
        if (reach <= 0) {
            return org.marginscope.render.FieldColours.NONE; // no class here
        }
        if (reach >= layers) {
            return REACH_OUTPUT_ONLY;
        }
        return reach == 1 ? REACH_FIRST : reach == 2 ? REACH_SECOND : REACH_LATER;
    }

    private static String layerTitle(Snapshot s, int k, String name) {
        return name + " (" + s.spec().layers().get(k).activation() + ")";
    }

    /** Colours of a grid field (stored bottom row first) as image pixels, top row first. */
    private static int[] topRowFirst(double[] v, int res, java.util.function.DoubleToIntFunction colour) {
        int[] px = new int[v.length];
        for (int j = 0; j < res; j++) {
            for (int i = 0; i < res; i++) {
                px[(res - 1 - j) * res + i] = colour.applyAsInt(v[j * res + i]);
            }
        }
        return px;
    }

    private static double[] shift(double[] v, double level) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - level;
        }
        return out;
    }

    private void draw() {
        hits.clear();
        paint(new FxPen(canvas.getGraphicsContext2D(), images), drawn, session.dataset(), canvas.getWidth(),
                canvas.getHeight(), hits, textScale);
        int h = hovered;
        hovered = -1;
        setHovered(h); // the outline follows the plot when the canvas is resized
        drawUnitHighlight();
    }

    /** The neuron view's highlighted unit {layer, index}, ringed among the unit maps (null: none). */
    private int[] unitHighlight;

    void highlightUnit(int[] layerAndUnit) {
        unitHighlight = layerAndUnit == null ? null : layerAndUnit.clone();
        draw();
    }

    /** Where the highlighted unit's map is drawn now: x, y, side (null when it is not on the canvas). */
    double[] highlightedPanel() {
        Frame f = drawn;
        if (unitHighlight == null || f == null || f.mode() != Mode.UNITS || f.enlarged() != null) {
            return null;
        }
        for (double[] h : hits) {
            if ((int) h[3] == unitHighlight[0] && (int) h[4] == unitHighlight[1]) {
                return new double[] {h[0], h[1], h[2]};
            }
        }
        return null;
    }

    /** A frame around the highlighted unit's map on the hover layer (screen only, not exported). */
    private void drawUnitHighlight() {
        double[] at = highlightedPanel();
        if (at == null || hovered >= 0) {
            return;
        }
        var g = hover.getGraphicsContext2D();
        g.clearRect(0, 0, hover.getWidth(), hover.getHeight());
        FxPen pen = new FxPen(g, images);
        pen.stroke(Pen.rgb(org.marginscope.experiment.NeuronFigure.HIGHLIGHT));
        pen.lineWidth(3);
        pen.strokeRect(at[0] - 2, at[1] - 2, at[2] + 4, at[2] + 4);
    }

    /** What the view shows now (the enlarged panel if one is), as a figure of its size (null before its first frame). */
    org.marginscope.render.Figure figure() {
        Frame f = drawn;
        Dataset data = session.dataset();
        double w = canvas.getWidth(), h = canvas.getHeight(), k = textScale;
        return f == null || w < 1 || h < 1 ? null
                : org.marginscope.render.Java2DPen.figure(w, h, g -> paint(g, f, data, w, h, null, k));
    }

    /**
     * The view of frame f on a w x h page: on screen, and unchanged in an exported figure. On screen each
     * panel's place goes to hits (x, y, side, row, index) for the clicks that enlarge it; a figure (hits
     * null) leaves out the hints about clicking.
     */
    static void paint(Pen g, Frame f, Dataset data, double w, double h, List<double[]> hits) {
        paint(g, f, data, w, h, hits, 1);
    }

    /** {@link #paint(Pen, Frame, Dataset, double, double, List)} with the linear-regions mode's text k times its size. */
    static void paint(Pen g, Frame f, Dataset data, double w, double h, List<double[]> hits, double k) {
        g.blank(w, h);
        if (f == null) {
            g.fillText("Regions: waiting for a snapshot\u2026", 12, 10);
            return;
        }
        if (f.why() != null) {
            g.fillText(f.why(), 12, 10);
            return;
        }
        if (f.linear() != null) {
            LinearRegionsPanel.paint(g, String.format(Locale.ROOT, "%s, step %d", f.mode(), f.snapshot().step()),
                    f.linear(), f.bounds(), data, w, h, k, hits != null);
            return;
        }
        String head = String.format(Locale.ROOT, "%s, step %d%s", f.mode(), f.snapshot().step(),
                f.gamma() == 1 ? "" : String.format(Locale.ROOT, ", weights \u00d7 %.2f (view only)", f.gamma()));
        g.fillText(head, 12, 6);
        double y = 24;
        if (f.note() != null) {
            g.font(11);
            g.fill(Pen.rgb(0x555555));
            g.fillText(f.note() + (hits == null ? "" : f.enlarged() == null ? ";  click a panel to enlarge it"
                    : ";  click or Esc to go back"), 12, y);
            y += 16;
        } else {
            g.font(11);
            g.fill(Pen.rgb(0x555555));
            if (hits != null) {
                g.fillText(f.enlarged() == null ? "click a panel to enlarge it" : "click or Esc to go back", 12, y);
            }
            y += 16;
        }
        if (f.enlarged() != null) {
            drawEnlarged(g, f, data, y + 4, w, h);
            return;
        }
        double top = y + 4;
        boolean legend = f.mode() == Mode.PARTIAL && f.partial() != null;
        double side = panelSide(f, w - 16, h - top - 8 - (legend ? LEGEND_HEIGHT : 0));
        double gap = side >= 70 ? 14 : 5;
        int cols = Math.max(1, (int) ((w - 16 + 6) / (side + 6)));
        for (int r = 0; r < f.rows().size(); r++) {
            List<Panel> row = f.rows().get(r);
            g.font(12);
            g.fill(Pen.rgb(0x222222));
            g.fillText(f.rowTitles().get(r), 12, top);
            double ry = top + 15;
            for (int i = 0; i < row.size(); i++) {
                int c = i % cols, line = i / cols;
                double px = 8 + c * (side + 6), py = ry + line * (side + gap);
                drawPanel(g, row.get(i), px, py, side, side >= 70);
                if (hits != null) {
                    hits.add(new double[]{px, py, side, r, i});
                }
            }
            top = ry + ((row.size() + cols - 1) / cols) * (side + gap) + 4;
        }
        if (legend) {
            drawReachLegend(g, 12, top + 2, w - 12, f.partial().layers());
        }
    }

    private static final double LEGEND_HEIGHT = 40;

    /** Fig 17's key: a swatch per layer the error can stop at, and the hyperplanes' line. */
    private static void drawReachLegend(Pen g, double left, double y, double right, int layers) {
        g.font(11);
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.CENTER);
        double x = left, cy = y + 7;
        for (int reach = 1; reach <= Math.max(1, layers) + 1; reach++) {
            boolean planes = reach > Math.max(1, layers);
            String text = planes ? "first-layer hyperplanes" : reach >= layers ? "output layer only"
                    : "reaches layer " + reach;
            double width = 18 + g.textWidth(text);
            if (x > left && x + width > right) {
                x = left; // wrap
                cy += 17;
            }
            if (planes) {
                g.stroke(Pen.rgb(0x222222));
                g.lineWidth(1.5);
                g.strokeLine(x, cy, x + 14, cy);
            } else {
                int argb = reachColour(reach, layers);
                g.fill(Pen.rgb(argb & 0xFFFFFF));
                g.fillRect(x, cy - 6, 14, 12);
                g.stroke(Pen.rgb(0x888888));
                g.lineWidth(1);
                g.strokeRect(x, cy - 6, 14, 12);
            }
            g.fill(Pen.rgb(0x333333));
            g.fillText(text, x + 18, cy);
            x += width + 14;
        }
        g.baseline(Pen.Baseline.TOP);
    }

    /** The largest panel side (12..260 px) at which every row, wrapped to the width, fits the height. */
    static double panelSide(Frame f, double width, double height) {
        double lo = 12, hi = 260;
        for (int it = 0; it < 30; it++) {
            double side = (lo + hi) / 2;
            double gap = side >= 70 ? 14 : 5;
            int cols = Math.max(1, (int) ((width + 6) / (side + 6)));
            double need = 0;
            for (List<Panel> row : f.rows()) {
                need += 19 + ((row.size() + cols - 1) / cols) * (side + gap);
            }
            if (need <= height && side <= width) {
                lo = side;
            } else {
                hi = side;
            }
        }
        return Math.floor(lo);
    }

    private static void drawEnlarged(Pen g, Frame f, Dataset data, double top, double w, double h) {
        Panel p = f.rows().get(f.enlarged()[0]).get(f.enlarged()[1]);
        if (p == null) {
            return;
        }
        boolean legend = f.mode() == Mode.PARTIAL && f.partial() != null;
        double side = Math.min(w - 70, h - top - 40 - (legend ? LEGEND_HEIGHT : 0));
        if (side < 40) {
            return;
        }
        if (legend) {
            drawReachLegend(g, 52, top + 16 + side + 20, w - 8, f.partial().layers());
            g.baseline(Pen.Baseline.TOP);
        }
        double ox = 52, oy = top + 16;
        g.fill(Pen.rgb(0x222222));
        g.font(12);
        String rowTitle = f.rowTitles().get(Math.min(f.enlarged()[0], f.rowTitles().size() - 1));
        g.fillText((f.mode() == Mode.PARTIAL ? "" : rowTitle + ": ") + p.caption()
                + (f.mode() == Mode.UNITS ? String.format(Locale.ROOT, ",  %.0f%% of the view in the transition region",
                100 * p.value()) : ""), 12, top);
        drawPanel(g, p, ox, oy, side, false);
        // axes of the data plane
        Bounds b = f.bounds();
        g.font(10);
        g.fill(Pen.rgb(0x333333));
        g.align(Pen.Align.CENTER);
        double step = org.marginscope.render.NiceTicks.step(b.xMin(), b.xMax(), 5);
        for (double v : org.marginscope.render.NiceTicks.ticks(b.xMin(), b.xMax(), 5)) {
            g.fillText(org.marginscope.render.NiceTicks.label(v, step), ox + (v - b.xMin()) / b.width() * side,
                    oy + side + 4);
        }
        g.align(Pen.Align.RIGHT);
        g.baseline(Pen.Baseline.CENTER);
        step = org.marginscope.render.NiceTicks.step(b.yMin(), b.yMax(), 5);
        for (double v : org.marginscope.render.NiceTicks.ticks(b.yMin(), b.yMax(), 5)) {
            g.fillText(org.marginscope.render.NiceTicks.label(v, step), ox - 4, oy + (b.yMax() - v) / b.height() * side);
        }
        drawPoints(g, f, data, ox, oy, side);
    }

    /** The training points on an enlarged panel, small, so the regions can be read against the data. */
    private static void drawPoints(Pen g, Frame f, Dataset d, double ox, double oy, double side) {
        if (d == null || d.dim() != 2) {
            return;
        }
        Bounds b = f.bounds();
        int step = Math.max(1, d.size() / 600);
        for (int i = 0; i < d.size(); i += step) {
            double x = d.trainCoord(i, 0), y = d.trainCoord(i, 1);
            if (x >= b.xMin() && x <= b.xMax() && y >= b.yMin() && y <= b.yMax()) {
                g.marker(d.trainLabel(i), ox + (x - b.xMin()) / b.width() * side,
                        oy + (b.yMax() - y) / b.height() * side, 5, true);
            }
        }
    }

    private static void drawPanel(Pen g, Panel p, double x, double y, double side, boolean caption) {
        if (p == null) {
            return;
        }
        int res = p.res();
        g.image(p.argb(), res, res, x, y, side, side);
        double scale = side / (res - 1);
        g.lineWidth(side > 150 ? 1.2 : 0.8);
        g.stroke(Pen.rgb(0x555555));
        g.dashes(side > 150 ? new double[]{5, 4} : new double[]{2, 2});
        for (Contours.Segment s : p.band()) {
            g.strokeLine(x + s.x0() * scale, y + side - s.y0() * scale, x + s.x1() * scale, y + side - s.y1() * scale);
        }
        g.dashes();
        g.stroke(Pen.rgb(0x222222));
        g.lineWidth(side > 150 ? 2 : 1.2);
        for (Contours.Segment s : p.centre()) {
            g.strokeLine(x + s.x0() * scale, y + side - s.y0() * scale, x + s.x1() * scale, y + side - s.y1() * scale);
        }
        g.lineWidth(1);
        g.stroke(Pen.rgb(0x999999));
        g.strokeRect(x, y, side, side);
        if (caption) {
            g.fill(Pen.rgb(0x333333));
            g.font(10);
            g.align(Pen.Align.LEFT);
            g.baseline(Pen.Baseline.TOP);
            g.fillText(p.caption(), x + 2, y + side + 1);
        }
    }

    void dispose() {
        timer.stop();
        worker.shutdownNow();
    }
}
