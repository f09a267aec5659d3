package org.marginscope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.data.Bounds;

/**
 * Rasterises the plot area of a {@link TransformedFrame} with Java2D, off the FX thread: shading (by
 * the network or by the SVM), the warped grid, the network's and the SVM's boundaries, the margins,
 * every point and the ringed support vectors. The screen view only copies the pixels; exports reuse it.
 */
public final class TransformedPainter {
    /** What is drawn. {@code shadeBySvm}: the plane coloured by the SVM's labels (Li et al. Fig 2, rows C-D). */
    public record Layers(boolean network, boolean svm, boolean margins, boolean support, boolean grid,
                         boolean shadeBySvm) {
        public static final Layers ALL = new Layers(true, true, true, true, false, false);

        public Layers shadedBySvm() {
            return new Layers(network, svm, margins, support, grid, true);
        }
    }

    public static final Color NET_LINE = new Color(0x22, 0x22, 0x22), SVM_LINE = new Color(0x7a, 0x1f, 0xa2),
            RETIRED_LINE = new Color(0x70, 0x70, 0x70);
    /** The line styles, shared with the figures' legends. */
    public static final BasicStroke NET_STROKE = new BasicStroke(2.2f),
            SVM_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {9, 6}, 0),
            MARGIN_STROKE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 5}, 0),
            RING_STROKE = new BasicStroke(1.8f),
            PENALISED_STROKE = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {10, 3, 2, 3}, 0);
    /** The bias-penalised SVM min |w|^2 + b^2 (Okabe-Ito orange, dash-dot). */
    public static final java.awt.Color PENALISED_LINE = new java.awt.Color(0xe6, 0x9f, 0x00);
    private static final Color BACKGROUND = new Color(0xf7, 0xf7, 0xf7), GRID = new Color(40, 40, 40, 90),
            RIM = new Color(20, 20, 20, 217);
    private static final int SVM_GRID = 128;

    private TransformedPainter() {
    }

    /** ARGB (premultiplied) pixels, w x h, row 0 at the top. */
    public static int[] paint(TransformedFrame f, int w, int h, Layers layers, double markerSize) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, f, w, h, layers, markerSize, true);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /**
     * Draws the plot area (w x h at the origin of g) on any Graphics2D: a raster, or an SVG/PDF one, where
     * the shading becomes an embedded image and lines and points stay vectors.
     */
    public static void draw(Graphics2D g, TransformedFrame f, int w, int h, Layers layers, double markerSize) {
        draw(g, f, w, h, layers, markerSize, false);
    }

    /**
     * {@code sprites}: markers as pre-drawn images placed at the nearest pixel (rasters only: thousands of
     * antialiased shapes cost a scrub 40-200 ms on 2 cores; a blit costs microseconds).
     */
    private static void draw(Graphics2D g, TransformedFrame f, int w, int h, Layers layers, double markerSize,
                             boolean sprites) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        Mapping m = new Mapping(f.bounds(), w, h);
        int[] shade = layers.shadeBySvm() ? svmShade(f) : layers.network() ? f.argb() : null;
        if (shade != null) {
            int nx = layers.shadeBySvm() ? SVM_GRID : f.nx(), ny = layers.shadeBySvm() ? SVM_GRID : f.ny();
            // the shades are opaque, so their ARGB values are already premultiplied: the fast same-format scaling loop
            BufferedImage s = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB_PRE);
            s.setRGB(0, 0, nx, ny, shade, 0, nx);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(s, 0, 0, w, h, null);
        }
        if (layers.grid() && f.grid() != null) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(0.9f));
            WarpedGrid wg = f.grid();
            for (int l = 0; l < wg.lines(); l++) {
                Path2D.Double p = new Path2D.Double();
                for (int s = 0; s < wg.samples(); s++) {
                    int o = 2 * (l * wg.samples() + s);
                    if (s == 0) {
                        p.moveTo(m.x(wg.xy()[o]), m.y(wg.xy()[o + 1]));
                    } else {
                        p.lineTo(m.x(wg.xy()[o]), m.y(wg.xy()[o + 1]));
                    }
                }
                g.draw(p);
            }
        }
        if (layers.network() && f.retired() != null && f.retired().w() != null) {
            g.setColor(RETIRED_LINE);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {12, 4, 2, 4}, 0));
            line(g, m, f.retired().w(), f.retired().b(), 0);
        }
        if (layers.network() && f.companions() != null) {
            // ensemble copies: thin and translucent under the network's own line (Poggio et al.)
            g.setColor(new java.awt.Color(90, 90, 90, 110));
            g.setStroke(new BasicStroke(1.2f));
            for (TransformedFrame.Companion c : f.companions()) {
                if (c.w() != null) {
                    line(g, m, c.w(), c.b(), 0);
                }
            }
        }
        if (layers.network() && f.nnW() != null) {
            g.setColor(NET_LINE);
            g.setStroke(NET_STROKE);
            line(g, m, f.nnW(), f.nnB(), 0);
        }
        SvmSolution svm = f.svm();
        if (svm != null && svm.binary() && !f.projected() && layers.svm()) {
            g.setColor(SVM_LINE);
            g.setStroke(SVM_STROKE);
            line(g, m, svm.w(), svm.bias(), 0);
            if (layers.margins()) {
                g.setStroke(MARGIN_STROKE);
                line(g, m, svm.w(), svm.bias(), 1);
                line(g, m, svm.w(), svm.bias(), -1);
            }
        }
        if (layers.svm() && !f.projected() && f.limits() != null && f.limits().penalised() != null) {
            // Nar et al.'s limit of the cross-entropy with a trained bias, beside the free-bias SVM
            g.setColor(PENALISED_LINE);
            g.setStroke(PENALISED_STROKE);
            line(g, m, f.limits().penalised().w(), f.limits().penalised().b(), 0);
        }
        double[] xy = f.xy();
        for (int i = 0; i < f.labels().length; i++) {
            if (sprites) {
                MarkerSprites.draw(g, f.labels()[i], m.x(xy[2 * i]), m.y(xy[2 * i + 1]), markerSize, i < f.trainCount());
            } else {
                marker(g, f.labels()[i], m.x(xy[2 * i]), m.y(xy[2 * i + 1]), markerSize, i < f.trainCount());
            }
        }
        if (svm != null && svm.binary() && !f.projected() && layers.support()) {
            g.setColor(SVM_LINE);
            g.setStroke(RING_STROKE);
            double scale = 0;
            for (double v : svm.dual()) {
                scale = Math.max(scale, Math.abs(v));
            }
            double r = markerSize + 1;
            for (int i = 0; i < f.trainCount(); i++) {
                if (Math.abs(svm.dual()[i]) > 1e-6 * scale) {
                    g.draw(new Ellipse2D.Double(m.x(xy[2 * i]) - r, m.y(xy[2 * i + 1]) - r, 2 * r, 2 * r));
                }
            }
        }
    }

    /** The SVM's labels over the plane: its sign (binary) or arg max (K classes), in the classes' light tints. */
    static int[] svmShade(TransformedFrame f) {
        SvmSolution svm = f.svm();
        if (svm == null || f.projected() || f.dim() != 2) {
            return null;
        }
        Bounds b = f.bounds();
        int[] argb = new int[SVM_GRID * SVM_GRID];
        for (int j = 0; j < SVM_GRID; j++) {
            double y = b.yMax() - (j + 0.5) * b.height() / SVM_GRID;
            for (int i = 0; i < SVM_GRID; i++) {
                double x = b.xMin() + (i + 0.5) * b.width() / SVM_GRID;
                int cls = svm.predict(new double[] {x, y}); // K classes: only those with points
                argb[j * SVM_GRID + i] = Shading.tint(cls);
            }
        }
        return argb;
    }

    static void marker(Graphics2D g, int cls, double x, double y, double size, boolean filled) {
        marker(g, cls, x, y, size, filled, RIM, (float) MarkerGlyph.RIM);
    }

    /** As above with a filled marker's rim in the colour and width given. */
    static void marker(Graphics2D g, int cls, double x, double y, double size, boolean filled, Color rim,
                       float rimWidth) {
        Color c = new Color(Palette.colour(cls));
        MarkerGlyph mg = MarkerGlyph.of(cls, x, y, size);
        double[] xs = mg.xs(), ys = mg.ys();
        java.awt.Shape shape = switch (mg.kind()) {
            case OVAL -> new Ellipse2D.Double(xs[0], ys[0], xs[1], ys[1]);
            case POLYGON -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(xs[0], ys[0]);
                for (int i = 1; i < xs.length; i++) {
                    p.lineTo(xs[i], ys[i]);
                }
                p.closePath();
                yield p;
            }
            case STROKES -> null;
        };
        if (shape == null) {
            g.setColor(c);
            g.setStroke(new BasicStroke((float) MarkerGlyph.STROKE));
            for (int i = 0; i < xs.length; i += 2) {
                g.draw(new Line2D.Double(xs[i], ys[i], xs[i + 1], ys[i + 1]));
            }
            return;
        }
        if (filled) {
            g.setColor(c);
            g.fill(shape);
        }
        g.setColor(filled ? rim : c);
        g.setStroke(new BasicStroke(filled ? rimWidth : (float) MarkerGlyph.OUTLINE));
        g.draw(shape);
    }

    /** Draws w.x + b = level across the plot. */
    private static void line(Graphics2D g, Mapping m, double[] w, double b, double level) {
        Bounds bd = m.bounds;
        double x0 = bd.xMin(), x1 = bd.xMax();
        if (Math.abs(w[1]) > 1e-12 * Math.abs(w[0])) {
            double y0 = (level - b - w[0] * x0) / w[1], y1 = (level - b - w[0] * x1) / w[1];
            g.draw(new Line2D.Double(m.x(x0), m.y(y0), m.x(x1), m.y(y1)));
        } else if (w[0] != 0) {
            double x = (level - b) / w[0];
            g.draw(new Line2D.Double(m.x(x), m.y(bd.yMin()), m.x(x), m.y(bd.yMax())));
        }
    }

    /** Plane coordinates to pixels of a w x h raster. */
    private record Mapping(Bounds bounds, int w, int h) {
        double x(double v) {
            return (v - bounds.xMin()) / bounds.width() * w;
        }

        double y(double v) {
            return (bounds.yMax() - v) / bounds.height() * h;
        }
    }
}
