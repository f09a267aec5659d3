package org.marginscope.ui;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.marginscope.analysis.NeuronClusters;
import org.marginscope.analysis.NeuronPlane;
import org.marginscope.data.Bounds;
import org.marginscope.model.Parameters;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.Palette;
import org.marginscope.render.Pen;
import org.marginscope.train.Snapshot;

/**
 * Sarussi et al.'s neuron view: every first-layer neuron of a two-layer net with a fixed +1/-1 second
 * layer as a point placed by {@link NeuronPlane} (its weights; with the bias trick its direction in the
 * data plane at its full length; for many inputs its two principal components), coloured by its output sign; the cluster means w+ and w- as arrows from the origin, circles of
 * radius R around them, and the measures. Follows the scrubber. The measures (NAR is quadratic in the
 * neurons) are computed on a worker; the FX thread only draws.
 */
final class NeuronView extends javafx.scene.layout.BorderPane {
    private final Session session;
    private final Canvas canvas = new Canvas();
    /** Images the pen uploads (none today; kept so a future image draws once, not once per redraw). */
    private final java.util.Map<int[], javafx.scene.image.WritableImage> images = FxPen.imageCache();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "marginscope-neurons");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Drawn> ready = new AtomicReference<>();
    private final AnimationTimer timer;
    private Snapshot requested;
    private Drawn drawn;
    private boolean busy;
    private final javafx.scene.control.CheckBox showPar = new javafx.scene.control.CheckBox("PAR prediction (Thm 6.2)");
    /** Thm 6.2's solution, solved once per dataset and activation (worker thread only). */
    private final org.marginscope.analysis.ParPrediction.Cache parCache = new org.marginscope.analysis.ParPrediction.Cache();

    /** What one frame shows: the neurons (x, y, sign) and the measures, or why there is nothing. */
    record Drawn(Snapshot snapshot, double[][] neurons, int[] signs, NeuronClusters.Result clusters, String why,
                 org.marginscope.analysis.ParPrediction.Result par, NeuronPlane plane) {
        Drawn withPar(org.marginscope.analysis.ParPrediction.Result p) {
            return new Drawn(snapshot, neurons, signs, clusters, why, p, plane);
        }
    }

    NeuronView(Session session) {
        this.session = session;
        canvas.setId("neuron-canvas");
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        showPar.setId("show-par");
        showPar.setTooltip(new javafx.scene.control.Tooltip("Solve Thm 6.2's problem (a bias-free SVM on the stacked"
                + " map) and draw the predicted w+ and w- directions dashed, with their angle to the learned ones"));
        showPar.selectedProperty().addListener(o -> requested = null);
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(showPar);
        top.setPadding(new javafx.geometry.Insets(4, 8, 2, 8));
        setTop(top);
        setCenter(holder);
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setMinSize(200, 160);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick();
            }
        };
        timer.start();
    }

    Drawn current() {
        return drawn;
    }

    private void tick() {
        Snapshot s = session.shown();
        if (s != null && s != requested && !busy && isVisible() && getScene() != null) {
            requested = s;
            busy = true;
            var data = session.dataset();
            boolean constant = s.spec() != null && s.spec().appendConstantInput();
            boolean par = showPar.isSelected();
            worker.submit(() -> {
                try {
                    Drawn d = compute(s, data, constant);
                    if (par && d.neurons() != null) {
                        d = d.withPar(parCache.get(data, s.spec().layers().get(0).activation(), constant));
                    }
                    ready.set(d);
                } catch (RuntimeException e) {
                    ready.set(new Drawn(s, null, null, null, "Neurons not shown: " + e.getMessage(), null, null));
                }
            });
        }
        Drawn d = ready.getAndSet(null);
        if (d != null) {
            busy = false;
            drawn = d;
            draw();
        }
    }

    static Drawn compute(Snapshot s, org.marginscope.data.Dataset data, boolean constant) {
        Parameters p = s.parameters();
        if (!NeuronClusters.appliesTo(s.spec(), p)) {
            return new Drawn(s, null, null, null, "The neuron view is for Sarussi et al.'s nets: two layers, the"
                    + " second fixed to +1 and -1 (load a sarussi-* preset).", null, null);
        }
        var all = NeuronClusters.neurons(p);
        NeuronPlane plane = NeuronPlane.fit(all.w(), constant);
        double[][] n = new double[all.w().length][];
        for (int i = 0; i < n.length; i++) {
            n[i] = plane.place(all.w()[i]);
        }
        return new Drawn(s, n, all.sign(), NeuronClusters.measure(p, data, constant), null, null, plane);
    }

    private void draw() {
        paint(new FxPen(canvas.getGraphicsContext2D(), images), drawn, canvas.getWidth(), canvas.getHeight());
    }

    /** What the view shows now, as a figure of its size (null before its first frame). */
    org.marginscope.render.Figure figure() {
        Drawn d = drawn;
        double w = canvas.getWidth(), h = canvas.getHeight();
        return d == null || w < 1 || h < 1 ? null : org.marginscope.render.Java2DPen.figure(w, h, g -> paint(g, d, w, h));
    }

    /** The view of frame d on a w x h page: on screen, and unchanged in an exported figure. */
    static void paint(Pen g, Drawn d, double w, double h) {
        g.blank(w, h);
        if (d == null) {
            g.fillText("Neurons: waiting for a snapshot\u2026", 12, 10);
            return;
        }
        if (d.neurons() == null) {
            g.fillText(d.why(), 12, 10);
            return;
        }
        var c = d.clusters();
        g.fillText(String.format(Locale.ROOT, "First-layer neurons, step %d (colour: output sign)",
                d.snapshot().step()), 12, 6);
        double y = 24;
        String note = planeNote(d.plane());
        if (!note.isEmpty()) {
            g.fill(Pen.rgb(0x555555));
            g.font(11);
            g.fillText(note, 12, y);
            y += 16;
        }
        g.fill(Pen.rgb(0x1565c0));
        g.font(12);
        String[] lines = {
            String.format(Locale.ROOT, "R = %.3g,  R/|w+| = %.3g,  R/|w\u2212| = %.3g", c.radius(), c.ratioPos(),
                    c.ratioNeg()),
            String.format(Locale.ROOT, "largest angle in a cluster %.1f\u00b0,  NAR disagreement %d,  PAR + %.0f%% / \u2212 %.0f%%",
                    c.maxAngleDeg(), c.narDisagreement(), 100 * c.parSharePos(), 100 * c.parShareNeg()),
            String.format(Locale.ROOT, "outside Thm 5.1's linear regime: %.0f%% of train points%s", 100 * c.nonlinearTrain(),
                    Double.isNaN(c.nonlinearTest()) ? "" : String.format(Locale.ROOT, ", %.0f%% of test points",
                            100 * c.nonlinearTest()))};
        for (String line : lines) {
            g.fillText(line, 12, y);
            y += 16;
        }
        double top = y + 8, left = 50, pw = w - left - 16, ph = h - top - (d.par() != null ? 54 : 36);
        if (pw < 40 || ph < 40) {
            return;
        }
        // a square window around the origin holding every neuron and both means
        double m = 1e-12;
        for (double[] n : d.neurons()) {
            m = Math.max(m, Math.max(Math.abs(n[0]), Math.abs(n[1])));
        }
        double[][] means = {d.plane().place(c.wPos()), d.plane().place(c.wNeg())};
        for (double[] n : means) {
            m = Math.max(m, Math.max(Math.abs(n[0]), Math.abs(n[1])));
        }
        m *= 1.15;
        double side = Math.min(pw, ph);
        double ox = left + (pw - side) / 2, oy = top + (ph - side) / 2;
        Bounds b = new Bounds(-m, m, -m, m);
        java.util.function.DoubleUnaryOperator X = v -> ox + (v - b.xMin()) / b.width() * side;
        java.util.function.DoubleUnaryOperator Y = v -> oy + (b.yMax() - v) / b.height() * side;
        g.fill(Pen.rgb(0xf7f7f7));
        g.fillRect(ox, oy, side, side);
        g.stroke(Pen.rgb(0xcccccc));
        g.lineWidth(1);
        g.strokeLine(X.applyAsDouble(0), oy, X.applyAsDouble(0), oy + side);
        g.strokeLine(ox, Y.applyAsDouble(0), ox + side, Y.applyAsDouble(0));
        g.stroke(Pen.rgb(0x333333));
        g.strokeRect(ox, oy, side, side);
        g.fill(Pen.rgb(0x333333));
        g.font(10);
        g.align(Pen.Align.CENTER);
        double step = NiceTicks.step(-m, m, 4);
        for (double v : NiceTicks.ticks(-m, m, 4)) {
            g.fillText(NiceTicks.label(v, step), X.applyAsDouble(v), oy + side + 4);
        }
        g.align(Pen.Align.RIGHT);
        g.baseline(Pen.Baseline.CENTER);
        for (double v : NiceTicks.ticks(-m, m, 4)) {
            g.fillText(NiceTicks.label(v, step), ox - 4, Y.applyAsDouble(v));
        }
        for (int i = 0; i < d.neurons().length; i++) {
            int col = colour(d.signs()[i] > 0 ? 1 : 0);
            g.fill(col);
            g.fillOval(X.applyAsDouble(d.neurons()[i][0]) - 3.5, Y.applyAsDouble(d.neurons()[i][1]) - 3.5, 7, 7);
        }
        double scale = side / b.width();
        for (int s = 0; s < 2; s++) {
            double[] mean = means[s];
            int col = colour(s == 0 ? 1 : 0);
            col = Pen.darker(col);
            double mx = X.applyAsDouble(mean[0]), my = Y.applyAsDouble(mean[1]);
            g.stroke(col);
            g.lineWidth(2.2);
            g.strokeLine(X.applyAsDouble(0), Y.applyAsDouble(0), mx, my);
            double ang = Math.atan2(my - Y.applyAsDouble(0), mx - X.applyAsDouble(0));
            g.strokeLine(mx, my, mx - 10 * Math.cos(ang - 0.4), my - 10 * Math.sin(ang - 0.4));
            g.strokeLine(mx, my, mx - 10 * Math.cos(ang + 0.4), my - 10 * Math.sin(ang + 0.4));
            if (d.plane().keepsDistances()) {
                double r = c.radius() * scale;
                g.lineWidth(1.2);
                g.dashes(5, 4);
                g.strokeOval(mx - r, my - r, 2 * r, 2 * r);
                g.dashes();
            }
            g.fill(col);
            g.font(12);
            g.align(Pen.Align.LEFT);
            g.fillText(s == 0 ? "w+" : "w\u2212", mx + 6, my - 8);
        }
        String[] axes = d.plane().axisNames();
        g.fill(Pen.rgb(0x333333));
        g.font(11);
        g.align(Pen.Align.CENTER);
        g.baseline(Pen.Baseline.TOP);
        g.fillText(axes[0], ox + side / 2, oy + side + 17);
        g.save();
        g.translate(ox - 38, oy + side / 2);
        g.rotate(-90);
        g.fillText(axes[1], 0, 0);
        g.restore();
        drawPrediction(g, d, h, X, Y);
    }

    private static String planeNote(NeuronPlane plane) {
        return switch (plane.mode()) {
            case WEIGHTS -> "";
            case DIRECTION_AND_LENGTH -> "each neuron at its direction in the data plane, at distance |w| (bias included)";
            case PRINCIPAL -> String.format(Locale.ROOT, "the weights' first two principal directions (%.1f%% of |W|\u00b2)",
                    100 * plane.explained());
        };
    }

    /** The predicted directions, dashed, at the length of the learned means so the directions compare. */
    private static void drawPrediction(Pen g, Drawn d, double h, java.util.function.DoubleUnaryOperator X,
                                java.util.function.DoubleUnaryOperator Y) {
        var par = d.par();
        if (par == null) {
            return;
        }
        var c = d.clusters();
        g.dashes(6, 4);
        g.lineWidth(1.8);
        for (int s = 0; s < 2; s++) {
            double[] pred = s == 0 ? par.u() : par.v(), mean = s == 0 ? c.wPos() : c.wNeg();
            double scale = NeuronClusters.norm(mean) / Math.max(1e-300, NeuronClusters.norm(pred));
            double[] shown = d.plane().place(java.util.Arrays.stream(pred).map(v -> v * scale).toArray());
            g.stroke(Pen.rgb(0x7a1fa2));
            g.strokeLine(X.applyAsDouble(0), Y.applyAsDouble(0), X.applyAsDouble(shown[0]), Y.applyAsDouble(shown[1]));
        }
        g.dashes();
        g.fill(Pen.rgb(0x7a1fa2));
        g.font(12);
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.TOP);
        g.fillText(par.separable() ? String.format(Locale.ROOT, "PAR prediction (dashed purple): %.1f\u00b0 from the learned"
                + " (w+, w\u2212)", par.angleDeg(c.wPos(), c.wNeg())) : "PAR prediction: the stacked problem has no"
                + " solution on these data", 12, h - 20);
    }

    private static int colour(int cls) {
        return Pen.rgb(Palette.colour(cls));
    }

    void dispose() {
        timer.stop();
        worker.shutdownNow();
    }
}
