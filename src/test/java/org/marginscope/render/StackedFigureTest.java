package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.export.FigureWriter;

/** Parts stacked on one page: each centred at its place, none painting over another. */
class StackedFigureTest {
    /** A part that fills its area with one colour and, carelessly, paints far beyond it too. */
    private static Figure block(int w, int h, Color c) {
        return new Figure() {
            @Override
            public int width() {
                return w;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public void paint(Graphics2D g) {
                g.setColor(c);
                g.fillRect(-500, -500, w + 1000, h + 1000);
            }
        };
    }

    @Test
    void partsSitCentredOneBelowTheOtherAndStayInsideTheirOwnArea() {
        Color red = new Color(200, 0, 0), blue = new Color(0, 0, 200);
        StackedFigure f = new StackedFigure(List.of(block(100, 40, red), block(60, 30, blue)));
        assertEquals(100, f.width());
        assertEquals(40 + StackedFigure.GAP + 30, f.height());
        BufferedImage img = FigureWriter.raster(f, 2);
        assertEquals(200, img.getWidth());
        assertEquals(2 * f.height(), img.getHeight());
        // in page units, read at scale 2
        java.util.function.BiFunction<Integer, Integer, Integer> at = (x, y) -> img.getRGB(2 * x + 1, 2 * y + 1) & 0xFFFFFF;
        assertEquals(red.getRGB() & 0xFFFFFF, at.apply(50, 20), "the first part fills the top");
        int blueTop = 40 + StackedFigure.GAP;
        assertEquals(0xFFFFFF, at.apply(50, 40 + StackedFigure.GAP / 2), "the gap stays white: the first part is clipped");
        assertEquals(blue.getRGB() & 0xFFFFFF, at.apply(50, blueTop + 15), "the second part below the gap");
        assertEquals(0xFFFFFF, at.apply(10, blueTop + 15), "left of the narrower part: white (it is centred)");
        assertEquals(0xFFFFFF, at.apply(90, blueTop + 15), "and right of it");
        assertEquals(blue.getRGB() & 0xFFFFFF, at.apply(21, blueTop + 15), "its left edge at (100 - 60) / 2");
        assertEquals(blue.getRGB() & 0xFFFFFF, at.apply(78, blueTop + 15), "its right edge at 80");
    }

    @Test
    void anEmptyStackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StackedFigure(List.of()));
    }
}
