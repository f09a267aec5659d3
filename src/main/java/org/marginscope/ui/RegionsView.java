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
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.analysis.GradientField;
import org.marginscope.analysis.UnitMaps;
import org.marginscope.data.Bounds;
import org.marginscope.model.Loss;
import org.marginscope.render.Contours;
import org.marginscope.render.FieldColours;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;

/**
 * van den Berg's views over the visible plane: small multiples of every unit's output (transition region
 * and centre contour drawn), and the gradient-localisation heatmaps, one per layer for the weights and
 * for the biases, on a shared or per-layer scale. A weight scale gamma applies to a copy for viewing, or
 * to the model on request. Click a panel to enlarge it (click again or Esc to go back). Follows the
 * scrubber; a worker computes every frame, the FX thread only draws.
 */
final class RegionsView extends BorderPane {
    enum Mode {
        UNITS("Unit maps"), GRAD_WEIGHTS("Gradient heatmaps: weights"), GRAD_BIASES("Gradient heatmaps: biases");

        private final String title;

        Mode(String title) {
            this.title = title;
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

    /** What one frame shows. */
    record Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
                 String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged) {
    }

    private record Request(Snapshot snapshot, Mode mode, double gamma, boolean shared, Bounds bounds, int[] enlarged) {
        boolean same(Request o) {
            return o != null && o.snapshot == snapshot && o.mode == mode && o.gamma == gamma && o.shared == shared
                    && o.bounds.equals(bounds) && java.util.Arrays.equals(o.enlarged, enlarged);
        }
    }

    private final Session session;
    private final Supplier<Bounds> window;
    private final Canvas canvas = new Canvas();
    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final Spinner<Double> gamma = new Spinner<>(0.25, 10, 1, 0.25);
    private final CheckBox shared = new CheckBox("shared scale");
    private final Button applyGamma = new Button("Apply \u03b3 to the model");
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
    private final java.util.Map<Panel, WritableImage> images = new java.util.IdentityHashMap<>();

    RegionsView(Session session, Supplier<Bounds> window) {
        this.session = session;
        this.window = window;
        canvas.setId("regions-canvas");
        mode.getItems().addAll(Mode.values());
        mode.setValue(Mode.UNITS);
        mode.setId("regions-mode");
        mode.setTooltip(new Tooltip("Unit maps: each unit's output over the plane, transition region dashed and"
                + " centre solid (van den Berg Figs 2-8). Gradient heatmaps: at every point x with its class c(x),"
                + " the largest |d loss / d A_k| per layer k (Figs 10-12)."));
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
        FlowPane top = new FlowPane(8, 4, mode, g, gamma, shared, applyGamma);
        top.setPadding(new Insets(4, 8, 2, 8));
        setTop(top);
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
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
        Request r = new Request(s, mode.getValue(), gamma.getValue(), shared.isSelected(), b,
                enlarged == null ? null : enlarged.clone());
        if (!busy && !r.same(requested)) {
            requested = r;
            busy = true;
            var data = session.dataset();
            var loss = new Loss(session.configProperty().get().loss(), false);
            worker.submit(() -> {
                Frame f;
                try {
                    f = compute(r, data, loss);
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
            draw();
        }
    }

    static Frame compute(Request r, org.marginscope.data.Dataset data, Loss loss) {
        Snapshot s = r.snapshot;
        if (s.spec().inputDim() != 2) {
            return new Frame(s, r.mode, r.gamma, r.bounds, List.of(), List.of(), null, "These views draw the plane:"
                    + " the data have " + s.spec().inputDim() + " features.", null, null, r.enlarged);
        }
        int res = r.enlarged != null ? BIG_RES : r.mode == Mode.UNITS ? UNIT_RES : GRAD_RES;
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
        GraphicsContext g = ViewCanvas.blank(canvas);
        double w = canvas.getWidth(), h = canvas.getHeight();
        hits.clear();
        Frame f = drawn;
        if (f == null) {
            g.fillText("Regions: waiting for a snapshot\u2026", 12, 10);
            return;
        }
        if (f.why() != null) {
            g.fillText(f.why(), 12, 10);
            return;
        }
        String head = String.format(Locale.ROOT, "%s, step %d%s", f.mode(), f.snapshot().step(),
                f.gamma() == 1 ? "" : String.format(Locale.ROOT, ", weights \u00d7 %.2f (view only)", f.gamma()));
        g.fillText(head, 12, 6);
        double y = 24;
        if (f.note() != null) {
            g.setFont(Font.font(11));
            g.setFill(Color.web("#555555"));
            g.fillText(f.note() + (f.enlarged() == null ? ";  click a panel to enlarge it" : ";  click or Esc to go back"),
                    12, y);
            y += 16;
        } else {
            g.setFont(Font.font(11));
            g.setFill(Color.web("#555555"));
            g.fillText(f.enlarged() == null ? "click a panel to enlarge it" : "click or Esc to go back", 12, y);
            y += 16;
        }
        if (f.enlarged() != null) {
            drawEnlarged(g, f, y + 4, w, h);
            return;
        }
        double top = y + 4;
        double side = panelSide(f, w - 16, h - top - 8);
        double gap = side >= 70 ? 14 : 5;
        int cols = Math.max(1, (int) ((w - 16 + 6) / (side + 6)));
        for (int r = 0; r < f.rows().size(); r++) {
            List<Panel> row = f.rows().get(r);
            g.setFont(Font.font(12));
            g.setFill(Color.web("#222222"));
            g.fillText(f.rowTitles().get(r), 12, top);
            double ry = top + 15;
            for (int i = 0; i < row.size(); i++) {
                int c = i % cols, line = i / cols;
                double px = 8 + c * (side + 6), py = ry + line * (side + gap);
                drawPanel(g, row.get(i), px, py, side, side >= 70);
                hits.add(new double[]{px, py, side, r, i});
            }
            top = ry + ((row.size() + cols - 1) / cols) * (side + gap) + 4;
        }
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

    private void drawEnlarged(GraphicsContext g, Frame f, double top, double w, double h) {
        Panel p = f.rows().get(f.enlarged()[0]).get(f.enlarged()[1]);
        if (p == null) {
            return;
        }
        double side = Math.min(w - 70, h - top - 40);
        if (side < 40) {
            return;
        }
        double ox = 52, oy = top + 16;
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(12));
        g.fillText(f.rowTitles().get(Math.min(f.enlarged()[0], f.rowTitles().size() - 1)) + ": " + p.caption()
                + (f.mode() == Mode.UNITS ? String.format(Locale.ROOT, ",  %.0f%% of the view in the transition region",
                100 * p.value()) : ""), 12, top);
        drawPanel(g, p, ox, oy, side, false);
        // axes of the data plane
        Bounds b = f.bounds();
        g.setFont(Font.font(10));
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.CENTER);
        double step = org.marginscope.render.NiceTicks.step(b.xMin(), b.xMax(), 5);
        for (double v : org.marginscope.render.NiceTicks.ticks(b.xMin(), b.xMax(), 5)) {
            g.fillText(org.marginscope.render.NiceTicks.label(v, step), ox + (v - b.xMin()) / b.width() * side,
                    oy + side + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        step = org.marginscope.render.NiceTicks.step(b.yMin(), b.yMax(), 5);
        for (double v : org.marginscope.render.NiceTicks.ticks(b.yMin(), b.yMax(), 5)) {
            g.fillText(org.marginscope.render.NiceTicks.label(v, step), ox - 4, oy + (b.yMax() - v) / b.height() * side);
        }
        drawPoints(g, f, ox, oy, side);
    }

    /** The training points on an enlarged panel, small, so the regions can be read against the data. */
    private void drawPoints(GraphicsContext g, Frame f, double ox, double oy, double side) {
        var d = session.dataset();
        if (d == null || d.dim() != 2) {
            return;
        }
        Bounds b = f.bounds();
        int step = Math.max(1, d.size() / 600);
        for (int i = 0; i < d.size(); i += step) {
            double x = d.trainCoord(i, 0), y = d.trainCoord(i, 1);
            if (x >= b.xMin() && x <= b.xMax() && y >= b.yMin() && y <= b.yMax()) {
                Markers.draw(g, d.trainLabel(i), ox + (x - b.xMin()) / b.width() * side,
                        oy + (b.yMax() - y) / b.height() * side, 5, true);
            }
        }
    }

    private void drawPanel(GraphicsContext g, Panel p, double x, double y, double side, boolean caption) {
        if (p == null) {
            return;
        }
        int res = p.res();
        WritableImage img = images.computeIfAbsent(p, q -> {
            WritableImage i = new WritableImage(res, res);
            i.getPixelWriter().setPixels(0, 0, res, res, PixelFormat.getIntArgbInstance(), q.argb(), 0, res);
            return i;
        });
        g.setImageSmoothing(true);
        g.drawImage(img, x, y, side, side);
        double scale = side / (res - 1);
        g.setLineWidth(side > 150 ? 1.2 : 0.8);
        g.setStroke(Color.web("#555555"));
        g.setLineDashes(side > 150 ? new double[]{5, 4} : new double[]{2, 2});
        for (Contours.Segment s : p.band()) {
            g.strokeLine(x + s.x0() * scale, y + side - s.y0() * scale, x + s.x1() * scale, y + side - s.y1() * scale);
        }
        g.setLineDashes();
        g.setStroke(Color.web("#222222"));
        g.setLineWidth(side > 150 ? 2 : 1.2);
        for (Contours.Segment s : p.centre()) {
            g.strokeLine(x + s.x0() * scale, y + side - s.y0() * scale, x + s.x1() * scale, y + side - s.y1() * scale);
        }
        g.setLineWidth(1);
        g.setStroke(Color.web("#999999"));
        g.strokeRect(x, y, side, side);
        if (caption) {
            g.setFill(Color.web("#333333"));
            g.setFont(Font.font(10));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(p.caption(), x + 2, y + side + 1);
        }
    }

    void dispose() {
        timer.stop();
        worker.shutdownNow();
    }
}
