package org.marginscope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The training charts as a figure for export: panels side by side, each with one or more series against
 * step + 1 on a log axis (training moves like log t), y linear or log. Print-safe colours, axis labels,
 * a legend per panel with more than one series.
 */
public final class ChartFigure implements Figure {
    static final int W = 300, H = 210, LEFT = 58, TOP = 30, BOTTOM = 44, GAP = 28;
    private static final Color AXIS = new Color(0x33, 0x33, 0x33), GRID = new Color(0xdd, 0xdd, 0xdd);

    /** One curve: x = step (drawn at step + 1), y values; non-finite or (log y) non-positive points are skipped. */
    public record Series(String name, long[] steps, double[] values) {
    }

    /**
     * A shaded band between two curves (e.g. the interquartile range over seeds), in the palette colour
     * {@code colour} at {@code opacity} (0-1); drawn under the series, broken where a bound is unusable.
     */
    public record Band(String name, long[] steps, double[] lower, double[] upper, int colour, double opacity) {
        public Band {
            if (lower.length != steps.length || upper.length != steps.length) {
                throw new IllegalArgumentException("a band needs one lower and one upper value per step");
            }
            if (!(opacity > 0 && opacity <= 1)) {
                throw new IllegalArgumentException("a band's opacity must be in (0, 1], got " + opacity);
            }
        }
    }

    /** One chart: bands (drawn first, in order) and series. */
    public record Panel(String title, String yLabel, boolean logY, List<Series> series, List<Band> bands) {
        public Panel {
            series = List.copyOf(series);
            bands = List.copyOf(bands);
        }

        public Panel(String title, String yLabel, boolean logY, List<Series> series) {
            this(title, yLabel, logY, series, List.of());
        }
    }

    private final List<Panel> panels;
    private final String caption;

    public ChartFigure(List<Panel> panels, String caption) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart figure needs at least one panel");
        }
        this.panels = List.copyOf(panels);
        this.caption = caption;
    }

    @Override
    public int width() {
        return panels.size() * (LEFT + W + GAP);
    }

    @Override
    public int height() {
        return TOP + H + BOTTOM + 26;
    }

    @Override
    public void paint(Graphics2D g) {
        Figure.blankPage(g, width(), height());
        for (int i = 0; i < panels.size(); i++) {
            panel(g, panels.get(i), i * (LEFT + W + GAP) + LEFT, TOP);
        }
        g.setColor(AXIS);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, 12, height() - 10);
    }

    private void panel(Graphics2D g, Panel p, int x0, int y0) {
        double xMax = 10, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : p.series()) {
            for (int i = 0; i < s.steps().length; i++) {
                double v = s.values()[i];
                if (usable(v, p.logY())) {
                    xMax = Math.max(xMax, s.steps()[i] + 1.0);
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        for (Band b : p.bands()) {
            for (int i = 0; i < b.steps().length; i++) {
                for (double v : new double[] {b.lower()[i], b.upper()[i]}) {
                    if (usable(v, p.logY())) {
                        xMax = Math.max(xMax, b.steps()[i] + 1.0);
                        yMin = Math.min(yMin, v);
                        yMax = Math.max(yMax, v);
                    }
                }
            }
        }
        if (!(yMax >= yMin)) {
            yMin = p.logY() ? 0.1 : 0;
            yMax = 1;
        }
        double lo = p.logY() ? Math.floor(Math.log10(yMin)) : yMin, hi = p.logY() ? Math.ceil(Math.log10(yMax)) : yMax;
        if (hi <= lo) {
            hi = lo + 1;
        }
        if (!p.logY()) {
            double pad = 0.05 * (hi - lo);
            lo -= pad;
            hi += pad;
        }
        double lx = Math.log10(xMax);
        double ylo = lo, yhi = hi;
        java.util.function.DoubleUnaryOperator px = x -> x0 + Math.log10(x) / lx * W;
        java.util.function.DoubleUnaryOperator py = v -> y0 + H - ((p.logY() ? Math.log10(v) : v) - ylo) / (yhi - ylo) * H;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(0.8f));
        for (long d = 1; d <= xMax * 1.0001; d *= 10) {
            double x = px.applyAsDouble(d);
            g.setColor(GRID);
            g.draw(new Line2D.Double(x, y0, x, y0 + H));
            g.setColor(AXIS);
            String s = d >= 1000 ? (d >= 1_000_000 ? d / 1_000_000 + "M" : d / 1000 + "k") : Long.toString(d);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), y0 + H + 14);
        }
        List<double[]> yTicks = new ArrayList<>();
        if (p.logY()) {
            for (double e = lo; e <= hi + 1e-9; e++) {
                yTicks.add(new double[] {Math.pow(10, e)});
            }
        } else {
            for (double v : NiceTicks.ticks(lo, hi, 4)) {
                yTicks.add(new double[] {v});
            }
        }
        double step = p.logY() ? 1 : NiceTicks.step(lo, hi, 4);
        for (double[] t : yTicks) {
            double y = py.applyAsDouble(t[0]);
            g.setColor(GRID);
            g.draw(new Line2D.Double(x0, y, x0 + W, y));
            g.setColor(AXIS);
            String s = p.logY() ? NiceTicks.label(t[0], t[0]) : NiceTicks.label(t[0], step);
            g.drawString(s, x0 - 5 - fm.stringWidth(s), (float) (y + 3.5));
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(p.title(), x0, y0 - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        fm = g.getFontMetrics();
        g.drawString("step", x0 + W / 2f - fm.stringWidth("step") / 2f, y0 + H + 30);
        AffineTransform tr = g.getTransform();
        g.rotate(-Math.PI / 2, x0 - 44, y0 + H / 2.0);
        g.drawString(p.yLabel(), x0 - 44 - fm.stringWidth(p.yLabel()) / 2f, y0 + H / 2f);
        g.setTransform(tr);

        Graphics2D c = (Graphics2D) g.create();
        c.clipRect(x0, y0, W, H);
        boolean legend = p.series().size() + p.bands().size() > 1;
        for (int k = 0; k < p.bands().size(); k++) {
            Band b = p.bands().get(k);
            Color fill = bandColour(b);
            c.setColor(fill);
            for (Path2D.Double piece : bandPieces(b, p.logY(), px, py)) {
                c.fill(piece);
            }
            if (legend) {
                int ly = y0 + 14 + 14 * (p.series().size() + k);
                c.fill(new java.awt.geom.Rectangle2D.Double(x0 + W - 110, ly - 8, 20, 8));
                c.setColor(AXIS);
                c.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                c.drawString(b.name(), x0 + W - 85, ly);
            }
        }
        for (int k = 0; k < p.series().size(); k++) {
            Series s = p.series().get(k);
            c.setColor(new Color(Palette.colour(k)));
            c.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < s.steps().length; i++) {
                double v = s.values()[i];
                if (!usable(v, p.logY())) {
                    open = false;
                    continue;
                }
                double x = px.applyAsDouble(s.steps()[i] + 1.0), y = py.applyAsDouble(v);
                if (open) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    open = true;
                }
            }
            c.draw(path);
            if (legend) {
                int ly = y0 + 14 + 14 * k;
                c.draw(new Line2D.Double(x0 + W - 110, ly - 4, x0 + W - 90, ly - 4));
                c.setColor(AXIS);
                c.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                c.drawString(s.name(), x0 + W - 85, ly);
            }
        }
        c.dispose();
    }

    /** The band's colour, blended onto white (so SVG and PDF need no transparency). */
    private static Color bandColour(Band b) {
        int argb = Palette.colour(b.colour());
        double a = b.opacity();
        int r = (int) Math.round(255 + a * (((argb >> 16) & 0xFF) - 255));
        int gr = (int) Math.round(255 + a * (((argb >> 8) & 0xFF) - 255));
        int bl = (int) Math.round(255 + a * ((argb & 0xFF) - 255));
        return new Color(r, gr, bl);
    }

    /** One closed outline per run of consecutive steps where both bounds are usable. */
    private static List<Path2D.Double> bandPieces(Band b, boolean logY, java.util.function.DoubleUnaryOperator px,
                                                  java.util.function.DoubleUnaryOperator py) {
        List<Path2D.Double> pieces = new ArrayList<>();
        int n = b.steps().length, i = 0;
        while (i < n) {
            while (i < n && !(usable(b.lower()[i], logY) && usable(b.upper()[i], logY))) {
                i++;
            }
            int start = i;
            while (i < n && usable(b.lower()[i], logY) && usable(b.upper()[i], logY)) {
                i++;
            }
            if (i - start >= 2) {
                Path2D.Double path = new Path2D.Double();
                for (int j = start; j < i; j++) {
                    double x = px.applyAsDouble(b.steps()[j] + 1.0), y = py.applyAsDouble(b.upper()[j]);
                    if (j == start) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                for (int j = i - 1; j >= start; j--) {
                    path.lineTo(px.applyAsDouble(b.steps()[j] + 1.0), py.applyAsDouble(b.lower()[j]));
                }
                path.closePath();
                pieces.add(path);
            }
        }
        return pieces;
    }

    private static boolean usable(double v, boolean logY) {
        return Double.isFinite(v) && (!logY || v > 0);
    }
}
