package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.junit.jupiter.api.Test;

/** The raster views' pre-drawn markers are the vector markers, moved to the nearest pixel. */
class MarkerSpritesTest {

    @Test
    void atWholePixelsASpriteIsPixelForPixelTheVectorMarker() {
        for (int cls = 0; cls < 8; cls++) {
            for (boolean filled : new boolean[] {true, false}) {
                for (double size : new double[] {5, 7.5, 13}) {
                    int[] vector = draw(false, cls, 30, 27, size, filled);
                    int[] sprite = draw(true, cls, 30, 27, size, filled);
                    assertTrue(inked(vector) > 5, "the marker draws something");
                    assertArrayEquals(vector, sprite, "class " + cls + " filled " + filled + " size " + size);
                }
            }
        }
    }

    @Test
    void betweenPixelsTheSpriteLandsWithinHalfAPixel() {
        double x = 30.4, y = 26.7; // rounds to (30, 27)
        int[] vector = draw(false, 2, x, y, 9, true);
        int[] sprite = draw(true, 2, x, y, 9, true);
        double[] cv = centroid(vector), cs = centroid(sprite);
        assertEquals(cv[0], cs[0], 0.5);
        assertEquals(cv[1], cs[1], 0.5);
        assertEquals(inked(vector), inked(sprite), 0.15 * inked(vector));
    }

    private static final int W = 60;

    private static int[] draw(boolean sprite, int cls, double x, double y, double size, boolean filled) {
        BufferedImage img = new BufferedImage(W, W, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (sprite) {
            MarkerSprites.draw(g, cls, x, y, size, filled);
        } else {
            TransformedPainter.marker(g, cls, x, y, size, filled);
        }
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static double inked(int[] argb) {
        double a = 0;
        for (int p : argb) {
            a += (p >>> 24) / 255.0;
        }
        return a;
    }

    private static double[] centroid(int[] argb) {
        double sx = 0, sy = 0, s = 0;
        for (int i = 0; i < argb.length; i++) {
            double a = (argb[i] >>> 24) / 255.0;
            sx += a * (i % W);
            sy += a * (i / W);
            s += a;
        }
        return new double[] {sx / s, sy / s};
    }
}
