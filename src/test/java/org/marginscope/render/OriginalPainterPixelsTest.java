package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;

/**
 * The original view's field drawn from pixels resampled on the worker: where they fit the plot they are copied
 * one to one, and the picture is the one the grid scaled by Java2D's own bilinear filter gives (an independent
 * resampler); where they do not fit (another size, another window), the grid is scaled as before.
 */
class OriginalPainterPixelsTest {
    private static final int LEFT = 52, TOP = 12, W = 300, H = 220;
    private static final OriginalPainter.Style STYLE = new OriginalPainter.Style(false, false, 1, "net");

    private static BoundaryFrame randomFrame(Bounds b, int nx, int ny, long seed) {
        Random r = new Random(seed);
        int[] argb = new int[nx * ny];
        for (int k = 0; k < argb.length; k++) {
            argb[k] = 0xFF000000 | r.nextInt(0x1000000);
        }
        return new BoundaryFrame(new Viewport(b, nx, ny), argb, List.of(), 0, 0);
    }

    private static BufferedImage paint(BoundaryFrame f, Bounds window) {
        BufferedImage img = new BufferedImage(LEFT + W + 20, TOP + H + 20, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        OriginalPainter.field(new Java2DPen(g), new OriginalPainter.PlotArea(LEFT, TOP, W, H, window), f, STYLE);
        g.dispose();
        return img;
    }

    @Test
    void fittingPixelsAreCopiedOneToOne() {
        Bounds b = new Bounds(-2, 2, -1, 1.5);
        BoundaryFrame f = randomFrame(b, 24, 17, 3).withPixels(b, W, H);
        BufferedImage img = paint(f, b);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(f.pixels().argb()[y * W + x], img.getRGB(LEFT + x, TOP + y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void theCopyLooksLikeTheGridScaledByJava2D() {
        Bounds b = new Bounds(-1, 1, -1, 1);
        BoundaryFrame grid = randomFrame(b, 20, 15, 11);
        BufferedImage scaled = paint(grid, b);
        BufferedImage copied = paint(grid.withPixels(b, W, H), b);
        int worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = scaled.getRGB(LEFT + x, TOP + y), q = copied.getRGB(LEFT + x, TOP + y);
                for (int s = 0; s < 24; s += 8) {
                    worst = Math.max(worst, Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF)));
                }
            }
        }
        // neighbouring cells differ by up to 255 over ~15 pixels: a sub-pixel difference in where the two
        // resamplers place a sample moves a channel by a few levels, a wrong mapping by tens
        assertTrue(worst <= 6, "largest channel difference " + worst);
    }

    @Test
    void pixelsForAnotherPlotAreNotUsed() {
        Bounds b = new Bounds(-1, 1, -1, 1);
        BoundaryFrame grid = randomFrame(b, 20, 15, 5);
        BufferedImage scaled = paint(grid, b);
        // made for a plot one pixel wider, and for another window: the grid is scaled as without pixels
        for (BoundaryFrame stale : List.of(grid.withPixels(b, W + 1, H), grid.withPixels(new Bounds(-1, 1.2, -1, 1), W, H))) {
            BufferedImage img = paint(stale, b);
            for (int y = 0; y < H; y += 7) {
                for (int x = 0; x < W; x += 7) {
                    assertEquals(scaled.getRGB(LEFT + x, TOP + y), img.getRGB(LEFT + x, TOP + y));
                }
            }
        }
    }
}
