package org.marginscope.data;


/** The part of the plane a view shows, with the pixel size of its field grid. */
public record Viewport(Bounds bounds, int nx, int ny) {
    public Viewport {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a field grid needs at least 2 x 2 samples");
        }
    }

    /** Data x of grid column i (sample centres span the bounds edge to edge). */
    public double x(double i) {
        return bounds.xMin() + i * bounds.width() / (nx - 1);
    }

    /** Data y of grid row j; row 0 is the bottom (yMin). */
    public double y(double j) {
        return bounds.yMin() + j * bounds.height() / (ny - 1);
    }

    /** The grid's sample points, row-major from the bottom row, as x,y pairs. */
    public double[] points() {
        double[] p = new double[2 * nx * ny];
        for (int j = 0, k = 0; j < ny; j++) {
            double y = y(j);
            for (int i = 0; i < nx; i++, k++) {
                p[2 * k] = x(i);
                p[2 * k + 1] = y;
            }
        }
        return p;
    }
}
