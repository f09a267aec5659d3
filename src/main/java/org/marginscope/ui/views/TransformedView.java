package org.marginscope.ui.views;

import org.marginscope.ui.fx.FxTicker;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import org.marginscope.data.Bounds;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.TransformedFrame;
import org.marginscope.render.TransformedPainter;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.render.Pen;
import org.marginscope.ui.views.TransformedFrameBuilder.Look;
import org.marginscope.ui.views.TransformedFrameBuilder.Painted;
import org.marginscope.ui.views.TransformedFrameBuilder.Request;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.FxPulseMonitor;

/**
 * The transformed space (Li et al.): the points as the last hidden layer sees them, the network's
 * own last-layer decision over that plane, and the linear SVM fitted there - its boundary, margin
 * lines and ringed support vectors; optionally a second panel shaded by the SVM's labels (Fig 2 rows
 * C-D) and the original plane's grid carried through the network. A {@link LatestRequestWorker} runs the
 * {@link TransformedFrameBuilder} (forward pass and SVM fit, paced so that it takes at most {@code BUSY_SHARE} (4%) of a core's CPU time,
 * and the plot areas painted with Java2D); the FX thread only copies pixels and draws the axes and labels.
 */
public final class TransformedView extends BorderPane {
    private static final double L = 52, B = 34, R = 14, MARKER = 7;
    private volatile double markerScale = 1;

    private final Session session;
    private final Canvas canvas = new Canvas();
    private final CheckBox showNet = new CheckBox("network");
    private final CheckBox showSvm = new CheckBox("SVM");
    private final CheckBox showMargins = new CheckBox("margins");
    private final CheckBox showSupport = new CheckBox("support vectors");
    private final CheckBox showGrid = new CheckBox("warped grid");
    private final CheckBox showSvmPanel = new CheckBox("SVM panel");
    private final AtomicReference<Painted> ready = new AtomicReference<>();
    private Look look;
    private final TransformedFrameBuilder builder = new TransformedFrameBuilder();
    private final LatestRequestWorker<Request, Painted> worker;
    private final FxTicker timer;
    private volatile boolean suspended;
    private volatile Painted shown; // read by bench --ui from its own thread
    private volatile long framesShown; // likewise
    private Request requested;
    /** Counts resets: a frame asked for before the last one is not shown. */
    private int epoch;
    /** The shown frame's plot areas uploaded once (redraws on resize or hover reuse them). */
    private final java.util.Map<int[], javafx.scene.image.WritableImage> images = FxPen.imageCache();
    private boolean dirty = true;
    private final CanvasHeader header = new CanvasHeader(canvas);

    public TransformedView(Session session) {
        this.session = session;
        getStyleClass().add("transformed-view");
        for (CheckBox c : new CheckBox[] {showNet, showSvm, showMargins, showSupport, showGrid, showSvmPanel}) {
            c.setSelected(c != showGrid && c != showSvmPanel);
            c.selectedProperty().addListener((o, a, b) -> lookChanged());
        }
        showNet.setId("show-network");
        showSvm.setId("show-svm");
        showMargins.setId("show-margins");
        showSupport.setId("show-support");
        showGrid.setId("show-grid");
        showSvmPanel.setId("show-svm-panel");
        showNet.setTooltip(new Tooltip("The network's own last-layer decision: shading and boundary w.d + b = 0"));
        showSvm.setTooltip(new Tooltip("The hard-margin linear SVM fitted on these points (dashed)"));
        showMargins.setTooltip(new Tooltip("The SVM's margin lines w.d + b = +-1"));
        showSupport.setTooltip(new Tooltip("Ring the SVM's support vectors"));
        showGrid.setTooltip(new Tooltip("A regular grid of the original plane carried through the network:"
                + " how the space is folded (2-D inputs only)"));
        showSvmPanel.setTooltip(new Tooltip("A second panel: the same plane shaded by the SVM's labels"
                + " (Li et al. Fig 2, rows C and D)"));
        FlowPane toggles = new FlowPane(10, 4, showNet, showSvm, showMargins, showSupport, showGrid, showSvmPanel);
        toggles.setPadding(new Insets(4, 8, 2, 8));
        setTop(toggles);
        canvas.setId("transformed-canvas");
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> lookChanged());
        canvas.heightProperty().addListener((o, a, b) -> lookChanged());
        setCenter(holder);
        setMinSize(200, 160);
        worker = new LatestRequestWorker<>(LatestRequestWorker.Options.<Request>drawing("marginscope-transformed")
                .paced(builder::earliestStart), (r, superseded) -> builder.build(r), ready::set,
                FrameErrors.toStderr("transformed view"));
        session.onReset(() -> {
            epoch++;
            worker.cancelPending();
            requested = null;
            shown = null;
            ready.set(null);
            dirty = true;
        });
        lookChanged();
        // a scrub hands its snapshot over at once, not at the next tick
        session.viewedProperty().addListener((o, a, b) -> requestShown());
        timer = new FxTicker() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                tick();
                FxPulseMonitor.record("transformed", now, System.nanoTime() - t0);
            }
        };
        timer.start();
    }

    /** Frames put on screen so far (written on the FX thread; the benchmark polls it). */
    public long framesShown() {
        return framesShown;
    }

    /** The frame on screen (null before the first). */
    public TransformedFrame currentFrame() {
        return shown == null ? null : shown.frame();
    }

    /** How long the worker took for its last frame (forward pass, SVM fit, painting), in ms. */
    public double lastFrameMillis() {
        return builder.lastFrameNanos() / 1e6;
    }

    /** The part of the last frame spent computing it (forward pass, SVM fit), not painting it. */
    public double lastRenderMillis() {
        return builder.lastRenderNanos() / 1e6;
    }

    /** The plot's top edge: below the three caption lines, which grow with the text in presentation mode. */
    private double top() {
        return 6 + 4 * lineHeight() + 4; // four header lines: title, legend, angles, limits
    }

    private double textScale() {
        return Math.min(markerScale, 1.5);
    }

    private double lineHeight() {
        return 16 * textScale();
    }

    /** Presentation mode: markers this many times larger (1 = normal). */
    void setPresentationScale(double s) {
        markerScale = s;
        lookChanged();
    }

    /** Stops computing frames (the benchmark compares training speed with and without this view). */
    public void setSuspended(boolean s) {
        suspended = s;
        if (!s && worker != null) {
            requestShown();
        }
    }

    private int panels() {
        return showSvmPanel.isSelected() ? 2 : 1;
    }

    private double panelWidth() {
        return canvas.getWidth() / panels();
    }

    private double pw() {
        return Math.max(1, panelWidth() - L - R);
    }

    private double ph() {
        return Math.max(1, canvas.getHeight() - top() - ViewCanvas.bottomMargin(B, ViewCanvas.axisFontSize(markerScale)));
    }

    private void lookChanged() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        look = new Look((int) Math.round(pw() * scale), (int) Math.round(ph() * scale),
                new TransformedPainter.Layers(showNet.isSelected(), showSvm.isSelected(), showMargins.isSelected(),
                        showSupport.isSelected(), showGrid.isSelected(), false), showSvmPanel.isSelected(),
                MARKER * markerScale * scale);
        dirty = true;
        if (worker != null) {
            repaintBuilt();
        }
    }

    /**
     * A new look repaints the frame built last at once (a look is not paced); the shown snapshot, if it is another,
     * is asked for at the next tick, paced as ever.
     */
    private void repaintBuilt() {
        Request last = builder.lastBuilt();
        if (suspended || last == null || last.epoch() != epoch || look.w() <= 1 || look.h() <= 1) {
            requestShown();
            return;
        }
        requested = new Request(last.snapshot(), last.data(), look, false, epoch);
        worker.submit(requested);
    }

    private void tick() {
        requestShown();
        Painted p = ready.getAndSet(null);
        if (p != null && p.epoch() == epoch) {
            shown = p;
            framesShown++;
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    /** Hands the shown snapshot and the look to the worker, unless it has them already or the view is suspended. */
    private void requestShown() {
        Snapshot s = session.shown();
        Look lk = look;
        if (suspended || s == null || s.spec() == null || s.spec().inputDim() != session.dataset().dim()
                || lk.w() <= 1 || lk.h() <= 1 || (requested != null && requested.snapshot() == s
                && requested.look().equals(lk))) {
            return;
        }
        requested = new Request(s, session.dataset(), lk, !session.live(), epoch);
        worker.submit(requested);
    }

    private void draw() {
        header.begin();
        paint(new FxPen(canvas.getGraphicsContext2D(), images, header), shown, canvas.getWidth(), canvas.getHeight());
        header.end();
    }

    /** What the view shows now, as a figure of its size (null before its first frame). */
    public org.marginscope.render.Figure figure() {
        Painted p = shown;
        double w = canvas.getWidth(), h = canvas.getHeight();
        return p == null || w < 1 || h < 1 ? null : org.marginscope.render.Java2DPen.figure(w, h, pen -> paint(pen, p, w, h));
    }

    /** The painted frame on a page of w x h: the header lines, the plot areas' pixels, the axes and captions. */
    private void paint(Pen pen, Painted p, double w, double h) {
        pen.blank(w, h);
        TransformedFrame frame = p == null ? null : p.frame();
        if (frame == null) {
            pen.headerLine("Transformed space: waiting for the first snapshot\u2026", L, top(), lineHeight(), w);
            return;
        }
        pen.font(12 * textScale());
        double line = lineHeight();
        if (frame.projected()) {
            pen.headerLine(String.format(Locale.ROOT, "Transformed space (%d-D, step %d) on 2 principal axes: %.1f%% of variance",
                    frame.dim(), frame.step(), 100 * frame.explained()), 8, 4, line, w);
            pen.headerLine("A projection: the SVM and the measures use all " + frame.dim() + " dimensions.", 8, 4 + line,
                    line, w);
        } else {
            pen.headerLine("Transformed space: the last hidden layer's output (step " + frame.step() + ").", 8, 4, line, w);
            pen.headerLine(frame.retired() == null ? "Shading and solid line: the network. Dashed: the SVM and its margins."
                    : "Solid: the retrained last layer; grey dash-dot: the one before; dashed: the SVM.", 8, 4 + line, line, w);
        }
        boolean svmPanel = p.svmPanel() != null;
        plot(pen, frame, 0, p.main(), p.look(), svmPanel ? "shaded by the network" : null, h);
        if (svmPanel) {
            plot(pen, frame, panelWidth(), p.svmPanel(), p.look(), frame.projected() || frame.dim() != 2
                    ? "SVM labels: only on an exact plane (last hidden layer of width 2)" : "shaded by the SVM's labels", h);
        }
        if (frame.alignment() == null) {
            return;
        }
        var a = frame.alignment();
        double mean = a.meanAngleDeg();
        pen.fill(Pen.rgb(0x7a1fa2));
        pen.font(12 * textScale());
        pen.align(Pen.Align.LEFT);
        pen.baseline(Pen.Baseline.TOP);
        if (frame.retired() != null && a.separable()) {
            var r = frame.retired().alignment();
            pen.headerLine(String.format(Locale.ROOT, "Angle to SVM %.2f\u00b0 (before retraining %.2f\u00b0), bias gap %.3g"
                    + " (before %.3g)", mean, r.meanAngleDeg(), a.biasGap(), r.biasGap()), 8, 4 + 2 * line, line, w);
            return;
        }
        pen.headerLine(a.separable()
                ? String.format(Locale.ROOT, "Angle to SVM %.2f\u00b0%s, margin net %.3g / SVM %.3g", mean,
                        a.angleDeg().length > 1 ? " (class mean)"
                                : String.format(Locale.ROOT, ", bias gap %.3g", a.biasGap()),
                        a.nnMargin(), a.svmMargin()) + companionsText(frame)
                : "Not separable here yet: the SVM shown is the soft-margin one.", 8, 4 + 2 * line, line, w);
        String limits = limitsText(frame.limits());
        if (limits != null) {
            pen.fill(frame.limits().rank().degenerate() ? Pen.rgb(0xb00020) : Pen.rgb(0xa66a00));
            pen.headerLine(limits, 8, 4 + 3 * line, line, w);
        }
    }

    /** The header lines as drawn (cut with an ellipsis to the view's width) and in full (the tooltip's text). */
    CanvasHeader header() {
        return header;
    }

    /**
     * The fourth header line: that the comparison is not meaningful on degenerate points, or the angle to the
     * bias-penalised SVM (orange dash-dot) - null when there is nothing to say.
     */
    static String limitsText(TransformedFrame.Limits l) {
        if (l == null) {
            return null;
        }
        if (l.rank().deadUnits() > 0) {
            return l.rank().deadUnits() + " unit(s) of the last hidden layer never fire: the angles are not meaningful here.";
        }
        if (l.rank().degenerate()) {
            return String.format(Locale.ROOT, "The points lie on a line (\u03c3\u2082/\u03c3\u2081 = %.1e): the angle only"
                    + " reflects the initial weights - not meaningful here.", l.rank().rankRatio());
        }
        return Double.isNaN(l.penalisedAngleDeg()) ? null : String.format(Locale.ROOT,
                "[w; b] vs min |w|\u00b2+b\u00b2 (orange dash-dot, where the cross-entropy is headed): %.2f\u00b0",
                l.penalisedAngleDeg());
    }

    /** The copies trained beside it in the same space: how far their last layers are from the SVM (Poggio et al.). */
    static String companionsText(TransformedFrame f) {
        if (f.companions() == null || f.companions().isEmpty()) {
            return "";
        }
        double lo = f.companions().stream().mapToDouble(TransformedFrame.Companion::angleDeg).min().orElse(Double.NaN);
        double hi = f.companions().stream().mapToDouble(TransformedFrame.Companion::angleDeg).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "; %d beside it: %.1f\u2013%.1f\u00b0%s", f.companions().size(), lo, hi,
                f.projected() ? "" : " (grey lines)");
    }

    /** One plot area at horizontal offset x0: its pixels, axes and an optional caption. */
    private void plot(Pen pen, TransformedFrame frame, double x0, int[] pixels, Look lk, String caption, double h) {
        pen.image(pixels, lk.w(), lk.h(), x0 + L, top(), pw(), ph());
        axes(pen, x0, frame.bounds(), frame.projected(), h);
        if (caption != null) {
            label(pen, caption, x0 + L + pw() - 6, top() + 5);
        }
    }

    /** A label in a plot's top-right corner, on a light backing so points never hide it. */
    private static void label(Pen pen, String text, double right, double top) {
        double tw = pen.textWidth(text);
        pen.fill(0xD9FFFFFF);
        pen.fillRect(right - tw - 4, top - 2, tw + 8, 18);
        pen.fill(Pen.rgb(0x222222));
        pen.align(Pen.Align.RIGHT);
        pen.baseline(Pen.Baseline.TOP);
        pen.fillText(text, right, top);
        pen.align(Pen.Align.LEFT);
    }

    private void axes(Pen pen, double x0, Bounds b, boolean projected, double h) {
        double left = x0 + L;
        pen.save();
        pen.stroke(Pen.rgb(0x444444));
        pen.lineWidth(1);
        pen.strokeRect(left, top(), pw(), ph());
        pen.fill(Pen.rgb(0x222222));
        pen.font(ViewCanvas.axisFontSize(markerScale));
        int nx = Math.max(2, (int) (pw() / 90)), ny = Math.max(2, (int) (ph() / 60));
        double stepX = NiceTicks.step(b.xMin(), b.xMax(), nx), stepY = NiceTicks.step(b.yMin(), b.yMax(), ny);
        pen.align(Pen.Align.CENTER);
        pen.baseline(Pen.Baseline.TOP);
        for (double t : NiceTicks.ticks(b.xMin(), b.xMax(), nx)) {
            double x = left + (t - b.xMin()) / b.width() * pw();
            pen.strokeLine(x, top() + ph(), x, top() + ph() + 5);
            pen.fillText(NiceTicks.label(t, stepX), x, top() + ph() + 7);
        }
        pen.align(Pen.Align.RIGHT);
        pen.baseline(Pen.Baseline.CENTER);
        for (double t : NiceTicks.ticks(b.yMin(), b.yMax(), ny)) {
            double y = top() + (b.yMax() - t) / b.height() * ph();
            pen.strokeLine(left - 5, y, left, y);
            pen.fillText(NiceTicks.label(t, stepY), left - 7, y);
        }
        pen.align(Pen.Align.CENTER);
        pen.baseline(Pen.Baseline.BOTTOM);
        pen.fillText(projected ? "PC 1" : "\u03b4\u2081", left + pw() / 2, h - 1);
        pen.translate(x0 + 12, top() + ph() / 2);
        pen.rotate(-90);
        pen.baseline(Pen.Baseline.CENTER);
        pen.fillText(projected ? "PC 2" : "\u03b4\u2082", 0, 0);
        pen.restore();
    }

    void dispose() {
        timer.stop();
        worker.close();
    }
}
