package org.marginscope.ui.views;

import org.marginscope.ui.fx.FxTicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
import org.marginscope.analysis.PartialBackprop;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.render.Pen;
import org.marginscope.render.RegionRaster;
import org.marginscope.train.Snapshot;
import org.marginscope.experiment.LinearRegionsFigure;
import org.marginscope.experiment.RegionsFigure;
import org.marginscope.experiment.RegionsFigure.Frame;
import org.marginscope.experiment.RegionsFigure.Mode;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.FxRead;
import org.marginscope.ui.fx.Nodes;
import static org.marginscope.experiment.RegionsFigure.paint;

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
public final class RegionsView extends BorderPane {
    /**
     * {@code thresholds}: Sec 5.3's t_1 (layer 1) and t_2 (every later layer below the output); {@code shading},
     * {@code pw} x {@code ph}: the linear regions' colouring and plot size in pixels (that mode only); {@code data}
     * and {@code loss}: what the snapshot was trained on (not compared: a new dataset comes with a new snapshot).
     */
    private record Request(Snapshot snapshot, Mode mode, double gamma, boolean shared, Bounds bounds, int[] enlarged,
                           double t1, double t2, RegionRaster.Shading shading, int pw, int ph, Dataset data, Loss loss) {
        boolean same(Request o) {
            return o != null && o.snapshot == snapshot && o.mode == mode && o.gamma == gamma && o.shared == shared
                    && o.bounds.equals(bounds) && java.util.Arrays.equals(o.enlarged, enlarged) && o.t1 == t1
                    && o.t2 == t2 && o.shading == shading && o.pw == pw && o.ph == ph;
        }
    }

    private final Session session;
    private final Supplier<Bounds> window;
    private final Canvas canvas = new Canvas();
    /** The header lines, cut to the canvas with the full text in a tooltip, as the transformed view's. */
    private final CanvasHeader header = new CanvasHeader(canvas);
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
    private final AtomicReference<Frame> ready = new AtomicReference<>();
    private final LatestRequestWorker<Request, Frame> worker = new LatestRequestWorker<>(
            LatestRequestWorker.Options.drawing("marginscope-regions"), (r, superseded) -> build(r),
            ready::set, FrameErrors.toStderr("regions view"));
    private final FxTicker timer;
    private Request requested;
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
        timer = new FxTicker() {
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
        double[] plot = linear ? LinearRegionsFigure.plot(b, canvas.getWidth(), canvas.getHeight(), textScale) : null;
        Request r = new Request(s, m, linear ? 1 : gamma.getValue(), shared.isSelected(), b,
                enlarged == null || linear ? null : enlarged.clone(), t1Value, t2Value,
                byPattern.isSelected() ? RegionRaster.Shading.PATTERN : RegionRaster.Shading.SLOPE,
                plot == null ? 0 : (int) plot[2], plot == null ? 0 : (int) plot[3], session.dataset(),
                new Loss(session.configProperty().get().loss(), false));
        if (!r.same(requested)) {
            requested = r;
            worker.submit(r);
        }
        takeReady();
    }

    /** The frame of a request, or one that says why there is none (worker thread). */
    private Frame build(Request r) {
        try {
            return r.mode == Mode.LINEAR ? linear(r, r.data) : RegionsFigure.compute(new RegionsFigure.Ask(r.snapshot,
                    r.mode, r.gamma, r.shared, r.bounds, r.enlarged, r.t1, r.t2), r.data, r.loss);
        } catch (RuntimeException e) {
            return new Frame(r.snapshot, r.mode, r.gamma, r.bounds, List.of(), List.of(), null,
                    "Not shown: " + e.getMessage(), null, null, r.enlarged);
        }
    }

    private void takeReady() {
        Frame f = ready.getAndSet(null);
        if (f != null) {
            drawn = f;
            images.clear();
            hovered = -1;
            hover.getGraphicsContext2D().clearRect(0, 0, hover.getWidth(), hover.getHeight());
            canvas.setAccessibleText(f.why() != null ? f.why() : f.linear() != null ? f.linear().headline() : null);
            if (mouse != null) {
                hoverAt(mouse[0], mouse[1]);
            }
            summary.setText(f.partial() == null ? (f.why() != null && f.mode() == Mode.PARTIAL ? f.why() : "")
                    : RegionsFigure.summaryOf(f.partial()));
            draw();
        }
    }

    /** The linear-regions frame; the regions are kept for the next request over the same snapshot and view (worker thread). */
    private Frame linear(Request r, Dataset data) {
        Snapshot s = r.snapshot;
        String why = s.spec().inputDim() != 2 ? "These views draw the plane: the data have " + s.spec().inputDim()
                + " features." : LinearRegionsFigure.unsupported(s);
        if (why != null) {
            return Frame.linear(s, r.bounds, new LinearRegionsFigure.Shown(null, null, r.shading, 0, why));
        }
        if (lastRegions == null || lastRegionsFor != s || !lastRegionsOver.equals(r.bounds)) {
            lastRegions = null; // the old regions go before the new ones are made
            lastRegions = LinearRegionsFigure.regions(s, r.bounds);
            lastRegionsFor = s;
            lastRegionsOver = r.bounds;
        }
        return Frame.linear(s, r.bounds, LinearRegionsFigure.shown(lastRegions, data, r.pw, r.ph, r.shading));
    }

    /** The region under a canvas point in linear-regions mode: outlined, its active units listed. */
    private void hoverAt(double px, double py) {
        mouse = new double[] {px, py};
        Frame f = drawn;
        if (f == null || f.mode() != Mode.LINEAR || f.linear() == null || f.linear().regions() == null) {
            setHovered(-1);
            return;
        }
        double[] at = LinearRegionsFigure.dataAt(LinearRegionsFigure.plot(f.bounds(), canvas.getWidth(),
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
        double[] plot = LinearRegionsFigure.plot(f.bounds(), canvas.getWidth(), canvas.getHeight(), textScale);
        if (plot != null) {
            FxPen pen = new FxPen(g, images);
            pen.stroke(Pen.rgb(0xD81B60));
            pen.lineWidth(2.5);
            pen.strokePolygons(List.of(LinearRegionsFigure.onCanvas(region.polygon(), plot, f.bounds())));
        }
        unitsUnder.setText("Region under the mouse: " + LinearRegionsFigure.activeUnits(region.pattern()));
    }

    /** The header lines as drawn and in full (the tooltip's text). */
    CanvasHeader header() {
        return header;
    }

    /** The active units listed for the hovered region (empty when none is). */
    String activeUnitsText() {
        return unitsUnder.getText();
    }


    private void draw() {
        hits.clear();
        header.begin();
        paint(new FxPen(canvas.getGraphicsContext2D(), images, header), drawn, session.dataset(), canvas.getWidth(),
                canvas.getHeight(), hits, textScale);
        header.end();
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

    /** Where the highlighted unit's map is drawn now: x, y, side (null when it is not on the canvas); any thread. */
    double[] highlightedPanel() {
        return FxRead.onFx(this::panelOfHighlight);
    }

    private double[] panelOfHighlight() {
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
        double[] at = panelOfHighlight();
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
    public org.marginscope.render.Figure figure() {
        Frame f = drawn;
        Dataset data = session.dataset();
        double w = canvas.getWidth(), h = canvas.getHeight(), k = textScale;
        return f == null || w < 1 || h < 1 ? null
                : org.marginscope.render.Java2DPen.figure(w, h, g -> paint(g, f, data, w, h, null, k));
    }


    void dispose() {
        timer.stop();
        worker.close();
    }
}
