package org.marginscope.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.marginscope.render.Palette;

/** Draws a class's marker: filled with a dark rim for training points, a thick outline for test points. */
final class Markers {
    private Markers() {
    }

    static Color colour(int cls) {
        int c = Palette.colour(cls);
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    }

    static void draw(GraphicsContext g, int cls, double x, double y, double size, boolean filled) {
        Color c = colour(cls);
        double r = size / 2;
        g.setLineWidth(filled ? 0.9 : 1.8);
        g.setStroke(filled ? Color.rgb(20, 20, 20, 0.85) : c);
        g.setFill(c);
        switch (Palette.marker(cls)) {
            case CIRCLE -> {
                if (filled) {
                    g.fillOval(x - r, y - r, size, size);
                }
                g.strokeOval(x - r, y - r, size, size);
            }
            case SQUARE -> {
                double s = r * 0.9;
                if (filled) {
                    g.fillRect(x - s, y - s, 2 * s, 2 * s);
                }
                g.strokeRect(x - s, y - s, 2 * s, 2 * s);
            }
            case TRIANGLE -> polygon(g, filled, new double[] {x, x + r * 1.1, x - r * 1.1},
                    new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8});
            case TRIANGLE_DOWN -> polygon(g, filled, new double[] {x, x + r * 1.1, x - r * 1.1},
                    new double[] {y + r * 1.2, y - r * 0.8, y - r * 0.8});
            case DIAMOND -> polygon(g, filled, new double[] {x, x + r * 1.2, x, x - r * 1.2},
                    new double[] {y - r * 1.2, y, y + r * 1.2, y});
            case CROSS -> {
                g.setStroke(c);
                g.setLineWidth(2.2);
                g.strokeLine(x - r, y - r, x + r, y + r);
                g.strokeLine(x - r, y + r, x + r, y - r);
            }
            case PLUS -> {
                g.setStroke(c);
                g.setLineWidth(2.2);
                g.strokeLine(x - r * 1.1, y, x + r * 1.1, y);
                g.strokeLine(x, y - r * 1.1, x, y + r * 1.1);
            }
            case STAR -> {
                double[] xs = new double[10], ys = new double[10];
                for (int i = 0; i < 10; i++) {
                    double a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 == 0 ? r * 1.3 : r * 0.55;
                    xs[i] = x + rr * Math.cos(a);
                    ys[i] = y + rr * Math.sin(a);
                }
                polygon(g, filled, xs, ys);
            }
            default -> throw new AssertionError();
        }
    }

    private static void polygon(GraphicsContext g, boolean filled, double[] xs, double[] ys) {
        if (filled) {
            g.fillPolygon(xs, ys, xs.length);
        }
        g.strokePolygon(xs, ys, xs.length);
    }
}
