package org.marginscope.render;

import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;

/**
 * A frame's field resampled to the pixels of the plot that shows it, made on the view's worker so that the screen
 * copies it instead of scaling it: JavaFX's software pipeline spent about two thirds of its renderer's time scaling
 * the coarse field into the canvas, on a thread that competes with training (docs/performance.md, issue 24).
 * The resampling is the one a smoothed scaled image shows: bilinear between the grid's samples, which sit on the
 * viewport's edges, held constant beyond them. {@code argb}: w x h, row 0 at the top, opaque (as every shading is).
 */
public record FieldPixels(int[] argb, int w, int h, Bounds window) {

    /** Whether these pixels are the field of a plot of w x h pixels over this window. */
    public boolean fits(Bounds window, int w, int h) {
        return this.w == w && this.h == h && this.window.equals(window);
    }

    /** The frame's field over {@code window} at w x h pixels, each pixel sampled at its centre. */
    public static FieldPixels of(BoundaryFrame f, Bounds window, int w, int h) {
        Viewport vp = f.viewport();
        Bounds b = vp.bounds();
        int nx = vp.nx(), ny = vp.ny();
        // per column: the grid column left of the pixel's centre and the weight (of 256) of the one right of it
        int[] col = new int[w];
        int[] colWeight = new int[w];
        for (int px = 0; px < w; px++) {
            double x = window.xMin() + (px + 0.5) / w * window.width();
            double u = clamp((x - b.xMin()) / b.width() * (nx - 1), nx - 1);
            col[px] = Math.min((int) u, nx - 2);
            colWeight[px] = (int) Math.round((u - col[px]) * 256);
        }
        int[] out = new int[w * h];
        int[] upper = new int[w], lower = new int[w]; // two grid rows resampled along x
        int upperRow = -1, lowerRow = -1;
        for (int py = 0; py < h; py++) {
            double y = window.yMax() - (py + 0.5) / h * window.height();
            double v = clamp((b.yMax() - y) / b.height() * (ny - 1), ny - 1); // image rows count from the top
            int r = Math.min((int) v, ny - 2);
            int wy = (int) Math.round((v - r) * 256);
            if (r != upperRow) {
                if (r == lowerRow) {
                    int[] t = upper;
                    upper = lower;
                    lower = t;
                } else {
                    resampleRow(f.argb(), r * nx, col, colWeight, upper);
                }
                upperRow = r;
                resampleRow(f.argb(), (r + 1) * nx, col, colWeight, lower);
                lowerRow = r + 1;
            }
            int o = py * w;
            for (int px = 0; px < w; px++) {
                out[o + px] = lerp(upper[px], lower[px], wy) | 0xFF000000;
            }
        }
        return new FieldPixels(out, w, h, window);
    }

    private static void resampleRow(int[] argb, int rowStart, int[] col, int[] colWeight, int[] into) {
        for (int px = 0; px < into.length; px++) {
            int i = rowStart + col[px];
            into[px] = lerp(argb[i], argb[i + 1], colWeight[px]);
        }
    }

    private static double clamp(double u, int max) {
        return u < 0 ? 0 : Math.min(u, max);
    }

    /**
     * Each 8-bit channel of a and b mixed with weight t/256 on b, rounded to nearest; two channels at a time in one
     * int (each 16-bit lane holds at most 255 * 256 + 128, so no lane carries into the next).
     */
    static int lerp(int a, int b, int t) {
        int s = 256 - t;
        int rb = (((a & 0xFF00FF) * s + (b & 0xFF00FF) * t + 0x800080) >>> 8) & 0xFF00FF;
        int ag = (((a >>> 8) & 0xFF00FF) * s + ((b >>> 8) & 0xFF00FF) * t + 0x800080) & 0xFF00FF00;
        return ag | rb;
    }
}
