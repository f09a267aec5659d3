package org.marginscope.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import org.marginscope.experiment.NeuronFigure;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.Contours;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.Palette;
import org.marginscope.data.Viewport;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingConfig;

/**
 * The original-space view: the network's class-probability shading and decision boundary (from the
 * render worker), the data points (train filled, test hollow), axes; and the data canvas: click to
 * add a point of the selected class, drag to spray, right-click (or the eraser) to remove, wheel to
 * zoom, middle-drag or Shift-drag to pan.
 */
public final class BoundaryView extends Region {
    public enum Tool { ADD, ERASE, MOVE }

    static final double LEFT = 52, BOTTOM = 34, TOP = 12, RIGHT = 14;
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
    private final AnimationTimer pulse;
    private WritableImage image;
    private volatile BoundaryFrame frame; // read by bench --ui from its own thread
    private long frameShownAt;
    private static final long SETTLE_NANOS = 200_000_000L;
    private final javafx.beans.property.BooleanProperty showLinearRegime =
            new javafx.beans.property.SimpleBooleanProperty(true);
    /** Points of the data inside Thm 5.1's cones when the overlay was last drawn: train, test (-1: none). */
    private int[] insideCones = {-1, -1};
    private boolean dirty = true;
    private boolean fieldDirty = true;
    private Snapshot requestedFor;
    private Viewport requestedViewport;
    private org.marginscope.render.FieldShading requestedShading;
    private final javafx.beans.property.BooleanProperty showConfidence =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.BooleanProperty showCompanions =
            new javafx.beans.property.SimpleBooleanProperty(true);
    private final LinearRegionsOverlay linearRegions = new LinearRegionsOverlay();
    private long framesShown;
    private double markerSize = 7;
    private double presentationScale = 1;
    private TwoPointOverlay.Reading twoPoint;
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
        // a scrub asks for its frame at once, not at the next pulse: one pulse less between drag and picture
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
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                tick();
                FxPulseMonitor.record("view", now, System.nanoTime() - t0);
            }
        };
        pulse.start();
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

    double presentationScale() {
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

    double plotW() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    double plotH() {
        return Math.max(1, canvas.getHeight() - TOP - ViewCanvas.bottomMargin(BOTTOM, axisFontSize()));
    }

    double sx(double x) {
        Bounds w = window.get();
        return LEFT + (x - w.xMin()) / w.width() * plotW();
    }

    double sy(double y) {
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

    // ---- the per-pulse work: ask for frames, take finished ones, redraw when needed ----

    private void tick() {
        requestFrame();
        Object par = parPrediction.get();
        if (par != parSeen) {
            parSeen = par;
            fieldDirty = true;
        }
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
        boolean running = session.trainer().isRunning() && session.live();
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
            if (s != requestedFor || !vp.equals(requestedViewport) || shading != requestedShading) {
                requestedFor = s;
                requestedViewport = vp;
                requestedShading = shading;
                renderer.request(new RenderService.Request(s.spec(), s, vp, running, shading, full,
                        session.dataset().classesWithPoints()));
            }
        }
    }

    /** Coarse grid while training (speed), about one sample per 2 pixels when paused (sharpness). */
    private Viewport viewport(boolean full) {
        double w = plotW(), h = plotH();
        int cells = full ? (int) Math.min(400, Math.max(w, h) / 2) : FAST_CELLS;
        double scale = cells / Math.max(w, h);
        return new Viewport(window.get(), Math.max(2, (int) Math.round(w * scale)), Math.max(2, (int) Math.round(h * scale)));
    }


    /** The bottom layer: background, the network's shading and its boundary, clipped to the plot. */
    private void drawField() {
        GraphicsContext g = field.getGraphicsContext2D();
        g.clearRect(0, 0, field.getWidth(), field.getHeight());
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW(), plotH());
        g.clip();
        g.setFill(Color.web("#f7f7f7"));
        g.fillRect(LEFT, TOP, plotW(), plotH());
        if (frame != null) {
            drawFrame(g);
            drawLinearRegime(g);
        }
        linearRegions.draw(g, this::sx, this::sy, new double[] {LEFT, TOP, plotW(), plotH()}, presentationScale);
        if (highlightedPlane != null) {
            g.setStroke(Color.rgb((NeuronFigure.HIGHLIGHT >> 16) & 0xFF, (NeuronFigure.HIGHLIGHT >> 8) & 0xFF,
                    NeuronFigure.HIGHLIGHT & 0xFF));
            g.setLineWidth(3 * presentationScale);
            g.setLineDashes();
            ViewCanvas.line(g, highlightedPlane[0], highlightedPlane[1], highlightedPlane[2], window.get(), this::sx,
                    this::sy);
        }
        twoPoint = TwoPointOverlay.read(session.dataset(), session.shown());
        if (twoPoint != null) {
            TwoPointOverlay.draw(g, twoPoint, window.get(), this::sx, this::sy, LEFT, TOP, presentationScale);
        }
        g.restore();
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

    /** What Nar's two-point overlay shows now (null when it does not apply). */
    TwoPointOverlay.Reading twoPoint() {
        return twoPoint;
    }

    private java.util.function.Supplier<org.marginscope.analysis.ParPrediction.Result> parPrediction = () -> null;
    private boolean parLineDrawn;
    private Object parSeen;

    /** Where Thm 6.2's prediction comes from when the neuron view has solved it (drawn with the overlay). */
    void followParPrediction(java.util.function.Supplier<org.marginscope.analysis.ParPrediction.Result> p) {
        parPrediction = p;
    }

    boolean parLineDrawn() {
        return parLineDrawn;
    }

    /** The line <p - q, (x, y[, 1])> = 0 across the window. */
    private void planeLine(GraphicsContext g, double[] p, double[] q, boolean constant) {
        ViewCanvas.line(g, p[0] - q[0], p[1] - q[1], constant ? p[2] - q[2] : 0, window.get(), this::sx, this::sy);
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

    int[] pointsInsideCones() {
        return insideCones.clone();
    }

    /**
     * Sarussi et al. Thm 5.1 on the plane: the linear classifier sign(&lt;w+ - w-, x&gt;) dashed, and the cones
     * where the theorem does not promise linearity (|cos(x, w+)| &lt;= R/|w+| or |cos(x, w-)| &lt;= R/|w-|)
     * hatched, with the number of training and test points inside. Only for Sarussi-shaped nets.
     */
    private void drawLinearRegime(GraphicsContext g) {
        insideCones = new int[] {-1, -1};
        parLineDrawn = false;
        Snapshot s = session.shown();
        if (!showLinearRegime.get() || s == null || s.spec() == null
                || !org.marginscope.analysis.NeuronClusters.appliesTo(s.spec(), s.parameters())) {
            return;
        }
        boolean constant = s.spec().appendConstantInput();
        var geo = org.marginscope.analysis.NeuronClusters.geometry(s.parameters());
        double[] wp = geo.wPos(), wn = geo.wNeg();
        double rp = geo.radius() / org.marginscope.analysis.NeuronClusters.norm(wp);
        double rn = geo.radius() / org.marginscope.analysis.NeuronClusters.norm(wn);
        double[] x = new double[constant ? 3 : 2];
        if (constant) {
            x[2] = 1;
        }
        // hatching: a short diagonal stroke on a 9 px lattice wherever the point is in a cone
        g.setStroke(Color.rgb(60, 60, 60, 0.45));
        g.setLineWidth(1);
        double step = 9;
        for (double py = TOP + step / 2; py < TOP + plotH(); py += step) {
            for (double px = LEFT + step / 2; px < LEFT + plotW(); px += step) {
                x[0] = dataX(px);
                x[1] = dataY(py);
                if (org.marginscope.analysis.NeuronClusters.inNonlinearRegime(x, wp, wn, rp, rn)) {
                    g.strokeLine(px - 3, py + 3, px + 3, py - 3);
                }
            }
        }
        // the linear classifier <w+ - w-, (x, y[, 1])> = 0
        g.setStroke(Color.web("#7a1fa2"));
        g.setLineWidth(2);
        g.setLineDashes(8, 6);
        planeLine(g, wp, wn, constant);
        // Thm 6.2: in PAR the net tends to s(<u,x>) - s(<v,x>), whose boundary (s increasing) is <u - v, x> = 0
        var par = parPrediction.get();
        if (par != null && par.separable() && par.u().length == wp.length) {
            g.setStroke(Color.web("#d55e00"));
            g.setLineDashes(2, 5);
            g.setLineWidth(2.5);
            planeLine(g, par.u(), par.v(), constant);
            parLineDrawn = true;
        }
        g.setLineDashes();
        var d = session.dataset();
        int[] counts = new int[2];
        for (int part = 0; part < 2; part++) {
            double[] pts = part == 0 ? d.trainX() : d.testX();
            int n = part == 0 ? d.size() : d.testSize();
            for (int i = 0; i < n && d.dim() == 2; i++) {
                x[0] = pts[2 * i];
                x[1] = pts[2 * i + 1];
                counts[part] += org.marginscope.analysis.NeuronClusters.inNonlinearRegime(x, wp, wn, rp, rn) ? 1 : 0;
            }
        }
        insideCones = counts;
        String hatched = "hatched = no linearity guarantee: " + counts[0] + " train"
                + (d.testSize() > 0 ? ", " + counts[1] + " test" : "") + " points inside";
        String[] lines = parLineDrawn
                ? new String[] {"Sarussi Thm 5.1: dashed = the linear classifier <w+ \u2212 w\u2212, x>", hatched,
                    "dotted orange = Thm 6.2's predicted boundary"}
                : new String[] {"Sarussi Thm 5.1: dashed = the linear classifier <w+ \u2212 w\u2212, x>", hatched};
        javafx.scene.text.Font font = javafx.scene.text.Font.font(11);
        double tw = 0;
        for (String line : lines) {
            tw = Math.max(tw, ViewCanvas.textWidth(line, font));
        }
        g.setFont(font);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRect(LEFT + 4, TOP + 4, tw + 8, 4 + 14 * lines.length);
        g.setFill(Color.web("#4a148c"));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], LEFT + 8, TOP + 6 + 14 * i);
        }
    }

    /** The top layer: margins, points and axes (transparent over the plot). */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, TOP);
        g.fillRect(0, TOP + plotH(), w, h - TOP - plotH());
        g.fillRect(0, TOP, LEFT, plotH());
        g.fillRect(LEFT + plotW(), TOP, w - LEFT - plotW(), plotH());
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW(), plotH());
        g.clip();
        drawPoints(g);
        g.restore();
        drawAxes(g);
    }

    private void drawFrame(GraphicsContext g) {
        Viewport vp = frame.viewport();
        if (image == null || (int) image.getWidth() != vp.nx() || (int) image.getHeight() != vp.ny()) {
            image = new WritableImage(vp.nx(), vp.ny());
        }
        image.getPixelWriter().setPixels(0, 0, vp.nx(), vp.ny(), PixelFormat.getIntArgbPreInstance(), frame.argb(), 0,
                vp.nx());
        Bounds b = vp.bounds();
        // samples sit on the bounds' edges: extend by half a cell so pixel centres land on them
        double cw = b.width() / (vp.nx() - 1), ch = b.height() / (vp.ny() - 1);
        double x0 = sx(b.xMin() - cw / 2), x1 = sx(b.xMax() + cw / 2);
        double y0 = sy(b.yMax() + ch / 2), y1 = sy(b.yMin() - ch / 2);
        g.setImageSmoothing(true);
        g.drawImage(image, x0, y0, x1 - x0, y1 - y0);
        if (showCompanions.get()) {
            CompanionStyle.drawBoundaries(g, frame.companions(), this::sx, this::sy);
        }
        g.setStroke(Color.web("#222222"));
        g.setLineWidth(2.2 * presentationScale);
        // one path of all the contour's little segments: one shape to rasterise, not hundreds (a repaint
        // of this canvas took 56-68 ms in JavaFX's software pipeline with a stroke per segment)
        g.beginPath();
        for (Contours.Segment s : frame.boundary()) {
            g.moveTo(sx(s.x0()), sy(s.y0()));
            g.lineTo(sx(s.x1()), sy(s.y1()));
        }
        g.stroke();
        if (showCompanions.get() && !frame.companions().isEmpty()) {
            TrainingConfig c = session.configProperty().get();
            double k = Math.min(presentationScale, 1.6); // legends grow with presentation mode's text
            g.save();
            g.translate(LEFT + 8, TOP + plotH() - 8);
            g.scale(k, k);
            CompanionStyle.drawLegend(g, "this network" + (c == null ? "" : " (" + c.loss().id().replace('_', '-') + ")"),
                    frame.companions(), 0, 0);
            g.restore();
        }
        if (frame.shading() == org.marginscope.render.FieldShading.CONFIDENCE) {
            double k = Math.min(presentationScale, 1.6);
            g.save();
            g.translate(LEFT + plotW() - 150 * k, TOP + plotH() - 34 * k);
            g.scale(k, k);
            CompanionStyle.drawConfidenceBar(g, 0, 0);
            g.restore();
        }
    }

    /** More points than this are drawn as an even sample (the count is shown in the corner). */
    static final int MAX_DRAWN = 20_000;

    private void drawPoints(GraphicsContext g) {
        Dataset d = session.dataset();
        if (d == null) {
            return;
        }
        if (d.dim() != 2) {
            g.setFill(Color.web("#444444"));
            g.setFont(Font.font(15));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("These data have " + d.dim() + " features; the original-space view draws 2.\n"
                    + "The network trains on all of them (see the charts).", LEFT + plotW() / 2, TOP + plotH() / 2);
            return;
        }
        int total = d.size() + d.testSize();
        int stride = Math.max(1, (int) Math.ceil(total / (double) MAX_DRAWN));
        for (int i = 0; i < d.size(); i += stride) {
            Markers.draw(g, d.trainLabel(i), sx(d.trainCoord(i, 0)), sy(d.trainCoord(i, 1)), markerSize, true);
        }
        for (int i = 0; i < d.testSize(); i += stride) {
            Markers.draw(g, d.testLabel(i), sx(d.testCoord(i, 0)), sy(d.testCoord(i, 1)), markerSize, false);
        }
        if (stride > 1) {
            g.setFill(Color.web("#333333"));
            g.setFont(Font.font(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.format(java.util.Locale.ROOT, "showing every %d. point of %,d", stride, total),
                    LEFT + 6, TOP + 4);
        }
        for (double[] p : strokePoints) {
            Markers.draw(g, (int) p[2], sx(p[0]), sy(p[1]), markerSize, true);
        }
    }

    private void drawAxes(GraphicsContext g) {
        Bounds w = window.get();
        g.setStroke(Color.web("#444444"));
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, plotW(), plotH());
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(axisFontSize()));
        int nxTicks = Math.max(2, (int) (plotW() / 90));
        int nyTicks = Math.max(2, (int) (plotH() / 60));
        double stepX = NiceTicks.step(w.xMin(), w.xMax(), nxTicks), stepY = NiceTicks.step(w.yMin(), w.yMax(), nyTicks);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(w.xMin(), w.xMax(), nxTicks)) {
            double x = sx(t);
            g.strokeLine(x, TOP + plotH(), x, TOP + plotH() + 5);
            g.fillText(NiceTicks.label(t, stepX), x, TOP + plotH() + 7);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : NiceTicks.ticks(w.yMin(), w.yMax(), nyTicks)) {
            double y = sy(t);
            g.strokeLine(LEFT - 5, y, LEFT, y);
            g.fillText(NiceTicks.label(t, stepY), LEFT - 7, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x\u2081", LEFT + plotW() / 2, canvas.getHeight() - 1);
        g.save();
        g.translate(12, TOP + plotH() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("x\u2082", 0, 0);
        g.restore();
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

    /** Stops the pulse timer (window closing). */
    public void dispose() {
        pulse.stop();
        linearRegions.dispose();
    }

    Canvas canvas() {
        return canvas;
    }

    /** The view as drawn (both layers), for tests and export. */
    javafx.scene.image.WritableImage snapshotImage() {
        return snapshot(null, null);
    }
}
