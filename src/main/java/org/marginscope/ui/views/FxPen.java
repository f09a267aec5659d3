package org.marginscope.ui.views;

import java.nio.IntBuffer;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.render.Pen;

/** A {@link Pen} on a JavaFX canvas. Images are kept per pixel array, so a frame's images upload once. */
final class FxPen implements Pen {
    private final GraphicsContext g;
    private final Map<int[], WritableImage> images;
    private Font font = Font.font(13);
    /** Where header lines go (cut, with the full text in a tooltip), or null: cut only. */
    private final CanvasHeader header;

    /** @param images where this view keeps its uploaded images between redraws (weakly, by pixel array) */
    FxPen(GraphicsContext g, Map<int[], WritableImage> images) {
        this(g, images, null);
    }

    /** A pen whose header lines go through the view's {@link CanvasHeader} (between its begin and end). */
    FxPen(GraphicsContext g, Map<int[], WritableImage> images, CanvasHeader header) {
        this.g = g;
        this.images = images;
        this.header = header;
        g.setFont(font);
    }

    /** An image cache for {@link #FxPen(GraphicsContext, Map)}: entries go with the frames that made them. */
    static Map<int[], WritableImage> imageCache() {
        return new WeakHashMap<>();
    }

    private static Color colour(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    @Override
    public void fill(int argb) {
        g.setFill(colour(argb));
    }

    @Override
    public void stroke(int argb) {
        g.setStroke(colour(argb));
    }

    @Override
    public void lineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void dashes(double... d) {
        g.setLineDashes(d == null || d.length == 0 ? null : d);
    }

    @Override
    public void font(double size) {
        font = Font.font(size);
        g.setFont(font);
    }

    @Override
    public void align(Align a) {
        g.setTextAlign(switch (a) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
    }

    @Override
    public void baseline(Baseline b) {
        g.setTextBaseline(switch (b) {
            case TOP -> VPos.TOP;
            case CENTER -> VPos.CENTER;
            case BOTTOM -> VPos.BOTTOM;
        });
    }

    @Override
    public void fillText(String s, double x, double y) {
        g.fillText(s, x, y);
    }

    @Override
    public void headerLine(String s, double x, double y, double lineHeight, double w) {
        if (header == null) {
            Pen.super.headerLine(s, x, y, lineHeight, w);
        } else {
            header.line(g, s, x, y, lineHeight);
        }
    }

    @Override
    public double textWidth(String s) {
        return ViewCanvas.textWidth(s, font);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        g.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void strokePolygons(java.util.List<double[]> polygons) {
        g.beginPath();
        for (double[] p : polygons) {
            g.moveTo(p[0], p[1]);
            for (int i = 2; i + 1 < p.length; i += 2) {
                g.lineTo(p[i], p[i + 1]);
            }
            g.closePath();
        }
        g.stroke();
    }

    @Override
    public void strokeSegments(double[] s) {
        g.beginPath();
        for (int i = 0; i + 3 < s.length; i += 4) {
            g.moveTo(s[i], s[i + 1]);
            g.lineTo(s[i + 2], s[i + 3]);
        }
        g.stroke();
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        g.fillRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void marker(int cls, double x, double y, double size, boolean filled) {
        Markers.draw(g, cls, x, y, size, filled);
    }

    @Override
    public void image(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        WritableImage img = images.computeIfAbsent(argb, a -> {
            WritableImage i = new WritableImage(w, h);
            i.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), a, 0, w);
            return i;
        });
        g.setImageSmoothing(true);
        g.drawImage(img, x, y, dw, dh);
    }

    /**
     * Opaque pixels are premultiplied already, so the image wraps them with no conversion on either thread. It wraps
     * a copy (a fraction of a millisecond): a cached image that wrapped the array itself would hold its weak key and
     * never be let go.
     */
    @Override
    public void opaquePixels(int[] argb, int w, int h, double x, double y) {
        WritableImage img = images.computeIfAbsent(argb, a -> new WritableImage(
                new PixelBuffer<>(w, h, IntBuffer.wrap(a.clone()), PixelFormat.getIntArgbPreInstance())));
        g.drawImage(img, x, y);
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
        font = g.getFont();
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }
}
