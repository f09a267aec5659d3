package org.marginscope.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.marginscope.analysis.ActivationPattern;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;

/**
 * The linear regions of a view as an image: every pixel coloured by the region its centre lies in, either
 * by the slope of the local linear map (|gradient| of the logit; with several outputs, of the logit of the
 * class predicted at that pixel) or by the activation pattern (a colour hashed from it, so neighbours
 * differ). Pixel (i, j) has its centre at (xMin + (i + 1/2) w, yMax - (j + 1/2) h) for cells w x h; the
 * image fills the bounds exactly. For a worker thread: no toolkit needed.
 */
public final class RegionRaster {
    public enum Shading { SLOPE, PATTERN }

    /** Light to mid grey-blue: the class colours of the markers stay readable on every shade. */
    private static final int[] SLOPE_COLOURS = {0xFFFFFF, 0xE2E6EC, 0xBCC4D0, 0x98A3B4};

    /**
     * @param argb     the pixels, top row first
     * @param slopeTop the slope the darkest shade stands for (slopes above it take it too); 0 for patterns
     * @param clipped  whether some pixels have a slope above slopeTop
     */
    public record Image(int width, int height, int[] argb, double slopeTop, boolean clipped) {
    }

    private RegionRaster() {
    }

    public static Image paint(LinearRegions r, int width, int height, Shading shading) {
        return paint(r, width, height, shading, null);
    }

    /** As above; with several outputs the predicted class is one of those marked in {@code classes} (null: all). */
    public static Image paint(LinearRegions r, int width, int height, Shading shading, boolean[] classes) {
        if (!r.complete()) {
            throw new IllegalStateException(r.message());
        }
        int[] index = regionIndex(r, width, height);
        List<LinearRegions.Region> regions = r.regions();
        Bounds b = r.viewport();
        int[] argb = new int[width * height];
        if (shading == Shading.PATTERN) {
            int[] colours = new int[regions.size()];
            for (int k = 0; k < colours.length; k++) {
                colours[k] = patternColour(regions.get(k).pattern());
            }
            for (int p = 0; p < argb.length; p++) {
                argb[p] = colours[index[p]];
            }
            return new Image(width, height, argb, 0, false);
        }
        double[] slope = new double[argb.length];
        double cw = b.width() / width, ch = b.height() / height;
        for (int j = 0, p = 0; j < height; j++) {
            double y = b.yMax() - (j + 0.5) * ch;
            for (int i = 0; i < width; i++, p++) {
                slope[p] = slope(regions.get(index[p]), b.xMin() + (i + 0.5) * cw, y, classes);
            }
        }
        double[] sorted = slope.clone();
        Arrays.sort(sorted);
        double max = sorted[sorted.length - 1];
        // the 99th percentile by area: a sliver of steep regions at the border does not wash out the rest
        double top = sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        if (!(top > 0)) {
            top = max > 0 ? max : 1;
        }
        for (int p = 0; p < argb.length; p++) {
            argb[p] = slopeColour(slope[p] / top);
        }
        return new Image(width, height, argb, top, max > top * (1 + 1e-9));
    }

    /**
     * The regions' outlines alone, antialiased, on a transparent w x h image (top row first) over the
     * viewport: for screens, where stroking thousands of polygons per repaint would stall the FX thread.
     */
    public static int[] edges(LinearRegions r, int width, int height, int argb, float lineWidth) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(argb, true));
            g.setStroke(new java.awt.BasicStroke(lineWidth));
            Bounds b = r.viewport();
            for (LinearRegions.Region region : r.regions()) {
                g.draw(outline(region.polygon(), b, width / b.width(), height / b.height()));
            }
        } finally {
            g.dispose();
        }
        return img.getRGB(0, 0, width, height, null, 0, width);
    }

    /** A polygon in the pixels of an image over the bounds (sx, sy pixels per unit). */
    private static Path2D.Double outline(org.marginscope.analysis.ConvexPolygon poly, Bounds b, double sx, double sy) {
        Path2D.Double path = new Path2D.Double();
        for (int v = 0; v < poly.size(); v++) {
            double px = (poly.xs()[v] - b.xMin()) * sx, py = (b.yMax() - poly.ys()[v]) * sy;
            if (v == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
        return path;
    }

    /**
     * |d logit / d x| of the logit of the class the region's map predicts at (x, y) among the classes marked (null:
     * all; the only logit for one output).
     */
    static double slope(LinearRegions.Region g, double x, double y, boolean[] classes) {
        int k = 0;
        if (g.outputs() > 1) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < g.outputs(); c++) {
                double v = g.logit(c, x, y);
                if ((classes == null || c < classes.length && classes[c]) && v > best) {
                    best = v;
                    k = c;
                }
            }
        }
        double[] d = g.gradient(k);
        return Math.hypot(d[0], d[1]);
    }

    /** t in [0, 1] (clamped): white to grey-blue. */
    public static int slopeColour(double t) {
        double s = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (SLOPE_COLOURS.length - 1);
        int i = Math.min(SLOPE_COLOURS.length - 2, (int) s);
        return Palette.mix(SLOPE_COLOURS[i], SLOPE_COLOURS[i + 1], s - i);
    }

    /** A light colour from the pattern's bits, stable across frames: the same pattern keeps its colour. */
    public static int patternColour(ActivationPattern pattern) {
        long h = 0x9E3779B97F4A7C15L;
        for (long w : pattern.bits()) {
            h = mix(h ^ w);
        }
        double hue = (h >>> 40) / (double) (1L << 24);
        double sat = 0.14 + 0.22 * ((h >>> 20) & 0xFFFFF) / (double) 0xFFFFF;
        double bright = 0.88 + 0.1 * (h & 0xFFFFF) / (double) 0xFFFFF;
        return Color.HSBtoRGB((float) hue, (float) sat, (float) bright) | 0xFF000000;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The index of the region under every pixel's centre: the polygons filled into an image without
     * antialiasing, index + 1 as the colour (the polygons tile the bounds, so every centre is in one;
     * one that is not, by rounding, asks {@link LinearRegions#indexAt}).
     */
    static int[] regionIndex(LinearRegions r, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Bounds b = r.viewport();
            double sx = width / b.width(), sy = height / b.height();
            List<LinearRegions.Region> regions = r.regions();
            for (int k = 0; k < regions.size(); k++) {
                g.setColor(new Color(k + 1));
                g.fill(outline(regions.get(k).polygon(), b, sx, sy));
            }
        } finally {
            g.dispose();
        }
        int[] index = img.getRGB(0, 0, width, height, null, 0, width);
        Bounds b = r.viewport();
        for (int p = 0; p < index.length; p++) {
            int k = (index[p] & 0xFFFFFF) - 1;
            if (k < 0) {
                double x = b.xMin() + (p % width + 0.5) * b.width() / width;
                double y = b.yMax() - (p / width + 0.5) * b.height() / height;
                k = Math.max(0, r.indexAt(x, y));
            }
            index[p] = k;
        }
        return index;
    }
}
