package org.marginscope.analysis;

import java.util.Arrays;
import org.marginscope.data.Bounds;

/**
 * A convex polygon of the input plane, vertices counter-clockwise in {@code xs}, {@code ys} (no vertex
 * repeated). One cell of {@link LinearRegions}. The arrays are the record's own: callers must not change them.
 */
public record ConvexPolygon(double[] xs, double[] ys) {

    public ConvexPolygon {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with two coordinates each");
        }
    }

    /** The rectangle, counter-clockwise from its lower-left corner. */
    public static ConvexPolygon of(Bounds b) {
        return new ConvexPolygon(new double[] {b.xMin(), b.xMax(), b.xMax(), b.xMin()},
                new double[] {b.yMin(), b.yMin(), b.yMax(), b.yMax()});
    }

    public int size() {
        return xs.length;
    }

    /** Shoelace area (positive for counter-clockwise vertices). */
    public double area() {
        return area(xs, ys, xs.length);
    }

    static double area(double[] xs, double[] ys, int n) {
        double s = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            s += xs[j] * ys[i] - xs[i] * ys[j];
        }
        return 0.5 * s;
    }

    /** The centre of mass {x, y}: an interior point of every polygon with positive area. */
    public double[] centroid() {
        int n = xs.length;
        // shift to the first vertex so that far-off polygons keep their precision
        double x0 = xs[0], y0 = ys[0], a = 0, cx = 0, cy = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xj = xs[j] - x0, yj = ys[j] - y0, xi = xs[i] - x0, yi = ys[i] - y0;
            double cross = xj * yi - xi * yj;
            a += cross;
            cx += (xj + xi) * cross;
            cy += (yj + yi) * cross;
        }
        if (a == 0) {
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) {
                mx += xs[i];
                my += ys[i];
            }
            return new double[] {mx / n, my / n};
        }
        return new double[] {x0 + cx / (3 * a), y0 + cy / (3 * a)};
    }

    /** Whether (x, y) lies inside or within {@code tol} (a distance) of the boundary. */
    public boolean contains(double x, double y, double tol) {
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ex = xs[i] - xs[j], ey = ys[i] - ys[j];
            double cross = ex * (y - ys[j]) - ey * (x - xs[j]);
            if (cross < -tol * Math.hypot(ex, ey)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every turn is a left turn or straight, up to {@code tol} (a distance: a vertex may sit that far
     * on the wrong side of the line through its neighbours).
     */
    public boolean isConvex(double tol) {
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int p = (i + n - 1) % n, q = (i + 1) % n;
            double ex = xs[q] - xs[p], ey = ys[q] - ys[p];
            double cross = ex * (ys[i] - ys[p]) - ey * (xs[i] - xs[p]);
            if (cross > tol * Math.hypot(ex, ey)) {
                return false; // vertex i lies to the right of p -> q: a reflex corner
            }
        }
        return area() > 0;
    }

    /** {xMin, xMax, yMin, yMax}. */
    public double[] box() {
        double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
        for (int i = 1; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        return new double[] {x0, x1, y0, y1};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvexPolygon p && Arrays.equals(xs, p.xs) && Arrays.equals(ys, p.ys);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConvexPolygon[");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(xs[i]).append(", ").append(ys[i]).append(')');
        }
        return sb.append(']').toString();
    }
}
