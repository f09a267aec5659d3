package org.marginscope.ui.views;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

/** The start every canvas view's draw shares: a white page and the heading's text style (left, top, 13 px). */
public final class ViewCanvas {
    private ViewCanvas() {
    }

    /** The line a x + b y + c = 0 (data coordinates) across a window of the plane, through the given mappings to pixels. */
    static void line(GraphicsContext g, double a, double b, double c, org.marginscope.data.Bounds w,
                     java.util.function.DoubleUnaryOperator sx, java.util.function.DoubleUnaryOperator sy) {
        if (Math.abs(b) > 1e-12 * Math.abs(a)) {
            g.strokeLine(sx.applyAsDouble(w.xMin()), sy.applyAsDouble(-(c + a * w.xMin()) / b),
                    sx.applyAsDouble(w.xMax()), sy.applyAsDouble(-(c + a * w.xMax()) / b));
        } else if (a != 0) {
            g.strokeLine(sx.applyAsDouble(-c / a), sy.applyAsDouble(w.yMin()), sx.applyAsDouble(-c / a),
                    sy.applyAsDouble(w.yMax()));
        }
    }

    /** How wide s is in font f, as a canvas draws it (JavaFX has no font metrics call for this). */
    static double textWidth(String s, Font f) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(s);
        probe.setFont(f);
        return probe.getLayoutBounds().getWidth();
    }

    /** The views' axis text: 12 px, growing with presentation mode's scale up to 15 px. */
    public static double axisFontSize(double presentationScale) {
        return 12 * Math.min(presentationScale, 1.25);
    }

    /**
     * The room under a plot for tick labels and, below them, the axis name: the base room at 12 px text,
     * plus two text lines' growth for larger text, so the name never runs into the labels.
     */
    public static double bottomMargin(double base, double axisFontSize) {
        return base + 2.4 * (axisFontSize - 12);
    }

    /** The canvas as a white page with dark 13 px text placed from its top-left ({@link org.marginscope.render.Pen#blank}). */
    static GraphicsContext blank(Canvas canvas) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        new FxPen(g, FxPen.imageCache()).blank(canvas.getWidth(), canvas.getHeight());
        return g;
    }
}
