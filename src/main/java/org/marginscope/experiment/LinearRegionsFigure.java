package org.marginscope.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginscope.analysis.ActivationPattern;
import org.marginscope.analysis.ConvexPolygon;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.Pen;
import org.marginscope.render.RegionRaster;
import org.marginscope.train.Snapshot;

/**
 * The Regions tab's linear-regions mode: the exact linear regions of the shown snapshot over the view
 * ({@link LinearRegions}), shaded by the local map's slope or by pattern, their edges as thin vector
 * outlines, the training points on top; or, in words, why there are none to draw.
 */
public final class LinearRegionsFigure {
    /** Past this many regions in the view the mode asks for a zoom instead. */
    public static final int MAX_REGIONS = 20_000;
    /**
     * Past this many regions the screen shows the edges as an image the worker draws: JavaFX's software
     * pipeline took about 0.4 s to rasterise 5,000 outlines per repaint. Figures keep them as vector paths.
     */
    public static final int VECTOR_EDGES_UP_TO = 2_000;
    /** The edges' colour and width. */
    public static final int EDGE_COLOUR = 0xB0202020;
    public static final double EDGE_WIDTH = 0.6;
    /** Room around the plot at text scale 1: tick labels left and below, the count above, the legend below. */
    public static final double LEFT = 52, TOP = 46, RIGHT = 14, BOTTOM = 58;
    /** The heading's and the count line's tops at text scale 1. */
    private static final double HEAD_Y = 6, COUNT_Y = 24;
    private static final int MAX_UNITS_LISTED = 12;

    /**
     * One frame of the mode: the regions and their image at the plot's pixel size, the regions holding
     * training points, the edges as an image for the screen where there are many (else null); or why there
     * are none ({@code regions} null).
     */
    public record Shown(LinearRegions regions, RegionRaster.Image image, RegionRaster.Shading shading, int withData,
                 String why, int[] edges) {
        public Shown(LinearRegions regions, RegionRaster.Image image, RegionRaster.Shading shading, int withData, String why) {
            this(regions, image, shading, withData, why, null);
        }

        /** "1,234 linear regions over the view; 87 hold training points", or why there are none. */
        public String headline() {
            if (why != null) {
                return why;
            }
            int n = regions.count();
            return String.format(Locale.ROOT, "%,d linear region%s over the view; %,d hold%s training points", n,
                    n == 1 ? "" : "s", withData, withData == 1 ? "s" : "");
        }
    }

    private LinearRegionsFigure() {
    }

    /** Why this snapshot's net has no regions to draw, in words for the pane; null where it has. */
    public static String unsupported(Snapshot s) {
        return LinearRegions.unsupportedReason(s.spec()).map(r -> "No linear regions to draw: "
                + r.replaceFirst(": the network has no linear regions.*", "") + ". Choose ReLU, Leaky ReLU or linear"
                + " hidden layers in the Network panel to see them.").orElse(null);
    }

    /** The regions of the snapshot over the bounds, up to {@link #MAX_REGIONS} (worker thread). */
    public static LinearRegions regions(Snapshot s, Bounds bounds) {
        return LinearRegions.compute(s.spec(), s.parameters(), bounds, MAX_REGIONS);
    }

    /** The frame for regions already computed: their image at pw x ph pixels and the count with data (worker thread). */
    public static Shown shown(LinearRegions r, Dataset data, int pw, int ph, RegionRaster.Shading shading) {
        if (!r.complete()) {
            return new Shown(null, null, shading, 0, String.format(Locale.ROOT, "More than %,d linear regions over "
                    + "the view: counting stopped at %,d. Zoom in on the original-space view (mouse wheel, or View > "
                    + "Zoom in) to draw them.", r.maxRegions(), r.maxRegions()));
        }
        int withData = data == null || data.dim() != 2 ? 0 : r.countContaining(data.trainX(), data.size());
        int w = Math.max(2, pw), h = Math.max(2, ph);
        RegionRaster.Image image = RegionRaster.paint(r, w, h, shading, data == null ? null : data.classesWithPoints());
        int[] edges = r.count() > VECTOR_EDGES_UP_TO ? RegionRaster.edges(r, w, h, EDGE_COLOUR, (float) EDGE_WIDTH) : null;
        return new Shown(r, image, shading, withData, null, edges);
    }

    /**
     * The plot's place {x, y, width, height} on a w x h canvas with text k times its normal size (presentation
     * mode): the bounds' aspect kept, centred; null where there is no room.
     */
    public static double[] plot(Bounds b, double w, double h, double k) {
        double left = LEFT * k, top = TOP * k, aw = w - left - RIGHT, ah = h - top - BOTTOM * k;
        if (aw < 20 || ah < 20) {
            return null;
        }
        double scale = Math.min(aw / b.width(), ah / b.height());
        double pw = Math.floor(b.width() * scale), ph = Math.floor(b.height() * scale);
        return new double[] {Math.floor(left + (aw - pw) / 2), Math.floor(top), pw, ph};
    }

    /** The data point under a canvas pixel, or null off the plot. */
    public static double[] dataAt(double[] plot, Bounds b, double px, double py) {
        if (plot == null || px < plot[0] || px > plot[0] + plot[2] || py < plot[1] || py > plot[1] + plot[3]) {
            return null;
        }
        return new double[] {b.xMin() + (px - plot[0]) / plot[2] * b.width(), b.yMax() - (py - plot[1]) / plot[3] * b.height()};
    }

    /** A polygon's vertices on the canvas, interleaved for {@link Pen#strokePolygons}. */
    public static double[] onCanvas(ConvexPolygon p, double[] plot, Bounds b) {
        double[] xy = new double[2 * p.size()];
        for (int v = 0; v < p.size(); v++) {
            xy[2 * v] = plot[0] + (p.xs()[v] - b.xMin()) / b.width() * plot[2];
            xy[2 * v + 1] = plot[1] + (b.yMax() - p.ys()[v]) / b.height() * plot[3];
        }
        return xy;
    }

    /**
     * The mode's page, text k times its normal size: the heading, the count line, the plot, its legend. On
     * screen many edges come as the frame's image of them; in a figure always as one vector path per region.
     */
    public static void paint(Pen g, String heading, Shown s, Bounds b, Dataset data, double w, double h, double k,
                      boolean screen) {
        g.font(13 * k);
        g.fill(Pen.rgb(0x222222));
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.TOP);
        g.headerLine(heading, 12, HEAD_Y * k, 17 * k, w);
        g.font(12 * k);
        g.fill(Pen.rgb(s.why() != null ? 0x8a1c1c : 0x222222));
        if (s.why() != null) {
            double y = (COUNT_Y + 2) * k;
            for (String line : wrap(g, s.why(), w - 24)) {
                g.fillText(line, 12, y);
                y += 16 * k;
            }
            return;
        }
        g.headerLine(s.headline(), 12, COUNT_Y * k, 16 * k, w);
        double[] plot = plot(b, w, h, k);
        if (plot == null) {
            return;
        }
        RegionRaster.Image img = s.image();
        g.image(img.argb(), img.width(), img.height(), plot[0], plot[1], plot[2], plot[3]);
        if (screen && s.edges() != null) {
            g.image(s.edges(), img.width(), img.height(), plot[0], plot[1], plot[2], plot[3]);
        } else {
            List<double[]> edges = new ArrayList<>(s.regions().regions().size());
            for (LinearRegions.Region r : s.regions().regions()) {
                edges.add(onCanvas(r.polygon(), plot, b));
            }
            g.stroke(EDGE_COLOUR);
            g.lineWidth(EDGE_WIDTH);
            g.strokePolygons(edges);
        }
        drawPoints(g, data, b, plot, 6 * Math.min(k, 1.3));
        g.stroke(Pen.rgb(0x444444));
        g.lineWidth(1);
        g.strokeRect(plot[0], plot[1], plot[2], plot[3]);
        drawTicks(g, b, plot, k);
        drawLegend(g, s, 12, plot[1] + plot[3] + 24 * k, w, k);
    }

    private static void drawPoints(Pen g, Dataset d, Bounds b, double[] plot, double size) {
        if (d == null || d.dim() != 2) {
            return;
        }
        int step = Math.max(1, d.size() / 2000);
        for (int i = 0; i < d.size(); i += step) {
            double x = d.trainCoord(i, 0), y = d.trainCoord(i, 1);
            if (x >= b.xMin() && x <= b.xMax() && y >= b.yMin() && y <= b.yMax()) {
                g.marker(d.trainLabel(i), plot[0] + (x - b.xMin()) / b.width() * plot[2],
                        plot[1] + (b.yMax() - y) / b.height() * plot[3], size, true);
            }
        }
    }

    private static void drawTicks(Pen g, Bounds b, double[] plot, double k) {
        g.font(10 * k);
        g.fill(Pen.rgb(0x333333));
        g.align(Pen.Align.CENTER);
        g.baseline(Pen.Baseline.TOP);
        int nx = Math.max(2, (int) (plot[2] / 80)), ny = Math.max(2, (int) (plot[3] / 50));
        double step = NiceTicks.step(b.xMin(), b.xMax(), nx);
        for (double v : NiceTicks.ticks(b.xMin(), b.xMax(), nx)) {
            g.fillText(NiceTicks.label(v, step), plot[0] + (v - b.xMin()) / b.width() * plot[2], plot[1] + plot[3] + 4);
        }
        g.align(Pen.Align.RIGHT);
        g.baseline(Pen.Baseline.CENTER);
        step = NiceTicks.step(b.yMin(), b.yMax(), ny);
        for (double v : NiceTicks.ticks(b.yMin(), b.yMax(), ny)) {
            g.fillText(NiceTicks.label(v, step), plot[0] - 4, plot[1] + (b.yMax() - v) / b.height() * plot[3]);
        }
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.TOP);
    }

    /** The key under the plot: the slope's colour bar, or what the pattern colours mean. */
    private static void drawLegend(Pen g, Shown s, double x, double y, double w, double k) {
        g.font(11 * k);
        g.fill(Pen.rgb(0x333333));
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.CENTER);
        if (s.shading() == RegionRaster.Shading.PATTERN) {
            g.fillText("colour: the activation pattern (hashed: one colour per region)", x, y + 7 * k);
            g.baseline(Pen.Baseline.TOP);
            return;
        }
        String label = s.regions().regions().get(0).outputs() > 1
                ? "slope |\u2207 logit of the predicted class|" : "slope |\u2207 logit|";
        double mid = y + 7 * k;
        g.fillText(label, x, mid);
        double zero = x + g.textWidth(label) + 12;
        g.fillText("0", zero, mid);
        double bx = Math.round(zero + g.textWidth("0") + 4);
        int bw = (int) Math.max(60, Math.min(180 * k, w - bx - 80 * k)), bh = (int) Math.round(14 * k);
        // the bar at its own pixel size: a scaled image of a few rows blurs in texels from outside it on screen
        int[] bar = new int[bw * bh];
        for (int i = 0; i < bw; i++) {
            int c = RegionRaster.slopeColour(i / (bw - 1.0));
            for (int j = 0; j < bh; j++) {
                bar[j * bw + i] = c;
            }
        }
        g.image(bar, bw, bh, bx, y, bw, bh);
        g.stroke(Pen.rgb(0x888888));
        g.lineWidth(1);
        g.strokeRect(bx, y, bw, bh);
        g.fill(Pen.rgb(0x333333));
        RegionRaster.Image img = s.image();
        g.fillText((img.clipped() ? "\u2265 " : "") + String.format(Locale.ROOT, "%.3g", img.slopeTop()), bx + bw + 4, mid);
        g.baseline(Pen.Baseline.TOP);
    }

    /** The text broken into lines no wider than the width (at spaces). */
    public static List<String> wrap(Pen g, String text, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && g.textWidth(next) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The units on in a pattern, 1-based as the unit maps caption them: "layer 1: units 3, 7, 12 (3 of 32
     * active); layer 2: none (0 of 2 active)"; long lists end in "and N more".
     */
    public static String activeUnits(ActivationPattern p) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < p.layers(); k++) {
            List<Integer> on = new ArrayList<>();
            for (int j = 0; j < p.widths()[k]; j++) {
                if (p.active(k, j)) {
                    on.add(j + 1);
                }
            }
            sb.append(k == 0 ? "" : "; ").append("layer ").append(k + 1).append(": ");
            if (on.isEmpty()) {
                sb.append("none");
            } else {
                sb.append(on.size() == 1 ? "unit " : "units ");
                int listed = Math.min(on.size(), MAX_UNITS_LISTED);
                for (int i = 0; i < listed; i++) {
                    sb.append(i == 0 ? "" : ", ").append(on.get(i));
                }
                if (listed < on.size()) {
                    sb.append(" and ").append(on.size() - listed).append(" more");
                }
            }
            sb.append(" (").append(on.size()).append(" of ").append(p.widths()[k]).append(" active)");
        }
        return sb.toString();
    }
}
