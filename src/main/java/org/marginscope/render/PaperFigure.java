package org.marginscope.render;

import org.marginscope.data.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Li et al. Fig 2 as one composed figure: (A) the data, (B) the network's boundary in the original
 * plane, (C) the transformed plane shaded by the SVM with its boundary, margins and support vectors,
 * (D) the same plane shaded by the network with its last-layer boundary. Panel letters, axis labels,
 * a legend and a caption naming the preset, the step and the measures. Light background, colours from
 * the print-safe {@link Palette}.
 */
public final class PaperFigure implements Figure {
    static final int PANEL = 260, LEFT = 52, TOP = 34, GAP = 30, BOTTOM = 44, LEGEND = 26, CAPTION = 34;
    private static final Color AXIS = new Color(0x33, 0x33, 0x33), PANEL_BG = new Color(0xf7, 0xf7, 0xf7);
    private static final double MARKER = 4.2;

    private final Dataset data;
    private final BoundaryFrame original;
    private final TransformedFrame transformed;
    private final String caption;
    private final List<Kind> kinds;
    private final int panels;

    /** The panels a figure can hold: Li Fig 2's four, or the transformed view as the window shows it. */
    public enum Kind {
        DATA, ORIGINAL, SVM, NETWORK, TRANSFORMED;

        /** Li et al. Fig 2: data, boundary, SVM in the transformed space, network in the transformed space. */
        public static final List<Kind> PAPER = List.of(DATA, ORIGINAL, SVM, NETWORK);
    }

    /** @param original the network over the data's window, or null when the input is not a plane */
    public PaperFigure(Dataset data, BoundaryFrame original, TransformedFrame transformed, String caption) {
        this(data, original, transformed, caption, Kind.PAPER);
    }

    public PaperFigure(Dataset data, BoundaryFrame original, TransformedFrame transformed, String caption,
                       List<Kind> kinds) {
        this.data = data;
        this.original = original;
        this.transformed = transformed;
        this.caption = caption;
        List<Kind> k = new ArrayList<>(kinds);
        if (original == null) {
            k.removeAll(List.of(Kind.DATA, Kind.ORIGINAL));
        }
        if (k.isEmpty()) {
            k.add(Kind.TRANSFORMED);
        }
        this.kinds = List.copyOf(k);
        this.panels = this.kinds.size();
    }

    /** The same moment with other panels (e.g. one view of the window). */
    public PaperFigure withPanels(List<Kind> k) {
        return new PaperFigure(data, original, transformed, caption, k);
    }

    /** Renders both frames for these weights and composes the figure (call off the FX thread). */
    public static PaperFigure of(Dataset d, NetworkSpec spec, Parameters p, Parameters retired, double offset, long step,
                                 String title) {
        return new Maker().make(d, spec, p, retired, offset, step, title);
    }

    /** Makes figures one after another with the same renderers (an animation's frames). One per thread. */
    public static final class Maker {
        private final BoundaryRenderer boundary = new BoundaryRenderer();
        private final TransformedRenderer transform = new TransformedRenderer();

        public PaperFigure make(Dataset d, NetworkSpec spec, Parameters p, Parameters retired, double offset, long step,
                                String title) {
            BoundaryFrame original = null;
            if (d.dim() == 2) {
                original = boundary.render(spec, p, offset, new Viewport(dataWindow(d), 240, 240), step,
                        d.classesWithPoints());
            }
            TransformedFrame t = transform.render(spec, p, retired, offset, d, step);
            return new PaperFigure(d, original, t, caption(title, step, t.alignment()));
        }
    }

    /** The data's bounding box with 8% to spare, square-ish as the screen view shows it. */
    static Bounds dataWindow(Dataset d) {
        double[] all = new double[2 * (d.size() + d.testSize())];
        System.arraycopy(d.trainX(), 0, all, 0, 2 * d.size());
        System.arraycopy(d.testX(), 0, all, 2 * d.size(), 2 * d.testSize());
        return Bounds.enclosing(all, 0.08);
    }

    static String caption(String title, long step, LastLayerAlignment.Result a) {
        StringBuilder sb = new StringBuilder(title).append(", step ").append(step);
        if (a != null && a.separable()) {
            double mean = a.meanAngleDeg();
            sb.append(String.format(Locale.ROOT, ": angle to SVM %.2f\u00b0%s, margin net %.3g / SVM %.3g", mean,
                    a.angleDeg().length > 1 ? " (class mean)" : String.format(Locale.ROOT, ", bias gap %.3g", a.biasGap()),
                    a.nnMargin(), a.svmMargin()));
        } else if (a != null) {
            sb.append(": transformed points not separable (soft-margin SVM shown)");
        }
        return sb.toString();
    }

    static final int LEGEND_COLUMN = 190;

    @Override
    public int width() {
        return panels == 1 ? LEFT + PANEL + 24 + LEGEND_COLUMN
                : LEFT + panels * PANEL + (panels - 1) * (GAP + LEFT - 20) + 16;
    }

    @Override
    public int height() {
        return TOP + PANEL + BOTTOM + (panels == 1 ? 2 * CAPTION - 12 : LEGEND * legendRows().size() + CAPTION);
    }

    int panelX(int i) {
        return LEFT + i * (PANEL + GAP + LEFT - 20);
    }

    public TransformedFrame transformed() {
        return transformed;
    }

    /** The original-plane panel's field and boundary (null when the input is not a plane). */
    public BoundaryFrame original() {
        return original;
    }

    @Override
    public void paint(Graphics2D g) {
        Figure.blankPage(g, width(), height());
        String proj = transformed.projected() ? " (PCA)" : "";
        String ax = transformed.projected() ? "PC" : "\u03b4";
        var svmLayers = new TransformedPainter.Layers(false, true, true, true, false, true);
        var netLayers = new TransformedPainter.Layers(true, false, false, false, false, false);
        var bothLayers = new TransformedPainter.Layers(true, true, true, true, false, false);
        for (int i = 0; i < panels; i++) {
            switch (kinds.get(i)) {
                case DATA -> {
                    Bounds b = original.viewport().bounds();
                    panel(g, i, "Data", b, "x\u2081", "x\u2082", (pg, w, h) -> points(pg, data, b, w, h, MARKER));
                }
                case ORIGINAL -> {
                    Bounds b = original.viewport().bounds();
                    panel(g, i, "Network, original space", b, "x\u2081", "x\u2082", (pg, w, h) -> {
                        field(pg, original, w, h);
                        points(pg, data, b, w, h, MARKER);
                    });
                }
                case SVM -> panel(g, i, "SVM, transformed space" + proj, transformed.bounds(), ax + "\u2081",
                        ax + "\u2082", (pg, w, h) -> TransformedPainter.draw(pg, transformed, w, h, svmLayers, MARKER));
                case NETWORK -> panel(g, i, "Network, transformed space" + proj, transformed.bounds(), ax + "\u2081",
                        ax + "\u2082", (pg, w, h) -> TransformedPainter.draw(pg, transformed, w, h, netLayers, MARKER));
                case TRANSFORMED -> panel(g, i, "Transformed space: network and SVM" + proj, transformed.bounds(),
                        ax + "\u2081", ax + "\u2082",
                        (pg, w, h) -> TransformedPainter.draw(pg, transformed, w, h, bothLayers, MARKER));
                default -> throw new IllegalStateException();
            }
        }
        if (panels == 1) {
            legend(g, legendEntries(), LEFT + PANEL + 24, TOP + 8, true);
            g.setColor(AXIS);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<String> lines = wrap(g, caption, width() - 24);
            for (int l = 0; l < lines.size() && l < 2; l++) {
                g.drawString(lines.get(l), 12, TOP + PANEL + BOTTOM + 10 + 17 * l);
            }
            return;
        }
        double rowY = TOP + PANEL + BOTTOM + 10;
        for (List<Entry> row : legendRows()) {
            legend(g, row, LEFT - 30, rowY, false);
            rowY += LEGEND;
        }
        g.setColor(AXIS);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(fit(g, caption, width() - 2 * LEFT + 40), LEFT - 30, height() - 14);
    }

    private interface Content {
        void paint(Graphics2D g, int w, int h);
    }

    private void panel(Graphics2D g, int i, String title, Bounds b, String xl, String yl, Content c) {
        int x0 = panelX(i), y0 = TOP;
        Graphics2D pg = (Graphics2D) g.create();
        try {
            pg.translate(x0, y0);
            pg.clipRect(0, 0, PANEL, PANEL);
            pg.setColor(PANEL_BG);
            pg.fillRect(0, 0, PANEL, PANEL);
            c.paint(pg, PANEL, PANEL);
        } finally {
            pg.dispose();
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, PANEL, PANEL);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (panels > 1) {
            g.drawString(String.valueOf((char) ('A' + i)), x0 - 40, y0 - 12);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, x0, y0 - 12);
        ticks(g, x0, y0, b, xl, yl);
    }

    private void ticks(Graphics2D g, int x0, int y0, Bounds b, String xl, String yl) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        double sx = NiceTicks.step(b.xMin(), b.xMax(), 5), sy = NiceTicks.step(b.yMin(), b.yMax(), 5);
        for (double v : NiceTicks.ticks(b.xMin(), b.xMax(), 5)) {
            double x = x0 + (v - b.xMin()) / b.width() * PANEL;
            g.draw(new Line2D.Double(x, y0 + PANEL, x, y0 + PANEL + 4));
            String s = NiceTicks.label(v, sx);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), y0 + PANEL + 15);
        }
        for (double v : NiceTicks.ticks(b.yMin(), b.yMax(), 5)) {
            double y = y0 + (b.yMax() - v) / b.height() * PANEL;
            g.draw(new Line2D.Double(x0 - 4, y, x0, y));
            String s = NiceTicks.label(v, sy);
            g.drawString(s, x0 - 6 - fm.stringWidth(s), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        fm = g.getFontMetrics();
        g.drawString(xl, x0 + PANEL / 2f - fm.stringWidth(xl) / 2f, y0 + PANEL + 31);
        AffineTransform t = g.getTransform();
        g.rotate(-Math.PI / 2, x0 - 36, y0 + PANEL / 2.0);
        g.drawString(yl, x0 - 36 - fm.stringWidth(yl) / 2f, y0 + PANEL / 2f);
        g.setTransform(t);
    }

    /** The frame's shading stretched over w x h, and the network's boundary over it (also the gallery's thumbnails). */
    static void field(Graphics2D g, BoundaryFrame original, int w, int h) {
        int nx = original.viewport().nx(), ny = original.viewport().ny();
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, nx, ny, original.argb(), 0, nx);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        Bounds b = original.viewport().bounds();
        g.setColor(TransformedPainter.NET_LINE);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (Contours.Segment s : original.boundary()) {
            path.moveTo((s.x0() - b.xMin()) / b.width() * w, (b.yMax() - s.y0()) / b.height() * h);
            path.lineTo((s.x1() - b.xMin()) / b.width() * w, (b.yMax() - s.y1()) / b.height() * h);
        }
        g.draw(path);
    }

    /** The data's markers in window b drawn over w x h: training points filled, test points hollow. */
    static void points(Graphics2D g, Dataset data, Bounds b, int w, int h, double marker) {
        double[] x = data.trainX(), t = data.testX();
        for (int i = 0; i < data.size(); i++) {
            TransformedPainter.marker(g, data.trainLabel(i), (x[2 * i] - b.xMin()) / b.width() * w,
                    (b.yMax() - x[2 * i + 1]) / b.height() * h, marker, true);
        }
        for (int i = 0; i < data.testSize(); i++) {
            TransformedPainter.marker(g, data.testLabel(i), (t[2 * i] - b.xMin()) / b.width() * w,
                    (b.yMax() - t[2 * i + 1]) / b.height() * h, marker, false);
        }
    }

    /** A legend entry: a glyph drawn left-aligned at (x, centre y), of a known width, and its label. */
    record Entry(String label, double width, Glyph glyph) {
    }

    interface Glyph {
        void draw(Graphics2D g, double x, double cy);
    }

    /** The classes' markers, test points, then (where a panel shows the SVM) its lines and the ring. */
    private List<Entry> legendEntries() {
        List<Entry> e = new ArrayList<>();
        int[] present = data.presentClasses();
        for (int cls : present.length >= 2 ? present : new int[] {0, 1}) { // an empty class has no entry
            e.add(new Entry("class " + cls, 10, (g, x, cy) -> TransformedPainter.marker(g, cls, x + 5, cy, MARKER + 1, true)));
        }
        if (data.testSize() > 0) {
            e.add(new Entry("test point (hollow)", 10,
                    (g, x, cy) -> TransformedPainter.marker(g, 0, x + 5, cy, MARKER + 1, false)));
        }
        e.add(new Entry("network boundary", 28, line(TransformedPainter.NET_LINE, TransformedPainter.NET_STROKE)));
        if (kinds.contains(Kind.SVM) || kinds.contains(Kind.TRANSFORMED)) {
            e.add(new Entry("SVM", 28, line(TransformedPainter.SVM_LINE, TransformedPainter.SVM_STROKE)));
            e.add(new Entry("SVM margins", 28, line(TransformedPainter.SVM_LINE, TransformedPainter.MARGIN_STROKE)));
            e.add(new Entry("support vector", 12, (g, x, cy) -> {
                g.setColor(TransformedPainter.SVM_LINE);
                g.setStroke(TransformedPainter.RING_STROKE);
                g.draw(new Ellipse2D.Double(x, cy - 6, 12, 12));
            }));
        }
        return e;
    }

    private static Glyph line(Color colour, BasicStroke stroke) {
        return (g, x, cy) -> {
            g.setColor(colour);
            g.setStroke(stroke);
            g.draw(new Line2D.Double(x, cy, x + 28, cy));
        };
    }

    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The room an entry takes in a legend row: glyph, label and the space before the next. */
    private static double rowWidth(Entry e) {
        var frc = new java.awt.font.FontRenderContext(null, true, true);
        return e.width() + 22 + LEGEND_FONT.getStringBounds(e.label(), frc).getWidth();
    }

    /** Under multi-panel figures: the entries in rows as wide as the figure (two panels hold fewer than four). */
    List<List<Entry>> legendRows() {
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        double room = width() - (LEFT - 30) - 8, used = 0;
        for (Entry e : legendEntries()) {
            double w = rowWidth(e);
            if (!row.isEmpty() && used + w - 16 > room) { // the last entry needs no space after it
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(e);
            used += w;
        }
        rows.add(row);
        return rows;
    }

    /** Legend entries from (x, y): in a row, or in a column beside a single panel. */
    private void legend(Graphics2D g, List<Entry> entries, double x, double y, boolean column) {
        g.setFont(LEGEND_FONT);
        for (Entry e : entries) {
            e.glyph().draw(g, x, y);
            g.setColor(AXIS);
            g.drawString(e.label(), (float) (x + e.width() + 6), (float) (y + 4));
            if (column) {
                y += 18;
            } else {
                x += rowWidth(e);
            }
        }
    }

    /** Words of s in lines no wider than width. */
    private static List<String> wrap(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + w) > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(w);
        }
        out.add(line.toString());
        return out;
    }

    private static String fit(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        while (s.length() > 4 && fm.stringWidth(s + "\u2026") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }
}
