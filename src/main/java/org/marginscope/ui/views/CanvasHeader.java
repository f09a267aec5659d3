package org.marginscope.ui.views;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import org.marginscope.render.Ellipsis;

/**
 * A view's header lines drawn on its canvas: each line is cut with an ellipsis where it would run past the canvas'
 * right edge, and while the pointer is over the header, a tooltip holds the full lines of any that were cut.
 * One redraw: {@link #begin()}, {@link #line} per line, then {@link #end()}.
 */
final class CanvasHeader {
    static final String ELLIPSIS = Ellipsis.MARK;

    private final Canvas canvas;
    private final Tooltip tooltip = new Tooltip();
    private final List<String> full = new ArrayList<>();
    private final List<String> drawn = new ArrayList<>();
    private final List<Font> fonts = new ArrayList<>();
    private boolean cut;
    private double bottom;
    private boolean installed;

    CanvasHeader(Canvas canvas) {
        this.canvas = canvas;
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> showTooltip(cut && e.getY() <= bottom));
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> showTooltip(false));
    }

    private void showTooltip(boolean show) {
        if (show && !installed) {
            Tooltip.install(canvas, tooltip);
        } else if (!show && installed) {
            Tooltip.uninstall(canvas, tooltip);
        }
        installed = show;
    }

    void begin() {
        full.clear();
        drawn.clear();
        fonts.clear();
        cut = false;
        bottom = 0;
    }

    /**
     * Draws one header line at (x, y) - the context's alignment left, its baseline top - cut to the canvas' width;
     * lineHeight is how far down the line reaches (for the tooltip's area).
     */
    void line(GraphicsContext g, String text, double x, double y, double lineHeight) {
        String fitted = fit(text, g.getFont(), canvas.getWidth() - x - Ellipsis.RIGHT_MARGIN);
        g.fillText(fitted, x, y);
        full.add(text);
        drawn.add(fitted);
        fonts.add(g.getFont());
        cut |= !fitted.equals(text);
        bottom = Math.max(bottom, y + lineHeight);
    }

    /** Nothing more this redraw: the tooltip holds the full lines (and goes when none was cut). */
    void end() {
        tooltip.setText(String.join("\n", full));
        if (!cut) {
            showTooltip(false);
        }
    }

    /** The text as drawn, in order (a cut line ends with an ellipsis). */
    List<String> drawnLines() {
        return List.copyOf(drawn);
    }

    /** The font of each drawn line, in order. */
    List<Font> fonts() {
        return List.copyOf(fonts);
    }

    /** The full lines of the last redraw (the tooltip's text). */
    List<String> fullLines() {
        return List.copyOf(full);
    }

    Tooltip tooltip() {
        return tooltip;
    }

    /** The text cut with an ellipsis to fit the width in the font ({@link Ellipsis#fit}). */
    static String fit(String text, Font font, double width) {
        return Ellipsis.fit(text, t -> ViewCanvas.textWidth(t, font), width);
    }
}
