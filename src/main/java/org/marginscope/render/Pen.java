package org.marginscope.render;

/**
 * The drawing calls the neuron and regions views make, so that one painting goes to the screen (a
 * JavaFX canvas) and, unchanged, into exported figures (Java2D: PNG, SVG, PDF). Colours are 0xAARRGGBB;
 * text is placed by {@link #align} and {@link #baseline}, as on a JavaFX canvas.
 */
public interface Pen {
    enum Align { LEFT, CENTER, RIGHT }

    enum Baseline { TOP, CENTER, BOTTOM }

    /** Opaque 0xRRGGBB as a colour for {@link #fill} and {@link #stroke}. */
    static int rgb(int rgb) {
        return 0xFF000000 | rgb;
    }

    /** The colour darker as JavaFX's {@code Color.darker()} makes it (brightness x 0.7). */
    static int darker(int argb) {
        int r = (int) (((argb >> 16) & 0xFF) * 0.7), g = (int) (((argb >> 8) & 0xFF) * 0.7), b = (int) ((argb & 0xFF) * 0.7);
        return (argb & 0xFF000000) | r << 16 | g << 8 | b;
    }

    /** A view's start: a white w x h page, then dark 13 px text placed from its top-left. */
    default void blank(double w, double h) {
        fill(rgb(0xFFFFFF));
        fillRect(0, 0, w, h);
        fill(rgb(0x222222));
        font(13);
        align(Align.LEFT);
        baseline(Baseline.TOP);
    }

    void fill(int argb);

    void stroke(int argb);

    void lineWidth(double w);

    /** Dash lengths on, off, ...; none: solid. */
    void dashes(double... d);

    void font(double size);

    void align(Align a);

    void baseline(Baseline b);

    void fillText(String s, double x, double y);

    /**
     * A view's header line from (x, y), left-aligned from its top, on a page w wide: cut with an ellipsis where it
     * would pass the right edge. lineHeight is how far down it reaches; the screen's pen keeps the full line for a
     * tooltip over the header.
     */
    default void headerLine(String s, double x, double y, double lineHeight, double w) {
        fillText(Ellipsis.fit(s, this::textWidth, w - x - Ellipsis.RIGHT_MARGIN), x, y);
    }

    double textWidth(String s);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    /**
     * The closed outlines of polygons, each its vertices' page coordinates interleaved (x0, y0, x1, y1, ...),
     * in the stroke colour and width: on screen one path for all (one shape to rasterise), in a figure one
     * vector path per polygon.
     */
    void strokePolygons(java.util.List<double[]> polygons);

    /**
     * Line segments, each four page coordinates (x0, y0, x1, y1), in the stroke colour and width: one path for all
     * (a boundary of hundreds of little segments is one shape to rasterise, not hundreds).
     */
    void strokeSegments(double[] segments);

    /** A filled rectangle with corners rounded by arcs of the given diameter. */
    void fillRoundRect(double x, double y, double w, double h, double arc);

    /** Clips what is drawn next to the rectangle, until the {@link #restore} that matches the last {@link #save}. */
    void clip(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    /** A class's data marker (training: filled with a rim; test: outlined) centred at (x, y). */
    void marker(int cls, double x, double y, double size, boolean filled);

    /** An image of w x h ARGB pixels (row-major, top row first) scaled smoothly into the given rectangle. */
    void image(int[] argb, int w, int h, double x, double y, double dw, double dh);

    /**
     * An image of w x h opaque pixels (alpha 0xFF everywhere) drawn unscaled with its top-left corner at (x, y); a
     * pen may hand the array to the screen as it is, so the caller must not change it afterwards.
     */
    default void opaquePixels(int[] argb, int w, int h, double x, double y) {
        image(argb, w, h, x, y, w, h);
    }

    void save();

    void restore();

    void translate(double dx, double dy);

    void rotate(double degrees);
}
