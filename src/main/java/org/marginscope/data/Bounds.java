package org.marginscope.data;

/** An axis-aligned rectangle of the plane. */
public record Bounds(double xMin, double xMax, double yMin, double yMax) {
    public Bounds {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty bounds: x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    public double area() {
        return width() * height();
    }

    /** The smallest bounds holding every point of a flat row-major 2D array, widened by a relative margin. */
    public static Bounds enclosing(double[] xy, double margin) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            x0 = Math.min(x0, xy[i]);
            x1 = Math.max(x1, xy[i]);
            y0 = Math.min(y0, xy[i + 1]);
            y1 = Math.max(y1, xy[i + 1]);
        }
        if (x0 > x1) {
            return new Bounds(-1, 1, -1, 1);
        }
        // an axis along which all points agree (a dead unit, a vertical line of points) spans a fifth of
        // the other, so that it is not blown up to fill the plot
        double w = Math.max(Math.max(x1 - x0, 0.2 * (y1 - y0)), 1e-9);
        double h = Math.max(Math.max(y1 - y0, 0.2 * (x1 - x0)), 1e-9);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hw = w * (0.5 + margin), hh = h * (0.5 + margin);
        return new Bounds(cx - hw, cx + hw, cy - hh, cy + hh);
    }
}
