package org.marginscope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares: the zero level set of a scalar field sampled on a regular grid, as line
 * segments with linearly interpolated end points (in grid coordinates: x = column, y = row).
 */
public final class Contours {
    private Contours() {
    }

    /** A segment from (x0, y0) to (x1, y1). */
    public record Segment(double x0, double y0, double x1, double y1) {
    }

    /** @param f row-major nx x ny values (f[j * nx + i] at column i, row j) */
    public static List<Segment> zeroLevel(double[] f, int nx, int ny) {
        List<Segment> out = new ArrayList<>();
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                double a = f[j * nx + i], b = f[j * nx + i + 1];
                double c = f[(j + 1) * nx + i + 1], d = f[(j + 1) * nx + i];
                int code = (a > 0 ? 1 : 0) | (b > 0 ? 2 : 0) | (c > 0 ? 4 : 0) | (d > 0 ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                // edge crossings: bottom (a-b), right (b-c), top (d-c), left (a-d)
                double[] bottom = {i + t(a, b), j};
                double[] right = {i + 1, j + t(b, c)};
                double[] top = {i + t(d, c), j + 1};
                double[] left = {i, j + t(a, d)};
                switch (code) {
                    case 1, 14 -> add(out, left, bottom);
                    case 2, 13 -> add(out, bottom, right);
                    case 3, 12 -> add(out, left, right);
                    case 4, 11 -> add(out, right, top);
                    case 6, 9 -> add(out, bottom, top);
                    case 7, 8 -> add(out, left, top);
                    case 5, 10 -> {
                        // saddle: decide by the centre value
                        double centre = (a + b + c + d) / 4;
                        boolean centreHigh = centre > 0;
                        if ((code == 5) == centreHigh) {
                            add(out, left, top);
                            add(out, bottom, right);
                        } else {
                            add(out, left, bottom);
                            add(out, right, top);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    private static double t(double p, double q) {
        double d = p - q;
        return d == 0 ? 0.5 : p / d;
    }

    private static void add(List<Segment> out, double[] p, double[] q) {
        out.add(new Segment(p[0], p[1], q[0], q[1]));
    }
}
