package org.marginscope.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginscope.analysis.GradientField;
import org.marginscope.analysis.PartialBackprop;
import org.marginscope.analysis.UnitMaps;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;
import org.marginscope.model.Loss;
import org.marginscope.render.Contours;
import org.marginscope.render.FieldColours;
import org.marginscope.render.Pen;
import org.marginscope.train.Snapshot;

/**
 * The Regions tab's frames and their painting, for the window (ui.RegionsView) and the command line's
 * exports alike: van den Berg's unit maps (every unit's output over the plane, transition region and centre
 * contour), the gradient-localisation heatmaps, Fig 17's partial backpropagation, and the exact linear
 * regions ({@link LinearRegionsFigure}).
 */
public final class RegionsFigure {
    private RegionsFigure() {
    }

    /**
     * What a frame is computed for: the snapshot, the mode, a weight scale gamma (view only), one colour scale
     * for every heatmap ({@code shared}), the plane's window, the enlarged panel {row, index} or null, and Sec
     * 5.3's thresholds t_1 (layer 1) and t_2 (the later layers below the output).
     */
    public record Ask(Snapshot snapshot, Mode mode, double gamma, boolean shared, Bounds bounds, int[] enlarged,
                      double t1, double t2) {
    }

    /** The unit maps of snapshot s over the window, as the tab's default mode draws them (worker thread). */
    public static Frame unitMaps(Snapshot s, Bounds window) {
        return compute(new Ask(s, Mode.UNITS, 1, true, window, null, PartialBackprop.PAPER_THRESHOLD_LAYER1,
                PartialBackprop.PAPER_THRESHOLD_LAYER2), null, null);
    }

    /**
     * The exact linear regions of snapshot s over the window, shaded by slope, for a w x h page with text k times
     * its size (worker thread); words instead where the net has none to draw.
     */
    public static Frame linearRegions(Snapshot s, Bounds window, Dataset data, double w, double h, double k) {
        var shading = org.marginscope.render.RegionRaster.Shading.SLOPE;
        String why = s.spec().inputDim() != 2 ? "These views draw the plane: the data have " + s.spec().inputDim()
                + " features." : LinearRegionsFigure.unsupported(s);
        if (why != null) {
            return Frame.linear(s, window, new LinearRegionsFigure.Shown(null, null, shading, 0, why));
        }
        double[] plot = LinearRegionsFigure.plot(window, w, h, k);
        return Frame.linear(s, window, LinearRegionsFigure.shown(LinearRegionsFigure.regions(s, window), data,
                plot == null ? 1 : (int) plot[2], plot == null ? 1 : (int) plot[3], shading));
    }

    /** A w x h figure of the frame, as an export writes it (no hints about clicking). */
    public static org.marginscope.render.Figure figure(Frame f, Dataset data, double w, double h, double k) {
        return org.marginscope.render.Java2DPen.figure(w, h, g -> paint(g, f, data, w, h, null, k));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    public enum Mode {
        UNITS("Unit maps", ViewId.UNITS), GRAD_WEIGHTS("Gradient heatmaps: weights", ViewId.GRADIENTS),
        GRAD_BIASES("Gradient heatmaps: biases", ViewId.GRADIENT_BIASES),
        PARTIAL("Partial backpropagation (Fig 17)", ViewId.PARTIAL_BACKPROP),
        LINEAR("Linear regions (exact)", ViewId.LINEAR_REGIONS);

        private final String title;
        private final ViewId view;

        Mode(String title, ViewId view) {
            this.title = title;
            this.view = view;
        }

        /** The view this mode is, as tour steps and {@code --regions-mode} name it. */
        public ViewId view() {
            return view;
        }

        public static Mode of(ViewId view) {
            for (Mode m : values()) {
                if (m.view == view) {
                    return m;
                }
            }
            throw new IllegalArgumentException("not a mode of the Regions tab: " + view);
        }

        /** The mode {@code --regions-mode} names; a name that is none is refused, the modes named. */
        public static Mode byViewName(String name) {
            return of(ViewId.parse(name).filter(v -> v.tab() == ViewId.Tab.REGIONS).orElseThrow(() ->
                    new IllegalArgumentException("not a mode of the Regions tab: '" + name + "' (one of "
                            + ViewId.names(ViewId.inTab(ViewId.Tab.REGIONS)) + ")")));
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** Grid samples per side: thumbnails, heatmaps, an enlarged panel. */
    public static final int UNIT_RES = 64, GRAD_RES = 128, BIG_RES = 256, MAX_UNITS_SHOWN = 48;

    /** One panel ready to draw: its pixels (top row first), contour segments in grid units, caption. */
    public record Panel(String caption, int res, int[] argb, List<Contours.Segment> centre, List<Contours.Segment> band,
                 double value) {
    }

    /**
     * What one frame shows ({@code partial}: Fig 17's regions, in that mode only; {@code linear}: the exact
     * linear regions, in that mode only).
     */
    public record Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
                 String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged,
                 PartialBackprop.Result partial, LinearRegionsFigure.Shown linear) {
        public Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
              String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged) {
            this(snapshot, mode, gamma, bounds, rows, rowTitles, note, why, gradients, units, enlarged, null, null);
        }

        public Frame(Snapshot snapshot, Mode mode, double gamma, Bounds bounds, List<List<Panel>> rows, List<String> rowTitles,
              String note, String why, GradientField.Result gradients, UnitMaps.Result units, int[] enlarged,
              PartialBackprop.Result partial) {
            this(snapshot, mode, gamma, bounds, rows, rowTitles, note, why, gradients, units, enlarged, partial, null);
        }

        /** The linear-regions frame (the regions of the model itself: no weight scale, no enlarged panel). */
        public static Frame linear(Snapshot snapshot, Bounds bounds, LinearRegionsFigure.Shown shown) {
            return new Frame(snapshot, Mode.LINEAR, 1, bounds, List.of(), List.of(), null, null, null, null, null, null,
                    shown);
        }
    }

    /**
     * Fig 17's cells by the lowest layer their error reaches: the first layer (bluish green), the second
     * (reddish purple, lighter), a later one (yellow), or only the output layer (white). Okabe-Ito hues that
     * are not the two class colours.
     */
    public static final int REACH_FIRST = 0xFF4DB89A, REACH_SECOND = 0xFFE7B9D2, REACH_LATER = 0xFFF6EFA0,
            REACH_OUTPUT_ONLY = 0xFFFFFFFF;

    public static Frame compute(Ask r, org.marginscope.data.Dataset data, Loss loss) {
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
    private static Frame partial(Ask r, org.marginscope.data.Dataset data, Loss loss, Viewport vp) {
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
    public static String shares(PartialBackprop.Result p, PartialBackprop.Norm norm) {
        StringBuilder sb = new StringBuilder();
        for (int layer = p.layers() - 1; layer >= 1; layer--) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "layer %d: %.1f%%", layer,
                    100 * p.share(norm, layer)));
        }
        return sb.toString();
    }

    /** The summary line under the panels. */
    public static String summaryOf(PartialBackprop.Result p) {
        if (p.layers() < 2) {
            return "A one-layer net: there is no lower layer to backpropagate to.";
        }
        return "Share of the plane whose error is backpropagated to each layer: Frobenius bound (Eq 14) "
                + shares(p, PartialBackprop.Norm.FROBENIUS) + ";  largest-entry bound (Eq 15) "
                + shares(p, PartialBackprop.Norm.ELEMENTWISE) + ".";
    }

    public static int reachColour(int reach, int layers) {
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

    /**
     * The view of frame f on a w x h page: on screen, and unchanged in an exported figure. On screen each
     * panel's place goes to hits (x, y, side, row, index) for the clicks that enlarge it; a figure (hits
     * null) leaves out the hints about clicking.
     */
    public static void paint(Pen g, Frame f, Dataset data, double w, double h, List<double[]> hits) {
        paint(g, f, data, w, h, hits, 1);
    }

    /** {@link #paint(Pen, Frame, Dataset, double, double, List)} with the linear-regions mode's text k times its size. */
    public static void paint(Pen g, Frame f, Dataset data, double w, double h, List<double[]> hits, double k) {
        g.blank(w, h);
        if (f == null) {
            g.headerLine("Regions: waiting for a snapshot\u2026", 12, 10, 16, w);
            return;
        }
        if (f.why() != null) {
            g.headerLine(f.why(), 12, 10, 16, w);
            return;
        }
        if (f.linear() != null) {
            LinearRegionsFigure.paint(g, String.format(Locale.ROOT, "%s, step %d", f.mode(), f.snapshot().step()),
                    f.linear(), f.bounds(), data, w, h, k, hits != null);
            return;
        }
        String head = String.format(Locale.ROOT, "%s, step %d%s", f.mode(), f.snapshot().step(),
                f.gamma() == 1 ? "" : String.format(Locale.ROOT, ", weights \u00d7 %.2f (view only)", f.gamma()));
        g.headerLine(head, 12, 6, 17, w);
        double y = 24;
        g.font(11);
        g.fill(Pen.rgb(0x555555));
        String hint = hits == null ? null : f.enlarged() == null ? "click a panel to enlarge it" : "click or Esc to go back";
        if (f.note() != null || hint != null) {
            g.headerLine(f.note() == null ? hint : f.note() + (hint == null ? "" : ";  " + hint), 12, y, 15, w);
        }
        y += 16;
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
            if (r == 0) { // the first row's title is the header's last line
                g.headerLine(f.rowTitles().get(r), 12, top, 15, w);
            } else {
                g.fillText(f.rowTitles().get(r), 12, top);
            }
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
    public static double panelSide(Frame f, double width, double height) {
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
        g.headerLine((f.mode() == Mode.PARTIAL ? "" : rowTitle + ": ") + p.caption()
                + (f.mode() == Mode.UNITS ? String.format(Locale.ROOT, ",  %.0f%% of the view in the transition region",
                100 * p.value()) : ""), 12, top, 15, w);
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
}
