package org.marginscope.ui;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.TransformedFrame;
import org.marginscope.render.TransformedRenderer;
import org.marginscope.train.Snapshot;

/**
 * The transformed space (Li et al.): the points as the last hidden layer sees them, the network's
 * own last-layer decision over that plane, and the linear SVM fitted there - its boundary, margin
 * lines and ringed support vectors. Frames are computed on a worker of their own (an SVM fit each),
 * at most 4 a second; each frame belongs to its snapshot.
 */
public final class TransformedView extends BorderPane {
    private static final double L = 52, B = 34, T = 40, R = 14;
    /** Points drawn per frame at most; more are drawn as an even sample. */
    static final int MAX_DRAWN = 1500;

    private final Session session;
    private final Canvas canvas = new Canvas();
    private final CheckBox showNet = new CheckBox("network");
    private final CheckBox showSvm = new CheckBox("SVM");
    private final CheckBox showMargins = new CheckBox("margins");
    private final CheckBox showSupport = new CheckBox("support vectors");
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final AtomicReference<TransformedFrame> ready = new AtomicReference<>();
    private final Thread worker;
    private final AnimationTimer timer;
    private volatile boolean closed;
    private TransformedFrame frame;
    private Snapshot requested;
    private WritableImage image;
    private boolean dirty = true;

    public TransformedView(Session session) {
        this.session = session;
        getStyleClass().add("transformed-view");
        for (CheckBox c : new CheckBox[] {showNet, showSvm, showMargins, showSupport}) {
            c.setSelected(true);
            c.selectedProperty().addListener((o, a, b) -> dirty = true);
        }
        showNet.setId("show-network");
        showSvm.setId("show-svm");
        showNet.setTooltip(new Tooltip("The network's own last-layer decision: shading and boundary w.d + b = 0"));
        showSvm.setTooltip(new Tooltip("The hard-margin linear SVM fitted on these points (dashed)"));
        showMargins.setTooltip(new Tooltip("The SVM's margin lines w.d + b = +-1"));
        showSupport.setTooltip(new Tooltip("Ring the SVM's support vectors"));
        FlowPane toggles = new FlowPane(10, 4, showNet, showSvm, showMargins, showSupport);
        toggles.setPadding(new Insets(4, 8, 2, 8));
        setTop(toggles);
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> dirty = true);
        canvas.heightProperty().addListener((o, a, b) -> dirty = true);
        setCenter(holder);
        setMinSize(200, 160);
        session.onReset(() -> {
            frame = null;
            dirty = true;
        });
        worker = new Thread(this::loop, "marginscope-transformed");
        worker.setDaemon(true);
        worker.start();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                tick();
                FxPulseMonitor.record("transformed", now, System.nanoTime() - t0);
            }
        };
        timer.start();
    }

    public TransformedFrame currentFrame() {
        return frame;
    }

    private void tick() {
        Snapshot s = session.trainer().latest();
        if (s != null && s != requested && s.spec() != null && s.spec().inputDim() == session.dataset().dim()) {
            requested = s;
            pending.set(s);
            LockSupport.unpark(worker);
        }
        TransformedFrame f = ready.getAndSet(null);
        if (f != null) {
            frame = f;
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    private void loop() {
        TransformedRenderer r = new TransformedRenderer();
        while (!closed) {
            Snapshot s = pending.getAndSet(null);
            if (s == null) {
                LockSupport.parkNanos(100_000_000L);
                continue;
            }
            long t0 = System.nanoTime();
            Dataset d = session.dataset();
            try {
                if (d.size() >= 2 && d.dim() == s.spec().inputDim()) {
                    ready.set(r.render(s.spec(), s.parameters(), s.decisionOffset(), d, s.step()));
                }
            } catch (RuntimeException e) {
                // a dataset that changed under a reset: the next snapshot draws the new state
            }
            long rest = 250_000_000L - (System.nanoTime() - t0); // at most 4 frames a second
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    private double pw() {
        return Math.max(1, canvas.getWidth() - L - R);
    }

    private double ph() {
        return Math.max(1, canvas.getHeight() - T - B);
    }

    private double sx(Bounds b, double x) {
        return L + (x - b.xMin()) / b.width() * pw();
    }

    private double sy(Bounds b, double y) {
        return T + (b.yMax() - y) / b.height() * ph();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (frame == null) {
            g.fillText("Transformed space: waiting for the first snapshot\u2026", L, T);
            return;
        }
        Bounds b = frame.bounds();
        g.setFont(Font.font(12));
        if (frame.projected()) {
            g.fillText(String.format(java.util.Locale.ROOT, "Transformed space (%d-D) on 2 principal axes: %.1f%% of variance",
                    frame.dim(), 100 * frame.explained()), L - 40, 4);
            g.fillText("A projection: the SVM and the measures use all " + frame.dim() + " dimensions.", L - 40, 20);
        } else {
            g.fillText("Transformed space: the last hidden layer's output (step " + frame.step() + ").", L - 40, 4);
            g.fillText("Shading and solid line: the network. Dashed: the SVM and its margins.", L - 40, 20);
        }
        g.save();
        g.beginPath();
        g.rect(L, T, pw(), ph());
        g.clip();
        g.setFill(Color.web("#f7f7f7"));
        g.fillRect(L, T, pw(), ph());
        if (frame.argb() != null && showNet.isSelected()) {
            if (image == null || (int) image.getWidth() != frame.nx()) {
                image = new WritableImage(frame.nx(), frame.ny());
            }
            image.getPixelWriter().setPixels(0, 0, frame.nx(), frame.ny(), PixelFormat.getIntArgbPreInstance(),
                    frame.argb(), 0, frame.nx());
            g.setImageSmoothing(true);
            g.drawImage(image, L, T, pw(), ph());
            if (frame.nnW() != null) {
                g.setStroke(Color.web("#222222"));
                g.setLineWidth(2.2);
                g.setLineDashes();
                line(g, b, frame.nnW(), frame.nnB(), 0);
            }
        }
        SvmSolution svm = frame.svm();
        boolean planeSvm = svm != null && svm.binary() && !frame.projected();
        if (planeSvm && showSvm.isSelected()) {
            g.setStroke(Color.web("#7a1fa2"));
            g.setLineWidth(2);
            g.setLineDashes(9, 6);
            line(g, b, svm.w(), svm.bias(), 0);
            if (showMargins.isSelected()) {
                g.setLineWidth(1.2);
                g.setLineDashes(3, 5);
                line(g, b, svm.w(), svm.bias(), 1);
                line(g, b, svm.w(), svm.bias(), -1);
            }
            g.setLineDashes();
        }
        double[] xy = frame.xy();
        int total = frame.labels().length;
        // redrawn for every frame (the points move): an even sample keeps the FX thread's work small
        int stride = Math.max(1, (int) Math.ceil(total / (double) MAX_DRAWN));
        for (int i = 0; i < total; i += stride) {
            Markers.draw(g, frame.labels()[i], sx(b, xy[2 * i]), sy(b, xy[2 * i + 1]), 7, i < frame.trainCount());
        }
        if (svm != null && svm.binary() && showSupport.isSelected() && !frame.projected()) {
            g.setStroke(Color.web("#7a1fa2"));
            g.setLineWidth(1.8);
            double scale = 0;
            for (double v : svm.dual()) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < frame.trainCount(); i++) {
                if (Math.abs(svm.dual()[i]) > 1e-6 * scale) {
                    g.strokeOval(sx(b, xy[2 * i]) - 8, sy(b, xy[2 * i + 1]) - 8, 16, 16);
                }
            }
        }
        g.restore();
        axes(g, b);
        if (frame.alignment() != null) {
            var a = frame.alignment();
            double mean = java.util.Arrays.stream(a.angleDeg()).average().orElse(Double.NaN);
            String text = a.separable()
                    ? String.format(java.util.Locale.ROOT, "angle to SVM %.2f\u00b0   margins: net %.3g, SVM %.3g", mean,
                            a.nnMargin(), a.svmMargin())
                    : "not separable here yet: the SVM shown is the soft-margin one";
            // a label in the plot's top-right corner, on a light backing so points never hide it
            javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
            probe.setFont(g.getFont());
            double tw = probe.getLayoutBounds().getWidth();
            g.setFill(Color.rgb(255, 255, 255, 0.85));
            g.fillRect(L + pw() - tw - 10, T + 3, tw + 8, 18);
            g.setFill(Color.web("#222222"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(text, L + pw() - 6, T + 5);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** Draws w.x + b = level across the plot. */
    private void line(GraphicsContext g, Bounds bd, double[] w, double b, double level) {
        double x0 = bd.xMin(), x1 = bd.xMax();
        if (Math.abs(w[1]) > 1e-12 * Math.abs(w[0])) {
            double y0 = (level - b - w[0] * x0) / w[1], y1 = (level - b - w[0] * x1) / w[1];
            g.strokeLine(sx(bd, x0), sy(bd, y0), sx(bd, x1), sy(bd, y1));
        } else if (w[0] != 0) {
            double x = (level - b) / w[0];
            g.strokeLine(sx(bd, x), sy(bd, bd.yMin()), sx(bd, x), sy(bd, bd.yMax()));
        }
    }

    private void axes(GraphicsContext g, Bounds b) {
        g.setStroke(Color.web("#444444"));
        g.setLineWidth(1);
        g.strokeRect(L, T, pw(), ph());
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(12));
        int nx = Math.max(2, (int) (pw() / 90)), ny = Math.max(2, (int) (ph() / 60));
        double stepX = NiceTicks.step(b.xMin(), b.xMax(), nx), stepY = NiceTicks.step(b.yMin(), b.yMax(), ny);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(b.xMin(), b.xMax(), nx)) {
            g.strokeLine(sx(b, t), T + ph(), sx(b, t), T + ph() + 5);
            g.fillText(NiceTicks.label(t, stepX), sx(b, t), T + ph() + 7);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : NiceTicks.ticks(b.yMin(), b.yMax(), ny)) {
            g.strokeLine(L - 5, sy(b, t), L, sy(b, t));
            g.fillText(NiceTicks.label(t, stepY), L - 7, sy(b, t));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(frame.projected() ? "PC 1" : "\u03b4\u2081", L + pw() / 2, canvas.getHeight() - 1);
        g.save();
        g.translate(12, T + ph() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(frame.projected() ? "PC 2" : "\u03b4\u2082", 0, 0);
        g.restore();
    }

    void dispose() {
        closed = true;
        timer.stop();
        LockSupport.unpark(worker);
    }
}
