package org.marginscope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link Pen} on Java2D: what a view draws on screen, drawn into a figure (PNG, SVG, PDF). */
public final class Java2DPen implements Pen {
    private record State(Color fill, Color stroke, float width, float[] dashes, Font font, Align align, Baseline baseline,
                         AffineTransform transform, java.awt.Shape clip) {
    }

    private final Graphics2D g;
    private final Deque<State> saved = new ArrayDeque<>();
    private Color fill = Color.BLACK, stroke = Color.BLACK;
    private float width = 1;
    private float[] dashes;
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private Align align = Align.LEFT;
    private Baseline baseline = Baseline.TOP;

    /** A page of w x h points that a view's own pen painting fills, for the exporters. */
    public static Figure figure(double w, double h, java.util.function.Consumer<Pen> painting) {
        int width = (int) Math.ceil(w), height = (int) Math.ceil(h);
        return new Figure() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void paint(Graphics2D g) {
                Figure.blankPage(g, width, height);
                painting.accept(new Java2DPen(g));
            }
        };
    }

    public Java2DPen(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static Color colour(int argb) {
        return new Color(argb, true);
    }

    @Override
    public void fill(int argb) {
        fill = colour(argb);
    }

    @Override
    public void stroke(int argb) {
        stroke = colour(argb);
    }

    @Override
    public void lineWidth(double w) {
        width = (float) w;
    }

    @Override
    public void dashes(double... d) {
        if (d == null || d.length == 0) {
            dashes = null;
            return;
        }
        dashes = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            dashes[i] = (float) d[i];
        }
    }

    @Override
    public void font(double size) {
        font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) size);
    }

    @Override
    public void align(Align a) {
        align = a;
    }

    @Override
    public void baseline(Baseline b) {
        baseline = b;
    }

    @Override
    public void fillText(String s, double x, double y) {
        g.setFont(font);
        g.setColor(fill);
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(s);
        double dx = switch (align) {
            case LEFT -> 0;
            case CENTER -> -w / 2;
            case RIGHT -> -w;
        };
        // JavaFX's TOP and BOTTOM are the line's ascent and descent; CENTER the middle between them
        double dy = switch (baseline) {
            case TOP -> fm.getAscent();
            case CENTER -> (fm.getAscent() - fm.getDescent()) / 2.0;
            case BOTTOM -> -fm.getDescent();
        };
        g.drawString(s, (float) (x + dx), (float) (y + dy));
    }

    @Override
    public double textWidth(String s) {
        return g.getFontMetrics(font).stringWidth(s);
    }

    private void strokeShape(java.awt.Shape s) {
        g.setColor(stroke);
        g.setStroke(dashes == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dashes, 0));
        g.draw(s);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        strokeShape(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        strokeShape(new Line2D.Double(x0, y0, x1, y1));
    }

    @Override
    public void strokePolygons(java.util.List<double[]> polygons) {
        for (double[] p : polygons) {
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            path.moveTo(p[0], p[1]);
            for (int i = 2; i + 1 < p.length; i += 2) {
                path.lineTo(p[i], p[i + 1]);
            }
            path.closePath();
            strokeShape(path);
        }
    }

    @Override
    public void strokeSegments(double[] s) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (int i = 0; i + 3 < s.length; i += 4) {
            path.moveTo(s[i], s[i + 1]);
            path.lineTo(s[i + 2], s[i + 3]);
        }
        strokeShape(path);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        g.setColor(fill);
        g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        strokeShape(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void marker(int cls, double x, double y, double size, boolean filled) {
        TransformedPainter.marker(g, cls, x, y, size, filled);
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform at = new AffineTransform(dw / w, 0, 0, dh / h, x, y);
        g.drawImage(img, at, null);
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
    }

    @Override
    public void save() {
        saved.push(new State(fill, stroke, width, dashes, font, align, baseline, g.getTransform(), g.getClip()));
    }

    @Override
    public void restore() {
        State s = saved.pop();
        fill = s.fill();
        stroke = s.stroke();
        width = s.width();
        dashes = s.dashes();
        font = s.font();
        align = s.align();
        baseline = s.baseline();
        g.setTransform(s.transform());
        g.setClip(s.clip());
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(Math.toRadians(degrees));
    }
}
