package org.marginscope.render;

import java.awt.Graphics2D;

/**
 * A picture of fixed size in points, painted with Java2D. The exporters put the same painting into a
 * PNG (at any scale), an SVG or a PDF, so the screen, the command line and the files agree.
 */
public interface Figure {
    int width();

    int height();

    /** Paints the whole figure at (0,0)-(width,height) of g; never disposes g. */
    void paint(Graphics2D g);

    /** What every figure starts with: antialiased shapes and text on a white page. */
    static void blankPage(Graphics2D g, int width, int height) {
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
    }
}
