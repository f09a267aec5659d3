package org.marginscope.experiment;

import java.util.Locale;
import org.marginscope.analysis.DirectionClusters;
import org.marginscope.analysis.NeuronClusters;
import org.marginscope.analysis.NeuronMap;
import org.marginscope.analysis.NeuronPlane;
import org.marginscope.analysis.OutgoingTone;
import org.marginscope.analysis.ParPrediction;
import org.marginscope.data.Dataset;
import org.marginscope.model.Parameters;
import org.marginscope.render.NiceTicks;
import org.marginscope.render.Palette;
import org.marginscope.render.Pen;
import org.marginscope.train.Snapshot;

/**
 * The neuron view's frame and its painting, for the window (ui.NeuronView) and the command line's exports
 * alike. Sarussi-shaped nets (two layers, a fixed +1/-1 second layer) get Sarussi et al.'s view: every
 * first-layer neuron placed by {@link NeuronPlane}, coloured by its output sign, the cluster means w+ and w-
 * as arrows, circles of radius R, the measures, Thm 6.2's predicted directions on demand. Every other net
 * gets {@link NeuronMap}'s view of one hidden layer: units at their incoming vectors, coloured and sized by
 * their largest outgoing weight, their direction clusters counted.
 */
public final class NeuronFigure {
    /** The highlighted unit's ring, and its hyperplane in the original view. */
    public static final int HIGHLIGHT = 0xD81B60;

    private NeuronFigure() {
    }

    /**
     * What one frame shows. Sarussi's view: {@code neurons}, {@code signs}, {@code clusters}, {@code plane}
     * (and {@code par} on demand); any net: {@code map}, the layer shown (for a Sarussi net, its first layer
     * again, for hovering). {@code why}: the reason for an empty view.
     */
    public record Frame(Snapshot snapshot, double[][] neurons, int[] signs, NeuronClusters.Result clusters, String why,
                        ParPrediction.Result par, NeuronPlane plane, NeuronMap map) {
        public Frame withPar(ParPrediction.Result p) {
            return new Frame(snapshot, neurons, signs, clusters, why, p, plane, map);
        }

        /** Whether this is Sarussi et al.'s view. */
        public boolean sarussi() {
            return neurons != null;
        }

        /** Units drawn (0 for an empty view). */
        public int units() {
            return sarussi() ? neurons.length : map == null ? 0 : map.points().length;
        }

        /** Where unit i is drawn, in the plot's coordinates. */
        public double[] point(int i) {
            return sarussi() ? neurons[i] : map.points()[i];
        }
    }

    /** Where the square plot went on the page: left, top, side, and the half-width m of its window [-m, m]^2. */
    public record Plot(double left, double top, double side, double m) {
        public double x(double v) {
            return left + (v + m) / (2 * m) * side;
        }

        public double y(double v) {
            return top + (m - v) / (2 * m) * side;
        }
    }

    /** The frame of snapshot s at hidden layer {@code layer} (worker thread: Sarussi's measures are quadratic). */
    public static Frame compute(Snapshot s, Dataset data, boolean constant, int layer) {
        Parameters p = s.parameters();
        if (NeuronMap.hiddenLayers(p) == 0) {
            return new Frame(s, null, null, null, "A net without a hidden layer has no neurons to show.", null, null,
                    null);
        }
        int shown = Math.max(0, Math.min(layer, NeuronMap.hiddenLayers(p) - 1));
        NeuronMap map = NeuronMap.of(s.spec(), p, shown, data == null ? null : data.classesWithPoints());
        if (shown != 0 || !NeuronClusters.appliesTo(s.spec(), p)) {
            return new Frame(s, null, null, null, null, null, null, map);
        }
        var all = NeuronClusters.neurons(p);
        NeuronPlane plane = NeuronPlane.fit(all.w(), constant);
        double[][] n = new double[all.w().length][];
        for (int i = 0; i < n.length; i++) {
            n[i] = plane.place(all.w()[i]);
        }
        return new Frame(s, n, all.sign(), NeuronClusters.measure(p, data, constant), null, null, plane, map);
    }

    /** A w x h figure of the frame, as an export writes it (no hover hints). */
    public static org.marginscope.render.Figure figure(Frame d, double w, double h) {
        return org.marginscope.render.Java2DPen.figure(w, h, g -> paint(g, d, w, h, -1, false));
    }

    /**
     * The view of frame d on a w x h page: on screen, and unchanged in an exported figure ({@code screen}
     * false leaves out the hints about hovering). {@code highlighted}: a unit to ring (-1: none). Returns
     * where the plot went (null when nothing was plotted).
     */
    public static Plot paint(Pen g, Frame d, double w, double h, int highlighted, boolean screen) {
        return paint(g, d, w, h, highlighted, screen, 1);
    }

    /** {@link #paint(Pen, Frame, double, double, int, boolean)} with any net's view's text k times its size. */
    public static Plot paint(Pen g, Frame d, double w, double h, int highlighted, boolean screen, double k) {
        g.blank(w, h);
        if (d == null) {
            g.fillText("Neurons: waiting for a snapshot\u2026", 12, 10);
            return null;
        }
        if (d.why() != null) {
            g.fillText(fit(g, d.why(), w - 24), 12, 10);
            return null;
        }
        return d.sarussi() ? paintSarussi(g, d, w, h, highlighted) : paintMap(g, d, w, h, highlighted, screen, k);
    }

    /** Any net's layer: units by their incoming vectors, toned by their largest outgoing weight. */
    private static Plot paintMap(Pen g, Frame d, double w, double h, int highlighted, boolean screen, double k) {
        NeuronMap map = d.map();
        OutgoingTone tone = map.tone();
        int units = map.points().length;
        double textWidth = w - 24;
        g.font(13 * k);
        double y = 6;
        y = wrapped(g, String.format(Locale.ROOT, "Hidden layer %d of %d: %,d unit%s, step %d", map.layer() + 1,
                map.layers() - 1, units, units == 1 ? "" : "s", d.snapshot().step()), textWidth, y, 17 * k);
        y += 2 * k;
        g.fill(Pen.rgb(0x555555));
        g.font(11 * k);
        y = wrapped(g, mapNote(map), textWidth, y, 15 * k);
        g.fill(Pen.rgb(0x1565c0));
        g.font(12 * k);
        y = wrapped(g, String.format(Locale.ROOT, "colour: the %s; size: its magnitude (largest %.3g)",
                tone.kind().words(), tone.largest()), textWidth, y, 16 * k);
        y = wrapped(g, clusterLine(map.clusters()), textWidth, y, 16 * k);
        if (screen && k <= 1) { // the operator's hint; presentation mode (k > 1) gives its room to the plot
            g.fill(Pen.rgb(0x555555));
            g.font(11 * k);
            y = wrapped(g, map.dataPlane() ? "hover or click a unit: its hyperplane on the original view, its map in"
                    + " the unit maps" : "hover or click a unit: its map in the Regions tab's unit maps", textWidth, y, 15 * k);
        }
        double t = Math.min(k, 1.4); // the plot's own text: ticks, axis names, cluster sizes
        double top = y + 4, left = 38 + 12 * t, pw = w - left - 16, ph = h - top - 28 - 12 * t - 18 * k;
        if (pw < 40 || ph < 40) {
            return null;
        }
        double m = 1e-12;
        for (double[] p : map.points()) {
            m = Math.max(m, Math.max(Math.abs(p[0]), Math.abs(p[1])));
        }
        m *= 1.15;
        double side = Math.min(pw, ph);
        Plot plot = new Plot(left + (pw - side) / 2, top + (ph - side) / 2, side, m);
        frame(g, plot, map.plane().axisNames(), t);
        drawClusterRays(g, map, plot, t);
        double rMin = units > 300 ? 1.2 : 2.5, rMax = units > 300 ? 3.5 : 7, largest = tone.largest();
        Integer[] order = new Integer[units];
        for (int i = 0; i < units; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> tone.magnitude()[i]));
        for (int i : order) {
            double r = radius(tone.magnitude()[i], largest, rMin, rMax);
            g.fill(tone.group()[i] < 0 ? Pen.rgb(0x999999) : Pen.rgb(Palette.colour(tone.group()[i])));
            g.fillOval(plot.x(map.points()[i][0]) - r, plot.y(map.points()[i][1]) - r, 2 * r, 2 * r);
        }
        if (highlighted >= 0 && highlighted < units) {
            ring(g, plot.x(map.points()[highlighted][0]), plot.y(map.points()[highlighted][1]),
                    radius(tone.magnitude()[highlighted], largest, rMin, rMax), highlighted);
        }
        legend(g, tone, 12, h - 10 - 8 * k, w - 12, k);
        return plot;
    }

    /** A dot's radius: its area grows with the magnitude, from rMin (0) to rMax (the layer's largest). */
    public static double radius(double magnitude, double largest, double rMin, double rMax) {
        return largest > 0 ? rMin + (rMax - rMin) * Math.sqrt(magnitude / largest) : rMin;
    }

    private static String mapNote(NeuronMap map) {
        NeuronPlane plane = map.plane();
        return switch (plane.mode()) {
            case DIRECTION_AND_LENGTH -> "each unit at its direction in the data plane, at distance |w| (bias included)";
            case WEIGHTS -> "each unit at its incoming weights" + (map.vectors()[0].length == 2 && map.layer() == 0
                    && map.dataPlane() ? "" : " (bias included)");
            case PRINCIPAL -> String.format(Locale.ROOT, "incoming weights (bias included) on their two principal axes"
                    + " (%.1f%% of |W|\u00b2)", 100 * plane.explained());
        };
    }

    /** The header's cluster count and spread. */
    static String clusterLine(DirectionClusters.Result c) {
        if (c == null) {
            return "direction clusters: too many units to link pairwise";
        }
        String alone = String.format(Locale.ROOT, "%d unit%s alone", c.alone(), c.alone() == 1 ? "" : "s");
        if (c.clusters().isEmpty()) {
            return String.format(Locale.ROOT, "direction clusters (linked within %.0f\u00b0): none, %s",
                    c.thresholdDeg(), alone);
        }
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < Math.min(4, c.clusters().size()); i++) {
            sizes.append(i == 0 ? "" : ", ").append(c.clusters().get(i).size());
        }
        if (c.clusters().size() > 4) {
            sizes.append(", \u2026");
        }
        return String.format(Locale.ROOT, "direction clusters (linked within %.0f\u00b0): %d (%s unit%s), %s;"
                        + " largest spread %.1f\u00b0", c.thresholdDeg(), c.clusters().size(), sizes,
                c.clusters().size() == 1 && c.clusters().get(0).size() == 1 ? "" : "s", alone, c.largestSpreadDeg());
    }

    /** Each tight cluster's mean direction as a dashed ray from the origin to its members' mean length. */
    private static void drawClusterRays(Pen g, NeuronMap map, Plot plot, double t) {
        if (map.clusters() == null) {
            return;
        }
        g.lineWidth(1.2);
        g.dashes(4, 3);
        g.font(10 * t);
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.BOTTOM);
        int drawn = 0;
        for (DirectionClusters.Cluster c : map.clusters().clusters()) {
            double[] dir = c.direction();
            double inPlane = map.dataPlane() ? Math.hypot(dir[0], dir[1]) : Math.hypot(map.plane().place(dir)[0],
                    map.plane().place(dir)[1]);
            // a wide cone has no direction worth drawing, nor one that lies mostly off the plane (a bias-dominated
            // first layer): its ray would point anywhere
            if (c.spreadDeg() > 45 || inPlane < 0.25 || drawn++ >= 8) {
                continue;
            }
            double len = 0;
            for (int i : c.members()) {
                len += NeuronClusters.norm(map.vectors()[i]);
            }
            len /= c.size();
            double[] end = map.plane().place(c.direction()); // a unit vector: scaled to the members' mean length
            double ex = plot.x(end[0] * len), ey = plot.y(end[1] * len);
            g.stroke(Pen.rgb(0x777777));
            g.strokeLine(plot.x(0), plot.y(0), ex, ey);
            g.fill(Pen.rgb(0x555555));
            g.fillText(String.valueOf(c.size()), ex + 4, ey - 2);
        }
        g.dashes();
        g.baseline(Pen.Baseline.TOP);
    }

    private static void legend(Pen g, OutgoingTone tone, double x, double y, double right, double k) {
        g.font(11 * k);
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.CENTER);
        int[] groups;
        String[] names;
        if (tone.kind() == OutgoingTone.Kind.OUTPUT_CLASS) {
            groups = tone.classes();
            names = new String[groups.length];
            for (int i = 0; i < groups.length; i++) {
                names[i] = "class " + groups[i];
            }
        } else {
            groups = new int[] {1, 0};
            names = new String[] {"+ weight", "\u2212 weight"};
        }
        for (int i = 0; i < groups.length && x < right - 40; i++) {
            g.fill(Pen.rgb(Palette.colour(groups[i])));
            g.fillOval(x, y - 5 * k, 10 * k, 10 * k);
            g.fill(Pen.rgb(0x333333));
            g.fillText(names[i], x + 14 * k, y);
            x += 24 * k + g.textWidth(names[i]);
        }
        g.baseline(Pen.Baseline.TOP);
    }

    /** The square plot's background, axes through the origin, frame, ticks and axis names, text t times its size. */
    private static void frame(Pen g, Plot p, String[] axes, double t) {
        square(g, p, t);
        axisNames(g, p, axes, t);
        g.align(Pen.Align.LEFT);
    }

    /** The square plot's background, axes through the origin, frame and ticks (labels t times their size). */
    private static void square(Pen g, Plot p, double t) {
        double ox = p.left(), oy = p.top(), side = p.side(), m = p.m();
        g.fill(Pen.rgb(0xf7f7f7));
        g.fillRect(ox, oy, side, side);
        g.stroke(Pen.rgb(0xcccccc));
        g.lineWidth(1);
        g.strokeLine(p.x(0), oy, p.x(0), oy + side);
        g.strokeLine(ox, p.y(0), ox + side, p.y(0));
        g.stroke(Pen.rgb(0x333333));
        g.strokeRect(ox, oy, side, side);
        g.fill(Pen.rgb(0x333333));
        g.font(10 * t);
        g.align(Pen.Align.CENTER);
        double step = NiceTicks.step(-m, m, 4);
        for (double v : NiceTicks.ticks(-m, m, 4)) {
            g.fillText(NiceTicks.label(v, step), p.x(v), oy + side + 4);
        }
        g.align(Pen.Align.RIGHT);
        g.baseline(Pen.Baseline.CENTER);
        for (double v : NiceTicks.ticks(-m, m, 4)) {
            g.fillText(NiceTicks.label(v, step), ox - 4, p.y(v));
        }
    }

    /** The axis names below and left of the square plot, t times their size. */
    private static void axisNames(Pen g, Plot p, String[] axes, double t) {
        double ox = p.left(), oy = p.top(), side = p.side();
        g.fill(Pen.rgb(0x333333));
        g.font(11 * t);
        g.align(Pen.Align.CENTER);
        g.baseline(Pen.Baseline.TOP);
        g.fillText(axes[0], ox + side / 2, oy + side + 4 + 13 * t);
        g.save();
        g.translate(ox - 26 - 12 * t, oy + side / 2);
        g.rotate(-90);
        g.fillText(axes[1], 0, 0);
        g.restore();
    }

    /** The highlighted unit: a ring around its dot and its number. */
    private static void ring(Pen g, double x, double y, double r, int unit) {
        g.stroke(Pen.rgb(HIGHLIGHT));
        g.lineWidth(2.2);
        double rr = r + 4;
        g.strokeOval(x - rr, y - rr, 2 * rr, 2 * rr);
        g.fill(Pen.rgb(HIGHLIGHT));
        g.font(11);
        g.align(Pen.Align.LEFT);
        g.baseline(Pen.Baseline.BOTTOM);
        g.fillText("unit " + (unit + 1), x + rr + 2, y - rr + 2);
        g.baseline(Pen.Baseline.TOP);
    }

    /** The text at (12, y), wrapped at spaces to the width (at most 3 lines, the last cut); returns the next line's y. */
    static double wrapped(Pen g, String s, double width, double y, double lineHeight) {
        String[] words = s.split(" ");
        StringBuilder line = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < words.length; i++) {
            String next = line.length() == 0 ? words[i] : line + " " + words[i];
            if (line.length() > 0 && g.textWidth(next) > width && lines < 2) {
                g.fillText(line.toString(), 12, y);
                y += lineHeight;
                lines++;
                line = new StringBuilder(words[i]);
            } else {
                line = new StringBuilder(next);
            }
        }
        g.fillText(fit(g, line.toString(), width), 12, y);
        return y + lineHeight;
    }

    /** The text, cut with an ellipsis to fit the width in the pen's current font. */
    static String fit(Pen g, String s, double width) {
        if (g.textWidth(s) <= width || s.length() < 4) {
            return s;
        }
        int lo = 0, hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (g.textWidth(s.substring(0, mid) + "\u2026") <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return s.substring(0, lo) + "\u2026";
    }

    /** Sarussi et al.'s view (the page is blank already): the neurons, w+ and w-, R, the measures. */
    private static Plot paintSarussi(Pen g, Frame d, double w, double h, int highlighted) {
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
            return null;
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
        Plot plot = new Plot(left + (pw - side) / 2, top + (ph - side) / 2, side, m);
        square(g, plot, 1);
        java.util.function.DoubleUnaryOperator X = plot::x, Y = plot::y;
        for (int i = 0; i < d.neurons().length; i++) {
            int col = colour(d.signs()[i] > 0 ? 1 : 0);
            g.fill(col);
            g.fillOval(X.applyAsDouble(d.neurons()[i][0]) - 3.5, Y.applyAsDouble(d.neurons()[i][1]) - 3.5, 7, 7);
        }
        double scale = side / (2 * m); // pixels per unit of the plane
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
        axisNames(g, plot, d.plane().axisNames(), 1);
        drawPrediction(g, d, h, X, Y);
        if (highlighted >= 0 && highlighted < d.neurons().length) {
            ring(g, X.applyAsDouble(d.neurons()[highlighted][0]), Y.applyAsDouble(d.neurons()[highlighted][1]), 3.5,
                    highlighted);
        }
        return plot;
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
    private static void drawPrediction(Pen g, Frame d, double h, java.util.function.DoubleUnaryOperator X,
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
}
