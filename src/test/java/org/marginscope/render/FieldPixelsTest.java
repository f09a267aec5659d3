package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;

/**
 * The field resampled to screen pixels: bilinear interpolation reproduces a field whose channels are affine in the
 * plane exactly (up to 8-bit rounding), so a ramp's value at each pixel's centre is the closed form to check
 * against; beyond the grid's samples it is held at the edge's value.
 */
class FieldPixelsTest {
    private static final double TOLERANCE = 1.6;

    /** Channels affine in (x, y): red rises with x, green with y, blue falls with x + y; opaque. */
    private static double[] ramp(double x, double y) {
        return new double[] {100 + 40 * x, 90 + 50 * y, 180 - 20 * (x + y)}; // within 0-255 over every grid below
    }

    private static BoundaryFrame rampFrame(Bounds b, int nx, int ny) {
        Viewport vp = new Viewport(b, nx, ny);
        int[] argb = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double[] c = ramp(vp.x(i), vp.y(j));
                argb[(ny - 1 - j) * nx + i] = 0xFF000000 | (int) Math.round(c[0]) << 16
                        | (int) Math.round(c[1]) << 8 | (int) Math.round(c[2]);
            }
        }
        return new BoundaryFrame(vp, argb, List.of(), 0, 0);
    }

    private static void assertRampAt(FieldPixels p, Bounds clampTo, int px, int py) {
        Bounds w = p.window();
        double x = w.xMin() + (px + 0.5) / p.w() * w.width();
        double y = w.yMax() - (py + 0.5) / p.h() * w.height();
        x = Math.max(clampTo.xMin(), Math.min(clampTo.xMax(), x));
        y = Math.max(clampTo.yMin(), Math.min(clampTo.yMax(), y));
        double[] want = ramp(x, y);
        int got = p.argb()[py * p.w() + px];
        // 0.5 from the grid's rounding to 8 bits, 0.5 from each of the two roundings of the resampling, and weights
        // in 256ths of a cell (a few hundredths of a level here)
        assertEquals(want[0], (got >> 16) & 0xFF, TOLERANCE, "red at " + px + "," + py);
        assertEquals(want[1], (got >> 8) & 0xFF, TOLERANCE, "green at " + px + "," + py);
        assertEquals(want[2], got & 0xFF, TOLERANCE, "blue at " + px + "," + py);
        assertEquals(0xFF, got >>> 24, "opaque at " + px + "," + py);
    }

    private static void assertRampEverywhere(FieldPixels p, Bounds clampTo) {
        for (int py = 0; py < p.h(); py++) {
            for (int px = 0; px < p.w(); px++) {
                assertRampAt(p, clampTo, px, py);
            }
        }
    }

    @Test
    void aRampUpsampledIsTheRampAtEveryPixelCentre() {
        Bounds b = new Bounds(-1, 1, -0.5, 1.5);
        FieldPixels p = FieldPixels.of(rampFrame(b, 11, 9), b, 173, 97);
        assertEquals(173 * 97, p.argb().length);
        assertRampEverywhere(p, b);
    }

    @Test
    void aSteepRampPlacesEveryPixelCentre() {
        // few pixels over the ramp: 4.7 levels of red and 7.7 of green a pixel, so a pixel sampled half a pixel
        // off its centre would miss by more than the tolerance
        Bounds b = new Bounds(-1, 1, -0.5, 1.5);
        FieldPixels p = FieldPixels.of(rampFrame(b, 11, 9), b, 17, 13);
        assertRampEverywhere(p, b);
    }

    @Test
    void beyondTheGridTheEdgeValueHolds() {
        Bounds grid = new Bounds(-1, 1, -1, 1);
        Bounds wider = new Bounds(-1.5, 2, -1.25, 1.5); // a window panned past the grid on every side
        FieldPixels p = FieldPixels.of(rampFrame(grid, 7, 12), wider, 60, 44);
        assertRampEverywhere(p, grid);
    }

    @Test
    void downsamplingPicksTheRightCells() {
        // fewer pixels than samples: still the ramp at each pixel's centre
        Bounds b = new Bounds(0, 3, 0, 2);
        FieldPixels p = FieldPixels.of(rampFrame(b, 200, 150), b, 31, 17);
        assertRampEverywhere(p, b);
    }

    @Test
    void lerpMixesEachChannelAsDoublesDo() {
        Random r = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            int a = r.nextInt(), c = r.nextInt(), t = r.nextInt(257);
            int got = FieldPixels.lerp(a, c, t);
            for (int shift = 0; shift < 32; shift += 8) {
                double want = (((a >>> shift) & 0xFF) * (256 - t) + ((c >>> shift) & 0xFF) * t) / 256.0;
                int g = (got >>> shift) & 0xFF;
                assertTrue(Math.abs(g - want) <= 0.5, "channel " + shift + " of " + a + "," + c + " at " + t + ": " + g
                        + " for " + want);
            }
        }
    }

    @Test
    void fitsOnlyItsOwnPlot() {
        Bounds b = new Bounds(-1, 1, -1, 1);
        FieldPixels p = FieldPixels.of(rampFrame(b, 5, 5), b, 40, 30);
        assertTrue(p.fits(new Bounds(-1, 1, -1, 1), 40, 30));
        assertFalse(p.fits(b, 41, 30));
        assertFalse(p.fits(b, 40, 31));
        assertFalse(p.fits(new Bounds(-1, 1.01, -1, 1), 40, 30));
    }
}
