package org.marginscope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;

/**
 * The original-space view's painter: draws a {@link BoundaryFrame} - shading, boundary, the companions' boundaries
 * and legend, the confidence bar, Sarussi's linear regime and Nar's two-point overlay - and the data points and
 * axes through a {@link Pen}, so the screen ({@code FxPen}) and Export view ({@link Java2DPen}) paint alike. It
 * computes nothing from a snapshot: all it draws of the network is in the frame.
 */
public final class OriginalPainter {
    /** Where the plot lies on the page and the window of the plane it shows. */
    public record PlotArea(double left, double top, double width, double height, Bounds window) {
        public double sx(double x) {
            return left + (x - window.xMin()) / window.width() * width;
        }

        public double sy(double y) {
            return top + (window.yMax() - y) / window.height() * height;
        }

        public double dataX(double px) {
            return window.xMin() + (px - left) / width * window.width();
        }

        public double dataY(double py) {
            return window.yMax() - (py - top) / height * window.height();
        }
    }

    /**
     * The view's options: companions' boundaries, Sarussi's overlay, the presentation scale (1 = normal) and the
     * main network's name in the companions' legend.
     */
    public record Style(boolean companions, boolean linearRegime, double scale, String mainLabel) {
    }

    public static final int BACKGROUND = 0xFFF7F7F7, BOUNDARY = 0xFF222222;
    static final int SEED_COPY = 0x73282828, CLASSIFIER = 0xFF7A1FA2, PREDICTED = 0xFFD55E00, CONE_NOTE = 0xFF4A148C,
            HATCH = 0x733C3C3C, LIMIT = 0xFFD55E00, SVM = 0xFF009E73, SVM_SEGMENT = 0x80009E73;
    private static final int[] NAMED = {0xFF7B3294, 0xFF1B9E77, 0xFFD95F02, 0xFFE7298A};
    private static final int WHITE_85 = 0xD9FFFFFF, TEXT = 0xFF222222;
    /** More points than this are drawn as an even sample (the count is shown in the corner). */
    public static final int MAX_DRAWN = 20_000;

    private OriginalPainter() {
    }

    /**
     * The edges of a snapshot's linear regions as an image over {@code bounds} (ARGB, top row first), or why there
     * are none ({@code argb} null).
     */
    public record RegionEdges(Bounds bounds, int[] argb, int w, int h, String why) {
    }

    /**
     * The whole view as a page of w x h: the frame, the linear regions' edges where shown (null: none), the points,
     * the margins and axes around the plot.
     */
    public static Figure figure(double w, double h, PlotArea a, BoundaryFrame f, Style s, RegionEdges edges,
                                Dataset data, double marker, double axisFont) {
        return Java2DPen.figure(w, h, pen -> {
            field(pen, a, f, s);
            if (edges != null) {
                edges(pen, a, edges, s.scale());
            }
            points(pen, a, data, marker, List.of());
            axes(pen, a, w, h, axisFont);
        });
    }

    /** The linear regions' edges over the plot, or a note in its top-right corner where there are none. */
    public static void edges(Pen pen, PlotArea a, RegionEdges e, double scale) {
        pen.save();
        pen.clip(a.left(), a.top(), a.width(), a.height());
        if (e.argb() == null) {
            double size = 11 * Math.min(scale, 1.6);
            pen.font(size);
            double tw = pen.textWidth(e.why());
            double x = a.left() + a.width() - tw - 12, y = a.top() + 4;
            pen.fill(WHITE_85);
            pen.fillRect(x, y, tw + 8, size + 6);
            pen.fill(0xFF8A1C1C);
            pen.align(Pen.Align.LEFT);
            pen.baseline(Pen.Baseline.TOP);
            pen.fillText(e.why(), x + 4, y + 3);
        } else {
            // where the image's window lies now (the same place unless the view was panned or zoomed since)
            Bounds b = e.bounds();
            double x0 = a.sx(b.xMin()), x1 = a.sx(b.xMax()), y0 = a.sy(b.yMax()), y1 = a.sy(b.yMin());
            pen.image(e.argb(), e.w(), e.h(), x0, y0, x1 - x0, y1 - y0);
        }
        pen.restore();
    }

    /** The bottom layer, clipped to the plot: background, the frame's shading, boundaries, legends and overlays. */
    public static void field(Pen pen, PlotArea a, BoundaryFrame f, Style s) {
        pen.save();
        pen.clip(a.left(), a.top(), a.width(), a.height());
        pen.fill(BACKGROUND);
        pen.fillRect(a.left(), a.top(), a.width(), a.height());
        if (f != null) {
            shading(pen, a, f, s);
            if (s.linearRegime() && f.linearRegime() != null) {
                linearRegime(pen, a, f.linearRegime());
            }
            if (f.twoPoint() != null) {
                twoPoint(pen, a, f.twoPoint(), s.scale());
            }
        }
        pen.restore();
    }

    /** The pixels that cover a plot of w x h (whole pixels: a fractional edge is covered and clipped). */
    public static int[] pixelSize(double w, double h) {
        return new int[] {(int) Math.ceil(w), (int) Math.ceil(h)};
    }

    private static void shading(Pen pen, PlotArea a, BoundaryFrame f, Style s) {
        FieldPixels px = f.pixels();
        int[] size = pixelSize(a.width(), a.height());
        if (px != null && px.fits(a.window(), size[0], size[1])) {
            pen.opaquePixels(px.argb(), px.w(), px.h(), a.left(), a.top()); // a copy, no scaling
        } else {
            Viewport vp = f.viewport();
            Bounds b = vp.bounds();
            // samples sit on the bounds' edges: extend by half a cell so pixel centres land on them
            double cw = b.width() / (vp.nx() - 1), ch = b.height() / (vp.ny() - 1);
            double x0 = a.sx(b.xMin() - cw / 2), x1 = a.sx(b.xMax() + cw / 2);
            double y0 = a.sy(b.yMax() + ch / 2), y1 = a.sy(b.yMin() - ch / 2);
            pen.image(f.argb(), vp.nx(), vp.ny(), x0, y0, x1 - x0, y1 - y0);
        }
        if (s.companions()) {
            for (BoundaryFrame.CompanionBoundary c : f.companions()) {
                pen.stroke(colour(f.companions(), c));
                pen.lineWidth(isSeedCopy(c) ? 1.2 : 2.4);
                pen.strokeSegments(onPage(a, c.segments()));
            }
        }
        pen.stroke(BOUNDARY);
        pen.lineWidth(2.2 * s.scale());
        pen.strokeSegments(onPage(a, f.boundary()));
        double k = Math.min(s.scale(), 1.6); // legends grow with presentation mode's text
        if (s.companions() && !f.companions().isEmpty()) {
            legend(pen, s.mainLabel(), f.companions(), a.left() + 8, a.top() + a.height() - 8, k);
        }
        if (f.shading() == FieldShading.CONFIDENCE) {
            confidenceBar(pen, a.left() + a.width() - 150 * k, a.top() + a.height() - 34 * k, k);
        }
    }

    private static double[] onPage(PlotArea a, List<Contours.Segment> segments) {
        double[] xy = new double[4 * segments.size()];
        int i = 0;
        for (Contours.Segment s : segments) {
            xy[i++] = a.sx(s.x0());
            xy[i++] = a.sy(s.y0());
            xy[i++] = a.sx(s.x1());
            xy[i++] = a.sy(s.y1());
        }
        return xy;
    }

    /** The line a x + b y + c = 0 (data coordinates) across the plot's window. */
    static void line(Pen pen, PlotArea a, double[] abc) {
        Bounds w = a.window();
        double ka = abc[0], kb = abc[1], kc = abc[2];
        if (Math.abs(kb) > 1e-12 * Math.abs(ka)) {
            pen.strokeLine(a.sx(w.xMin()), a.sy(-(kc + ka * w.xMin()) / kb), a.sx(w.xMax()), a.sy(-(kc + ka * w.xMax()) / kb));
        } else if (ka != 0) {
            pen.strokeLine(a.sx(-kc / ka), a.sy(w.yMin()), a.sx(-kc / ka), a.sy(w.yMax()));
        }
    }

    static boolean isSeedCopy(BoundaryFrame.CompanionBoundary c) {
        return c.label().startsWith("seed +");
    }

    /** The colour of a companion: seed copies share one translucent grey, the named ones a colour each. */
    static int colour(List<BoundaryFrame.CompanionBoundary> all, BoundaryFrame.CompanionBoundary c) {
        if (isSeedCopy(c)) {
            return SEED_COPY;
        }
        int i = 0;
        for (BoundaryFrame.CompanionBoundary o : all) {
            if (o == c) {
                break;
            }
            i += isSeedCopy(o) ? 0 : 1;
        }
        return NAMED[i % NAMED.length];
    }

    /** The companions' legend with its bottom-left corner at (x, bottom), k times its normal size. */
    private static void legend(Pen pen, String main, List<BoundaryFrame.CompanionBoundary> all, double x, double bottom,
                               double k) {
        List<String> labels = new ArrayList<>(List.of(main));
        List<Integer> colours = new ArrayList<>(List.of(TEXT));
        int copies = 0;
        for (BoundaryFrame.CompanionBoundary c : all) {
            if (isSeedCopy(c)) {
                copies++;
            } else {
                labels.add(c.label());
                colours.add(colour(all, c));
            }
        }
        if (copies > 0) {
            labels.add(copies + " more from other seeds");
            colours.add(SEED_COPY);
        }
        double w = 0;
        for (String l : labels) {
            w = Math.max(w, l.length() * 6.6);
        }
        double h = 18 * labels.size() + 6, y = bottom - h * k;
        pen.save();
        pen.fill(WHITE_85);
        pen.fillRoundRect(x, y, (w + 46) * k, h * k, 6 * k);
        pen.font(12 * k);
        pen.align(Pen.Align.LEFT);
        pen.baseline(Pen.Baseline.CENTER);
        pen.dashes();
        for (int i = 0; i < labels.size(); i++) {
            double ly = y + (12 + 18 * i) * k;
            pen.stroke(colours.get(i));
            pen.lineWidth(2 * k);
            pen.strokeLine(x + 8 * k, ly, x + 34 * k, ly);
            pen.fill(TEXT);
            pen.fillText(labels.get(i), x + 40 * k, ly);
        }
        pen.restore();
    }

    /**
     * The confidence bar's colours, 138 x 10 pixels from the neutral grey to 80% of the confident blue (as tall as
     * drawn: JavaFX smooths a one-row image into noise; one array, so the screen uploads it once).
     */
    private static final int[] CONFIDENCE_RAMP = new int[138 * 10];

    static {
        for (int i = 0; i < 138 * 10; i++) {
            CONFIDENCE_RAMP[i] = Palette.mix(0xF7F7F7, Palette.mix(0xF7F7F7, 0x2F3E62, 0.8), (i % 138) / 137.0);
        }
    }

    /** Nar Remark 2's fixed scale from 50% to 100% confidence, from (x, y), k times its normal size. */
    private static void confidenceBar(Pen pen, double x, double y, double k) {
        pen.save();
        pen.fill(WHITE_85);
        pen.fillRoundRect(x - 6 * k, y - 18 * k, 150 * k, 46 * k, 6 * k);
        pen.image(CONFIDENCE_RAMP, 138, 10, x, y, 138 * k, 10 * k);
        pen.stroke(0xFF666666);
        pen.lineWidth(0.8 * k);
        pen.dashes();
        pen.strokeRect(x, y, 138 * k, 10 * k);
        pen.fill(TEXT);
        pen.font(11 * k);
        pen.align(Pen.Align.LEFT);
        pen.baseline(Pen.Baseline.BOTTOM);
        pen.fillText("confidence max p(c|x)", x, y - 2 * k);
        pen.baseline(Pen.Baseline.TOP);
        pen.fillText("50%", x, y + 12 * k);
        pen.align(Pen.Align.RIGHT);
        pen.fillText("100%", x + 138 * k, y + 12 * k);
        pen.restore();
    }

    /**
     * Sarussi Thm 5.1: the cones hatched (a short diagonal stroke on a 9 px lattice wherever the point is in one), the
     * linear classifier dashed, Thm 6.2's predicted boundary dotted where known, and a note with the counts.
     */
    static void linearRegime(Pen pen, PlotArea a, LinearRegime r) {
        pen.save();
        double step = 9;
        List<Double> hatch = new ArrayList<>();
        for (double py = a.top() + step / 2; py < a.top() + a.height(); py += step) {
            for (double px = a.left() + step / 2; px < a.left() + a.width(); px += step) {
                if (r.inCone(a.dataX(px), a.dataY(py))) {
                    hatch.addAll(List.of(px - 3, py + 3, px + 3, py - 3));
                }
            }
        }
        pen.stroke(HATCH);
        pen.lineWidth(1);
        pen.dashes();
        pen.strokeSegments(hatch.stream().mapToDouble(Double::doubleValue).toArray());
        pen.stroke(CLASSIFIER);
        pen.lineWidth(2);
        pen.dashes(8, 6);
        line(pen, a, r.classifierLine());
        if (r.parLine() != null) {
            pen.stroke(PREDICTED);
            pen.dashes(2, 5);
            pen.lineWidth(2.5);
            line(pen, a, r.parLine());
        }
        pen.dashes();
        List<String> lines = new ArrayList<>(List.of("Sarussi Thm 5.1: dashed = the linear classifier <w+ \u2212 w\u2212, x>",
                "hatched = no linearity guarantee: " + r.insideTrain() + " train"
                        + (r.testSize() > 0 ? ", " + r.insideTest() + " test" : "") + " points inside"));
        if (r.parLine() != null) {
            lines.add("dotted orange = Thm 6.2's predicted boundary");
        }
        pen.font(11);
        double tw = 0;
        for (String line : lines) {
            tw = Math.max(tw, pen.textWidth(line));
        }
        pen.fill(WHITE_85);
        pen.fillRect(a.left() + 4, a.top() + 4, tw + 8, 4 + 14 * lines.size());
        pen.fill(CONE_NOTE);
        pen.align(Pen.Align.LEFT);
        pen.baseline(Pen.Baseline.TOP);
        for (int i = 0; i < lines.size(); i++) {
            pen.fillText(lines.get(i), a.left() + 8, a.top() + 6 + 14 * i);
        }
        pen.restore();
    }

    /**
     * Nar Thm 1: the closed-form limit boundary (dashed), the SVM's (the perpendicular bisector, dotted), the segment
     * between the points, and the angles in a note.
     */
    static void twoPoint(Pen pen, PlotArea a, TwoPointLimit r, double scale) {
        pen.save();
        pen.lineWidth(2.2 * scale);
        pen.stroke(SVM);
        pen.dashes(2 * scale, 5 * scale);
        line(pen, a, r.svmLine());
        pen.stroke(LIMIT);
        pen.dashes(10 * scale, 6 * scale);
        line(pen, a, r.limit());
        pen.dashes();
        pen.stroke(SVM_SEGMENT);
        pen.lineWidth(1.2 * scale);
        pen.strokeLine(a.sx(r.x()[0]), a.sy(r.x()[1]), a.sx(r.p()[0]), a.sy(r.p()[1]));
        String[] lines = {
            "Nar Thm 1: dashed = the closed-form limit of cross-entropy GD with a bias",
            String.format(Locale.ROOT, "dotted = the SVM (max margin); they are %.1f\u00b0 apart", r.limitToSvmDeg()),
            Double.isNaN(r.networkToLimitDeg()) ? "the network [w; b] starts at 0"
                : String.format(Locale.ROOT, "this network's [w; b] is %.2f\u00b0 from the limit", r.networkToLimitDeg()),
            "drag the points (Move tool, M) to change them"};
        double size = 12 * Math.min(scale, 1.5);
        pen.font(size);
        double width = 0;
        for (String l : lines) {
            width = Math.max(width, pen.textWidth(l));
        }
        double lh = size + 4;
        pen.fill(0xE0FFFFFF);
        pen.fillRoundRect(a.left() + 6, a.top() + 6, width + 14, lh * lines.length + 8, 6);
        pen.align(Pen.Align.LEFT);
        pen.baseline(Pen.Baseline.TOP);
        for (int i = 0; i < lines.length; i++) {
            pen.fill(i == 0 ? Pen.darker(LIMIT) : i == 1 ? Pen.darker(SVM) : TEXT);
            pen.fillText(lines[i], a.left() + 13, a.top() + 10 + lh * i);
        }
        pen.restore();
    }

    /**
     * The data's markers over the plot, clipped to it: training filled, test hollow, an even sample beyond
     * {@link #MAX_DRAWN}; {@code extra}: points being added (x, y, class) drawn as training points. Data that are
     * not a plane get a note instead.
     */
    public static void points(Pen pen, PlotArea a, Dataset d, double marker, List<double[]> extra) {
        if (d == null) {
            return;
        }
        pen.save();
        pen.clip(a.left(), a.top(), a.width(), a.height());
        if (d.dim() != 2) {
            pen.fill(0xFF444444);
            pen.font(15);
            pen.align(Pen.Align.CENTER);
            pen.baseline(Pen.Baseline.CENTER);
            double cx = a.left() + a.width() / 2, cy = a.top() + a.height() / 2;
            pen.fillText("These data have " + d.dim() + " features; the original-space view draws 2.", cx, cy - 10);
            pen.fillText("The network trains on all of them (see the charts).", cx, cy + 10);
            pen.restore();
            return;
        }
        int total = d.size() + d.testSize();
        int stride = Math.max(1, (int) Math.ceil(total / (double) MAX_DRAWN));
        for (int i = 0; i < d.size(); i += stride) {
            pen.marker(d.trainLabel(i), a.sx(d.trainCoord(i, 0)), a.sy(d.trainCoord(i, 1)), marker, true);
        }
        for (int i = 0; i < d.testSize(); i += stride) {
            pen.marker(d.testLabel(i), a.sx(d.testCoord(i, 0)), a.sy(d.testCoord(i, 1)), marker, false);
        }
        if (stride > 1) {
            pen.fill(0xFF333333);
            pen.font(12);
            pen.align(Pen.Align.LEFT);
            pen.baseline(Pen.Baseline.TOP);
            pen.fillText(String.format(Locale.ROOT, "showing every %d. point of %,d", stride, total), a.left() + 6,
                    a.top() + 4);
        }
        for (double[] p : extra) {
            pen.marker((int) p[2], a.sx(p[0]), a.sy(p[1]), marker, true);
        }
        pen.restore();
    }

    /** White margins around the plot on a w x h page, the plot's frame, ticks with labels and the axis names. */
    public static void axes(Pen pen, PlotArea a, double w, double h, double fontSize) {
        pen.save();
        pen.fill(0xFFFFFFFF);
        pen.fillRect(0, 0, w, a.top());
        pen.fillRect(0, a.top() + a.height(), w, h - a.top() - a.height());
        pen.fillRect(0, a.top(), a.left(), a.height());
        pen.fillRect(a.left() + a.width(), a.top(), w - a.left() - a.width(), a.height());
        Bounds b = a.window();
        pen.stroke(0xFF444444);
        pen.lineWidth(1);
        pen.dashes();
        pen.strokeRect(a.left(), a.top(), a.width(), a.height());
        pen.fill(TEXT);
        pen.font(fontSize);
        int nx = Math.max(2, (int) (a.width() / 90)), ny = Math.max(2, (int) (a.height() / 60));
        double stepX = NiceTicks.step(b.xMin(), b.xMax(), nx), stepY = NiceTicks.step(b.yMin(), b.yMax(), ny);
        double bottom = a.top() + a.height();
        pen.align(Pen.Align.CENTER);
        pen.baseline(Pen.Baseline.TOP);
        for (double t : NiceTicks.ticks(b.xMin(), b.xMax(), nx)) {
            double x = a.sx(t);
            pen.strokeLine(x, bottom, x, bottom + 5);
            pen.fillText(NiceTicks.label(t, stepX), x, bottom + 7);
        }
        pen.align(Pen.Align.RIGHT);
        pen.baseline(Pen.Baseline.CENTER);
        for (double t : NiceTicks.ticks(b.yMin(), b.yMax(), ny)) {
            double y = a.sy(t);
            pen.strokeLine(a.left() - 5, y, a.left(), y);
            pen.fillText(NiceTicks.label(t, stepY), a.left() - 7, y);
        }
        pen.align(Pen.Align.CENTER);
        pen.baseline(Pen.Baseline.BOTTOM);
        pen.fillText("x\u2081", a.left() + a.width() / 2, h - 1);
        pen.translate(12, a.top() + a.height() / 2);
        pen.rotate(-90);
        pen.baseline(Pen.Baseline.CENTER);
        pen.fillText("x\u2082", 0, 0);
        pen.restore();
    }
}
