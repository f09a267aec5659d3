package org.marginscope.ui.views;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.marginscope.render.MarkerGlyph;
import org.marginscope.render.Palette;

/** Draws a class's marker: filled with a dark rim for training points, a thick outline for test points. */
public final class Markers {
    private static final Color RIM = Color.rgb(20, 20, 20, 0.85);

    private Markers() {
    }

    static Color colour(int cls) {
        int c = Palette.colour(cls);
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    }

    public static void draw(GraphicsContext g, int cls, double x, double y, double size, boolean filled) {
        Color c = colour(cls);
        MarkerGlyph m = MarkerGlyph.of(cls, x, y, size);
        g.setLineWidth(filled ? MarkerGlyph.RIM : MarkerGlyph.OUTLINE);
        g.setStroke(filled ? RIM : c);
        g.setFill(c);
        double[] xs = m.xs(), ys = m.ys();
        switch (m.kind()) {
            case OVAL -> {
                if (filled) {
                    g.fillOval(xs[0], ys[0], xs[1], ys[1]);
                }
                g.strokeOval(xs[0], ys[0], xs[1], ys[1]);
            }
            case POLYGON -> {
                if (filled) {
                    g.fillPolygon(xs, ys, xs.length);
                }
                g.strokePolygon(xs, ys, xs.length);
            }
            case STROKES -> {
                g.setStroke(c);
                g.setLineWidth(MarkerGlyph.STROKE);
                for (int i = 0; i < xs.length; i += 2) {
                    g.strokeLine(xs[i], ys[i], xs[i + 1], ys[i + 1]);
                }
            }
            default -> throw new AssertionError();
        }
    }
}
