package org.marginscope.ui.views;

import org.marginscope.ui.fx.FxTicker;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import org.marginscope.analysis.NeuronMap;
import org.marginscope.experiment.NeuronFigure;
import org.marginscope.render.LatestRequestWorker;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.Nodes;

/**
 * The Neurons tab: {@link NeuronFigure}'s view of the shown snapshot - Sarussi et al.'s clusters and measures
 * for their nets, any other net's hidden layers (a layer selector when there are several). Hovering a unit
 * highlights it ({@link #highlightProperty()}: the main window draws its hyperplane on the original view and
 * rings its map in the Regions tab); a click pins it, a second click on it (or on empty space) lets it go.
 * Follows the scrubber; every frame is computed on a worker (Sarussi's measures are quadratic in the
 * neurons, a wide layer has thousands of units), the FX thread only draws.
 */
public final class NeuronView extends javafx.scene.layout.BorderPane {
    /** A unit of a layer (both from 0). */
    record Unit(int layer, int index) {
    }

    /** How near (pixels) the mouse must come to a unit's dot to pick it. */
    private static final double PICK_RADIUS = 9;

    private final Session session;
    private final Canvas canvas = new Canvas();
    /** Images the pen uploads (none today; kept so a future image draws once, not once per redraw). */
    private final java.util.Map<int[], javafx.scene.image.WritableImage> images = FxPen.imageCache();
    /** A snapshot over its data, the layer to show and whether to solve Thm 6.2's prediction. */
    private record Request(Snapshot snapshot, org.marginscope.data.Dataset data, int layer, boolean par) {
    }

    private final AtomicReference<NeuronFigure.Frame> ready = new AtomicReference<>();
    private final LatestRequestWorker<Request, NeuronFigure.Frame> worker = new LatestRequestWorker<>(
            LatestRequestWorker.Options.<Request>drawing("marginscope-neurons").paced(this::rested),
            (r, superseded) -> build(r), ready::set, FrameErrors.toStderr("neuron view"));
    private final FxTicker timer;
    private Snapshot requested;
    private int requestedLayer;
    /** The layer of the last frame built (worker thread). */
    private volatile int builtLayer = -1;
    private NeuronFigure.Frame drawn;
    private NeuronFigure.Plot plot;
    /**
     * While training, the worker rests this many times as long as its last frame took before the next (a
     * 2,000-unit layer's frame takes ~0.1 s: at most a quarter of a core beside the trainer).
     */
    private static final int REST_FACTOR = 3;
    private volatile long computeNanos, computedAt;
    private final CheckBox showPar = new CheckBox("PAR prediction (Thm 6.2)");
    private final ChoiceBox<Integer> layer = new ChoiceBox<>();
    private final ObjectProperty<Unit> highlight = new SimpleObjectProperty<>();
    /** A clicked unit stays highlighted when the mouse leaves it. */
    private boolean pinned;
    /** Thm 6.2's solution, solved once per dataset and activation (worker thread only). */
    private final org.marginscope.analysis.ParPrediction.Cache parCache = new org.marginscope.analysis.ParPrediction.Cache();

    NeuronView(Session session) {
        this.session = session;
        canvas.setId("neuron-canvas");
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        showPar.setId("show-par");
        showPar.setTooltip(new Tooltip("Solve Thm 6.2's problem (a bias-free SVM on the stacked"
                + " map) and draw the predicted w+ and w- directions dashed, with their angle to the learned ones"));
        showPar.selectedProperty().addListener(o -> requested = null);
        layer.setId("neuron-layer");
        layer.setTooltip(new Tooltip("The hidden layer to show; deeper layers' units are placed by their incoming"
                + " weights (bias included) on the two principal axes"));
        layer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : "hidden layer " + (v + 1);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        layer.valueProperty().addListener((o, a, b) -> {
            requested = null;
            setHighlight(null, false);
        });
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(8, 4, layer, showPar);
        top.setPadding(new javafx.geometry.Insets(4, 8, 2, 8));
        setTop(top);
        setCenter(holder);
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        canvas.setOnMouseMoved(e -> {
            if (!pinned) {
                Unit u = unitAt(e.getX(), e.getY());
                if (u != null || highlight.get() != null) {
                    setHighlight(u, false);
                }
            }
        });
        canvas.setOnMouseExited(e -> {
            if (!pinned) {
                setHighlight(null, false);
            }
        });
        canvas.setOnMouseClicked(e -> {
            Unit u = unitAt(e.getX(), e.getY());
            boolean again = pinned && u != null && u.equals(highlight.get());
            setHighlight(again ? null : u, u != null && !again);
        });
        setMinSize(200, 160);
        Nodes.show(layer, false);
        timer = new FxTicker() {
            @Override
            public void handle(long now) {
                tick();
            }
        };
        timer.start();
    }

    NeuronFigure.Frame current() {
        return drawn;
    }

    /** The unit hovered or pinned (null: none). */
    ObjectProperty<Unit> highlightProperty() {
        return highlight;
    }

    /** The hidden layer shown (0 = first). */
    int layer() {
        return layer.getValue() == null ? 0 : layer.getValue();
    }

    void showLayer(int k) {
        if (layer.getItems().contains(k)) {
            layer.setValue(k);
        }
    }

    private void setHighlight(Unit u, boolean pin) {
        pinned = pin && u != null;
        if (!java.util.Objects.equals(u, highlight.get())) {
            highlight.set(u);
            draw();
        }
    }

    /** Where unit i is drawn on the canvas (null before a plot). */
    double[] screenPoint(int i) {
        NeuronFigure.Frame d = drawn;
        NeuronFigure.Plot p = plot;
        if (d == null || p == null || i < 0 || i >= d.units()) {
            return null;
        }
        double[] at = d.point(i);
        return new double[] {p.x(at[0]), p.y(at[1])};
    }

    /** The unit whose dot is nearest the canvas point, within {@link #PICK_RADIUS}. */
    private Unit unitAt(double px, double py) {
        NeuronFigure.Frame d = drawn;
        NeuronFigure.Plot p = plot;
        if (d == null || p == null || d.units() == 0) {
            return null;
        }
        int best = -1;
        double bd = PICK_RADIUS;
        for (int i = 0; i < d.units(); i++) {
            double[] at = d.point(i);
            double dist = Math.hypot(p.x(at[0]) - px, p.y(at[1]) - py);
            if (dist <= bd) {
                bd = dist;
                best = i;
            }
        }
        return best < 0 ? null : new Unit(d.map().layer(), best);
    }

    /** The worker rests REST_FACTOR times its last frame's cost before the next, unless the layer changed. */
    private long rested(Request r, long previousStart) {
        return r.layer() != builtLayer ? 0 : computedAt + REST_FACTOR * computeNanos;
    }

    /** The frame of a request, or one that says why there is none (worker thread). */
    private NeuronFigure.Frame build(Request r) {
        long t0 = System.nanoTime();
        Snapshot s = r.snapshot();
        boolean constant = s.spec() != null && s.spec().appendConstantInput();
        NeuronFigure.Frame d;
        try {
            d = NeuronFigure.compute(s, r.data(), constant, r.layer());
            if (r.par() && d.sarussi()) {
                d = d.withPar(parCache.get(r.data(), s.spec().layers().get(0).activation(), constant));
            }
        } catch (RuntimeException e) {
            d = new NeuronFigure.Frame(s, null, null, null, "Neurons not shown: the weights could not be"
                    + " laid out (" + e.getClass().getSimpleName() + ").", null, null, null);
        }
        builtLayer = r.layer();
        computeNanos = System.nanoTime() - t0;
        computedAt = System.nanoTime();
        return d;
    }

    private void tick() {
        Snapshot s = session.shown();
        if (s != null) {
            syncLayers(s);
        }
        int k = layer();
        if (s != null && (s != requested || k != requestedLayer) && isVisible() && getScene() != null) {
            requested = s;
            requestedLayer = k;
            worker.submit(new Request(s, session.dataset(), k, showPar.isSelected()));
        }
        NeuronFigure.Frame d = ready.getAndSet(null);
        if (d != null) {
            Unit h = highlight.get();
            if (h != null && (d.map() == null || d.map().layer() != h.layer() || h.index() >= d.units())) {
                setHighlight(null, false); // the net changed under the highlighted unit
            }
            drawn = d;
            Nodes.show(showPar, d.sarussi());
            draw();
        }
    }

    /** The layer selector lists the shown net's hidden layers (hidden with only one). */
    private void syncLayers(Snapshot s) {
        int n = NeuronMap.hiddenLayers(s.parameters());
        if (layer.getItems().size() != n) {
            int keep = Math.min(layer(), Math.max(0, n - 1));
            layer.getItems().setAll(java.util.stream.IntStream.range(0, n).boxed().toList());
            layer.setValue(n == 0 ? null : keep);
            Nodes.show(layer, n > 1);
        }
    }

    /** Text size of any net's view relative to normal (presentation mode enlarges it). */
    private double textScale = 1;

    /** Presentation mode: any net's view's text this many times larger (at most 1.4), 1 = normal. */
    void setPresentationScale(double s) {
        textScale = Math.min(s, 1.4);
        draw();
    }

    private void draw() {
        Unit h = highlight.get();
        plot = NeuronFigure.paint(new FxPen(canvas.getGraphicsContext2D(), images), drawn, canvas.getWidth(),
                canvas.getHeight(), h == null ? -1 : h.index(), true, textScale);
    }

    /** What the view shows now, as a figure of its size (null before its first frame). */
    public org.marginscope.render.Figure figure() {
        NeuronFigure.Frame d = drawn;
        double w = canvas.getWidth(), h = canvas.getHeight();
        return d == null || w < 1 || h < 1 ? null : NeuronFigure.figure(d, w, h);
    }

    void dispose() {
        timer.stop();
        worker.close();
    }
}
