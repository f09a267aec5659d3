package org.marginscope.ui.views;

import org.marginscope.ui.fx.FxTicker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import org.marginscope.experiment.NeuronFigure;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.LinearRegime;
import org.marginscope.render.OriginalPainter;
import org.marginscope.render.TwoPointLimit;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingConfig;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.FxPulseMonitor;

/**
 * The original-space view: the network's class-probability shading and decision boundary (from the
 * render worker), the data points (train filled, test hollow), axes; and the data canvas: click to
 * add a point of the selected class, drag to spray, right-click (or the eraser) to remove, wheel to
 * zoom, middle-drag or Shift-drag to pan.
 */
public final class BoundaryView extends Region {
    public enum Tool { ADD, ERASE, MOVE }

    public static final double LEFT = 52, BOTTOM = 34, TOP = 12, RIGHT = 14;
    private static final double ERASE_RADIUS_PX = 10;
    private static final int FAST_CELLS = 128;

    private final Session session;
    private final RenderService renderer;
    /** The network's picture (shading and boundary): redrawn for every new frame. */
    private final Canvas field = new Canvas();
    /** Points, axes and frame on top: redrawn only when data, window or size change. */
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.ADD);
    private final IntegerProperty selectedClass = new SimpleIntegerProperty(0);
    private final ObjectProperty<Bounds> window = new SimpleObjectProperty<>();
    private final Random spray = new Random(1);
    private final FxTicker ticker;
    /** The frame's images uploaded once (the field is redrawn for overlays without a new frame). */
    private final java.util.Map<int[], WritableImage> images = FxPen.imageCache();
    private volatile BoundaryFrame frame; // read by bench --ui from its own thread
    private long frameShownAt;
    private static final long SETTLE_NANOS = 200_000_000L;
    private final javafx.beans.property.BooleanProperty showLinearRegime =
            new javafx.beans.property.SimpleBooleanProperty(true);
    private boolean dirty = true;
    private boolean fieldDirty = true;
    private Snapshot requestedFor;
    private Viewport requestedViewport;
    private org.marginscope.render.FieldShading requestedShading;
    private Dataset requestedData;
    private org.marginscope.analysis.ParPrediction.Result requestedPar;
    private int[] requestedPixels;
    private final javafx.beans.property.BooleanProperty showConfidence =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.BooleanProperty showCompanions =
            new javafx.beans.property.SimpleBooleanProperty(true);
    private final LinearRegionsOverlay linearRegions = new LinearRegionsOverlay();
    /** Written on the FX thread, read by the benchmark and the status bar (volatile: the benchmark polls it). */
    private volatile long framesShown;
    private double markerSize = 7;
    private double presentationScale = 1;
    /** The training point the move tool holds (-1: none). */
    private int moving = -1;
    private Dataset movingIn;
    private static final double GRAB_RADIUS_PX = 12;

    // stroke state
    private final List<double[]> strokePoints = new ArrayList<>();
    private double lastSprayX = Double.NaN, lastSprayY = Double.NaN;
    private double panStartX, panStartY;
    private Bounds panStartWindow;
    private boolean panning;
    private long stroke;

    public BoundaryView(Session session, RenderService renderer) {
        this.session = session;
        this.renderer = renderer;
        getChildren().addAll(field, canvas);
        getStyleClass().add("boundary-view");
        setMinSize(200, 160);
        setPrefSize(640, 520);
        session.datasetProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.dim() != b.dim() || !sameSource(a, b)) {
                resetWindow();
            }
            dirty = true;
            fieldDirty = true; // overlays read off the data (Nar's two points) follow a drag at once
        });
        session.onReset(() -> {
            frame = null;
            requestedFor = null;
            dirty = true;
            fieldDirty = true;
        });
        window.addListener((o, a, b) -> {
            dirty = true;
            fieldDirty = true;
        });
        showLinearRegime.addListener((o, a, b) -> fieldDirty = true);
        showCompanions.addListener((o, a, b) -> fieldDirty = true);
        linearRegions.showProperty().addListener((o, a, b) -> {
            linearRegions.reset();
            fieldDirty = true;
        });
        showConfidence.addListener((o, a, b) -> requestedFor = null);
        // a scrub asks for its frame at once, not at the next tick: one tick less between drag and picture
        session.viewedProperty().addListener((o, a, b) -> requestFrame());
        widthProperty().addListener((o, a, b) -> {
            dirty = true;
            fieldDirty = true;
        });
        heightProperty().addListener((o, a, b) -> {
            dirty = true;
            fieldDirty = true;
        });
        resetWindow();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        // what a press, drag or the wheel changed is drawn at once, not at the next of the ticker's 30 a second
        canvas.addEventHandler(MouseEvent.ANY, e -> FxTicker.nudge());
        canvas.addEventHandler(ScrollEvent.ANY, e -> FxTicker.nudge());
        ticker = new FxTicker() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                tick();
                FxPulseMonitor.record("view", now, System.nanoTime() - t0);
            }
        };
        ticker.start();
    }

    private static boolean sameSource(Dataset a, Dataset b) {
        return a.name().equals(b.name());
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public IntegerProperty selectedClassProperty() {
        return selectedClass;
    }

    public ObjectProperty<Bounds> windowProperty() {
        return window;
    }

    public long framesShown() {
        return framesShown;
    }

    public BoundaryFrame currentFrame() {
        return frame;
    }

    public void setMarkerSize(double px) {
        markerSize = px;
        dirty = true;
    }

    /** Presentation mode: markers, the boundary and the axis labels this many times larger (1 = normal). */
    public void setPresentationScale(double s) {
        presentationScale = s;
        setMarkerSize(7 * s);
    }

    private double axisFontSize() {
        return ViewCanvas.axisFontSize(presentationScale);
    }

    public double presentationScale() {
        return presentationScale;
    }

    /** Fits the window to the data (or the generator's domain), with a margin. */
    public void resetWindow() {
        Dataset d = session.dataset();
        if (d == null || d.dim() != 2) {
            window.set(new Bounds(-1, 1, -1, 1));
            return;
        }
        Bounds b = d.groundTruth().map(g -> g.domain()).orElse(null);
        if (d.size() + d.testSize() > 0) {
            Bounds e = d.extent(0);
            b = b == null ? e : union(b, e);
        }
        if (b == null) {
            b = new Bounds(-1, 1, -1, 1);
        }
        double mx = 0.06 * b.width(), my = 0.06 * b.height();
        window.set(new Bounds(b.xMin() - mx, b.xMax() + mx, b.yMin() - my, b.yMax() + my));
    }

    private static Bounds union(Bounds a, Bounds b) {
        return new Bounds(Math.min(a.xMin(), b.xMin()), Math.max(a.xMax(), b.xMax()),
                Math.min(a.yMin(), b.yMin()), Math.max(a.yMax(), b.yMax()));
    }

    @Override
    protected void layoutChildren() {
        for (Canvas c : new Canvas[] {field, canvas}) {
            c.setWidth(Math.max(1, getWidth()));
            c.setHeight(Math.max(1, getHeight()));
        }
    }

    // ---- coordinates ----

    public double plotW() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    public double plotH() {
        return Math.max(1, canvas.getHeight() - TOP - ViewCanvas.bottomMargin(BOTTOM, axisFontSize()));
    }

    public double sx(double x) {
        Bounds w = window.get();
        return LEFT + (x - w.xMin()) / w.width() * plotW();
    }

    public double sy(double y) {
        Bounds w = window.get();
        return TOP + (w.yMax() - y) / w.height() * plotH();
    }

    double dataX(double px) {
        Bounds w = window.get();
        return w.xMin() + (px - LEFT) / plotW() * w.width();
    }

    double dataY(double py) {
        Bounds w = window.get();
        return w.yMax() - (py - TOP) / plotH() * w.height();
    }

    // ---- the per-tick work: ask for frames, take finished ones, redraw when needed ----

    private void tick() {
        requestFrame();
        linearRegions.request(session.shown(), window.get(), (int) Math.round(plotW()), (int) Math.round(plotH()),
                presentationScale);
        if (linearRegions.take()) {
            fieldDirty = true;
        }
        BoundaryFrame f = renderer.take();
        if (f != null) {
            if (frame == null || frame.step() != f.step()) {
                frameShownAt = System.nanoTime();
            }
            frame = f;
            framesShown++;
            fieldDirty = true;
        }
        if (fieldDirty) {
            fieldDirty = false;
            drawField();
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    /** Asks the render worker for the shown snapshot's frame, unless that frame is already asked for. */
    private void requestFrame() {
        Snapshot s = session.shown();
        boolean running = session.trainer().isTraining() && session.live(); // paced while it trains
        // the snapshot carries its own spec: weights are never drawn with another architecture
        if (s != null && s.spec() != null && session.dataset().dim() == 2 && s.spec().inputDim() == 2) {
            boolean full = !running;
            if (!session.live() && (frame == null || frame.step() != s.step()
                    || System.nanoTime() - frameShownAt < SETTLE_NANOS)) {
                // a scrub: the coarse field first (a few ms); the full one once the scrub has rested a
                // moment, so it neither competes with the transformed view's frame nor renders while dragging
                full = false;
            }
            Viewport vp = viewport(full);
            org.marginscope.render.FieldShading shading = showConfidence.get()
                    ? org.marginscope.render.FieldShading.CONFIDENCE : org.marginscope.render.FieldShading.PROBABILITY;
            // the overlays are the frame's too: data moved under the same snapshot (Nar's two points) ask again
            Dataset data = session.dataset();
            var par = parPrediction.get();
            int[] pixels = fieldPixels();
            if (s != requestedFor || !vp.equals(requestedViewport) || shading != requestedShading
                    || data != requestedData || par != requestedPar || !java.util.Arrays.equals(pixels, requestedPixels)) {
                requestedPixels = pixels;
                requestedFor = s;
                requestedViewport = vp;
                requestedShading = shading;
                requestedData = data;
                requestedPar = par;
                renderer.request(new RenderService.Request(s.spec(), s, vp, running, shading, full,
                        data.classesWithPoints(), data, par, pixels[0], pixels[1]));
            }
        }
    }

    /**
     * The plot's size in pixels for the worker to resample the field to ({@link OriginalPainter} copies them where
     * they fit), or 0 x 0 on a scaled screen (HiDPI), where a copy would be scaled again and the grid is scaled as
     * before.
     */
    private int[] fieldPixels() {
        var win = getScene() == null ? null : getScene().getWindow();
        boolean unscaled = win == null || (win.getOutputScaleX() == 1 && win.getOutputScaleY() == 1);
        return unscaled ? OriginalPainter.pixelSize(plotW(), plotH()) : new int[] {0, 0};
    }

    /** Coarse grid while training (speed), about one sample per 2 pixels when paused (sharpness). */
    private Viewport viewport(boolean full) {
        double w = plotW(), h = plotH();
        int cells = full ? (int) Math.min(400, Math.max(w, h) / 2) : renderer.trainingCells(FAST_CELLS);
        double scale = cells / Math.max(w, h);
        return new Viewport(window.get(), Math.max(2, (int) Math.round(w * scale)), Math.max(2, (int) Math.round(h * scale)));
    }


    /** The plot's place on the canvas and the window it shows. */
    private OriginalPainter.PlotArea plotArea() {
        return new OriginalPainter.PlotArea(LEFT, TOP, plotW(), plotH(), window.get());
    }

    private OriginalPainter.Style style() {
        TrainingConfig c = session.configProperty().get();
        return new OriginalPainter.Style(showCompanions.get(), showLinearRegime.get(), presentationScale,
                "this network" + (c == null ? "" : " (" + c.loss().id().replace('_', '-') + ")"));
    }

    /**
     * The bottom layer: the frame as {@link OriginalPainter} paints it (shading, boundaries, overlays), the linear
     * regions' edges where shown, then what is the screen's alone: the neuron view's highlighted unit.
     */
    private void drawField() {
        GraphicsContext g = field.getGraphicsContext2D();
        g.clearRect(0, 0, field.getWidth(), field.getHeight());
        FxPen pen = new FxPen(g, images);
        OriginalPainter.field(pen, plotArea(), frame, style());
        var edges = linearRegions.edges();
        if (edges != null) {
            OriginalPainter.edges(pen, plotArea(), edges, presentationScale);
        }
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW(), plotH());
        g.clip();
        if (highlightedPlane != null) {
            g.setStroke(Color.rgb((NeuronFigure.HIGHLIGHT >> 16) & 0xFF, (NeuronFigure.HIGHLIGHT >> 8) & 0xFF,
                    NeuronFigure.HIGHLIGHT & 0xFF));
            g.setLineWidth(3 * presentationScale);
            g.setLineDashes();
            ViewCanvas.line(g, highlightedPlane[0], highlightedPlane[1], highlightedPlane[2], window.get(), this::sx,
                    this::sy);
        }
        g.restore();
    }

    /** What the view shows now (frame, overlays, points, axes), as a figure of its size (null before its first frame). */
    public org.marginscope.render.Figure figure() {
        BoundaryFrame f = frame == null ? null : frame.gridOnly(); // a figure scales the grid, not the screen's pixels
        double w = canvas.getWidth(), h = canvas.getHeight();
        return f == null || w < 1 || h < 1 ? null : OriginalPainter.figure(w, h, plotArea(), f, style(),
                linearRegions.edges(), session.dataset(), markerSize, axisFontSize());
    }

    /** The neuron view's highlighted unit's hyperplane (a, b, c): a x + b y + c = 0; null: none. */
    private double[] highlightedPlane;

    /** Draws a first-layer unit's hyperplane a x + b y + c = 0 over the view (null: none). */
    void highlightPlane(double[] abc) {
        if (!java.util.Arrays.equals(abc, highlightedPlane)) {
            highlightedPlane = abc == null ? null : abc.clone();
            fieldDirty = true;
        }
    }

    /** The hyperplane drawn for the neuron view's highlighted unit (null: none). */
    double[] highlightedPlane() {
        return highlightedPlane == null ? null : highlightedPlane.clone();
    }

    /** What Nar's two-point overlay shows now: the frame's (null when it does not apply). */
    public TwoPointLimit twoPoint() {
        BoundaryFrame f = frame;
        return f == null ? null : f.twoPoint();
    }

    private java.util.function.Supplier<org.marginscope.analysis.ParPrediction.Result> parPrediction = () -> null;

    /** Where Thm 6.2's prediction comes from when the neuron view has solved it (drawn with the overlay). */
    void followParPrediction(java.util.function.Supplier<org.marginscope.analysis.ParPrediction.Result> p) {
        parPrediction = p;
    }

    /** Whether Sarussi's overlay draws Thm 6.2's predicted boundary now. */
    boolean parLineDrawn() {
        LinearRegime r = shownRegime();
        return r != null && r.parLine() != null;
    }

    /** The frame's Sarussi overlay when it is shown (null: off, or not a Sarussi net). */
    private LinearRegime shownRegime() {
        BoundaryFrame f = frame;
        return f == null || !showLinearRegime.get() ? null : f.linearRegime();
    }

    /** Nar Remark 2: shade the plane by the confidence max_c p(c|x) on a fixed 50%..100% scale. */
    public javafx.beans.property.BooleanProperty showConfidenceProperty() {
        return showConfidence;
    }

    /** Draw the boundaries of the networks trained beside the main one (ensemble copies, other losses). */
    public javafx.beans.property.BooleanProperty showCompanionsProperty() {
        return showCompanions;
    }

    /** Draw the edges of the network's linear regions over the view (ReLU-type hidden layers). */
    public javafx.beans.property.BooleanProperty showLinearRegionsProperty() {
        return linearRegions.showProperty();
    }

    /** What the linear-regions overlay draws now (null while it is off or before its first result). */
    LinearRegionsOverlay.Result linearRegions() {
        return linearRegions.current();
    }

    /** The bottom layer alone (shading, boundary, overlays; no points), for tests. */
    Canvas fieldCanvas() {
        return field;
    }

    public javafx.beans.property.BooleanProperty showLinearRegimeProperty() {
        return showLinearRegime;
    }

    /** Points of the data inside Thm 5.1's cones as drawn now: train, test (-1: none drawn). */
    int[] pointsInsideCones() {
        LinearRegime r = shownRegime();
        return r == null ? new int[] {-1, -1} : r.inside();
    }

    /** The top layer: points over the plot (transparent between them), white margins, frame and axes. */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        FxPen pen = new FxPen(g, images);
        OriginalPainter.points(pen, plotArea(), session.dataset(), markerSize, strokePoints);
        OriginalPainter.axes(pen, plotArea(), w, h, axisFontSize());
    }

    // ---- editing, panning, zooming ----

    private boolean inPlot(double px, double py) {
        return px >= LEFT && px <= LEFT + plotW() && py >= TOP && py <= TOP + plotH();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown())) {
            panning = true;
            panStartX = e.getX();
            panStartY = e.getY();
            panStartWindow = window.get();
            return;
        }
        if (!inPlot(e.getX(), e.getY()) || session.dataset().dim() != 2) {
            return;
        }
        stroke++;
        if (e.getButton() == MouseButton.PRIMARY && tool.get() == Tool.MOVE) {
            moving = nearestTrainPoint(e.getX(), e.getY());
            movingIn = session.dataset();
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || (e.getButton() == MouseButton.PRIMARY && tool.get() == Tool.ERASE)) {
            eraseNear(e.getX(), e.getY(), e.getButton() == MouseButton.SECONDARY);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            strokePoints.clear();
            strokePoints.add(new double[] {dataX(e.getX()), dataY(e.getY()), selectedClass.get()});
            lastSprayX = e.getX();
            lastSprayY = e.getY();
            dirty = true;
        }
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            Bounds b = panStartWindow;
            double dx = (e.getX() - panStartX) / plotW() * b.width();
            double dy = (e.getY() - panStartY) / plotH() * b.height();
            window.set(new Bounds(b.xMin() - dx, b.xMax() - dx, b.yMin() + dy, b.yMax() + dy));
            return;
        }
        if (moving >= 0 && session.dataset() != movingIn && !sameSource(session.dataset(), movingIn)) {
            moving = -1; // the data were replaced under the drag (a preset, an undo): the drag ends
        }
        if (moving >= 0 && moving >= session.dataset().size()) {
            moving = -1;
        }
        if (moving >= 0) {
            double px = Math.max(LEFT, Math.min(LEFT + plotW(), e.getX())), py = Math.max(TOP, Math.min(TOP + plotH(), e.getY()));
            // one drag = one undoable edit; the trainer follows the points as they move
            session.editData(session.dataset().withTrainPointMoved(moving, new double[] {dataX(px), dataY(py)}), stroke);
        } else if (e.getButton() == MouseButton.PRIMARY && tool.get() == Tool.ERASE) {
            eraseNear(e.getX(), e.getY(), false);
        } else if (e.getButton() == MouseButton.PRIMARY && !strokePoints.isEmpty()) {
            if (Math.hypot(e.getX() - lastSprayX, e.getY() - lastSprayY) >= 6) {
                // spray: a few points scattered around the cursor
                for (int i = 0; i < 2; i++) {
                    double px = e.getX() + spray.nextGaussian() * 6, py = e.getY() + spray.nextGaussian() * 6;
                    if (inPlot(px, py)) {
                        strokePoints.add(new double[] {dataX(px), dataY(py), selectedClass.get()});
                    }
                }
                lastSprayX = e.getX();
                lastSprayY = e.getY();
                dirty = true;
            }
        }
    }

    private void released(MouseEvent e) {
        moving = -1;
        if (panning) {
            panning = false;
            return;
        }
        if (!strokePoints.isEmpty()) {
            double[] xy = new double[2 * strokePoints.size()];
            int[] labels = new int[strokePoints.size()];
            for (int i = 0; i < labels.length; i++) {
                xy[2 * i] = strokePoints.get(i)[0];
                xy[2 * i + 1] = strokePoints.get(i)[1];
                labels[i] = (int) strokePoints.get(i)[2];
            }
            strokePoints.clear();
            session.editData(session.dataset().withPoints(xy, labels));
        }
    }

    /** The training point nearest to the cursor within the grab radius, or -1. */
    private int nearestTrainPoint(double px, double py) {
        Dataset d = session.dataset();
        int best = -1;
        double bestDist = GRAB_RADIUS_PX;
        for (int i = 0; i < d.size(); i++) {
            double dist = Math.hypot(sx(d.trainCoord(i, 0)) - px, sy(d.trainCoord(i, 1)) - py);
            if (dist <= bestDist) {
                bestDist = dist;
                best = i;
            }
        }
        return best;
    }

    /** Removes the point under the cursor (nearest within 10 px); with {@code single} only that one, else all within the radius. */
    private void eraseNear(double px, double py, boolean single) {
        Dataset d = session.dataset();
        Set<Integer> train = new HashSet<>(), test = new HashSet<>();
        double best = ERASE_RADIUS_PX;
        int bestIdx = -1;
        boolean bestTest = false;
        for (int i = 0; i < d.size() + d.testSize(); i++) {
            boolean isTest = i >= d.size();
            int k = isTest ? i - d.size() : i;
            double x = isTest ? d.testCoord(k, 0) : d.trainCoord(k, 0), y = isTest ? d.testCoord(k, 1) : d.trainCoord(k, 1);
            double dist = Math.hypot(sx(x) - px, sy(y) - py);
            if (dist <= ERASE_RADIUS_PX && !single) {
                (isTest ? test : train).add(k);
            }
            if (dist <= best) {
                best = dist;
                bestIdx = k;
                bestTest = isTest;
            }
        }
        if (single && bestIdx >= 0) {
            (bestTest ? test : train).add(bestIdx);
        }
        if (!train.isEmpty() || !test.isEmpty()) {
            session.editData(d.withoutPoints(train, test), stroke); // one drag of the eraser = one undo step
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        // one wheel notch (deltaY / multiplierY) zooms by 10%; wheel up (positive) zooms in
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : e.getDeltaY() / 40;
        zoomAt(e.getX(), e.getY(), Math.pow(0.9, notches));
    }

    /** Scales the window by f around the screen point (px, py); f < 1 zooms in. */
    public void zoomAt(double px, double py, double f) {
        double cx = dataX(px), cy = dataY(py);
        Bounds b = window.get();
        double w = b.width() * f, h = b.height() * f;
        if (w < 1e-9 || h < 1e-9 || w > 1e9 || h > 1e9) {
            return;
        }
        double fx = (cx - b.xMin()) / b.width(), fy = (cy - b.yMin()) / b.height();
        window.set(new Bounds(cx - fx * w, cx + (1 - fx) * w, cy - fy * h, cy + (1 - fy) * h));
    }

    /** Stops the ticker (window closing). */
    public void dispose() {
        ticker.stop();
        linearRegions.dispose();
    }

    Canvas canvas() {
        return canvas;
    }

    /** The view as drawn (both layers), for tests and export. */
    public javafx.scene.image.WritableImage snapshotImage() {
        return snapshot(null, null);
    }
}
