package org.marginscope.render;

/**
 * The shape of a class's marker, independent of the toolkit that draws it (JavaFX on screen,
 * Java2D in off-thread rasters and exports): an oval, a closed polygon, or open strokes (the cross
 * and plus, drawn in the class colour only).
 *
 * @param kind  how the coordinates are read
 * @param xs    OVAL: {left, width}; POLYGON: the vertices; STROKES: x0, x1 of each segment in turn
 * @param ys    OVAL: {top, height}; POLYGON: the vertices; STROKES: y0, y1 of each segment in turn
 */
public record MarkerGlyph(Kind kind, double[] xs, double[] ys) {
    public enum Kind { OVAL, POLYGON, STROKES }

    /** Line width of a training point's dark rim, of a test point's coloured outline, of the strokes. */
    public static final double RIM = 0.9, OUTLINE = 1.8, STROKE = 2.2;

    /** The marker of class {@code cls} centred on (x, y), {@code size} pixels across. */
    public static MarkerGlyph of(int cls, double x, double y, double size) {
        double r = size / 2;
        return switch (Palette.marker(cls)) {
            case CIRCLE -> new MarkerGlyph(Kind.OVAL, new double[] {x - r, size}, new double[] {y - r, size});
            case SQUARE -> {
                double s = r * 0.9;
                yield new MarkerGlyph(Kind.POLYGON, new double[] {x - s, x + s, x + s, x - s},
                        new double[] {y - s, y - s, y + s, y + s});
            }
            case TRIANGLE -> new MarkerGlyph(Kind.POLYGON, new double[] {x, x + r * 1.1, x - r * 1.1},
                    new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8});
            case TRIANGLE_DOWN -> new MarkerGlyph(Kind.POLYGON, new double[] {x, x + r * 1.1, x - r * 1.1},
                    new double[] {y + r * 1.2, y - r * 0.8, y - r * 0.8});
            case DIAMOND -> new MarkerGlyph(Kind.POLYGON, new double[] {x, x + r * 1.2, x, x - r * 1.2},
                    new double[] {y - r * 1.2, y, y + r * 1.2, y});
            case CROSS -> new MarkerGlyph(Kind.STROKES, new double[] {x - r, x + r, x - r, x + r},
                    new double[] {y - r, y + r, y + r, y - r});
            case PLUS -> new MarkerGlyph(Kind.STROKES, new double[] {x - r * 1.1, x + r * 1.1, x, x},
                    new double[] {y, y, y - r * 1.1, y + r * 1.1});
            case STAR -> {
                double[] xs = new double[10], ys = new double[10];
                for (int i = 0; i < 10; i++) {
                    double a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 == 0 ? r * 1.3 : r * 0.55;
                    xs[i] = x + rr * Math.cos(a);
                    ys[i] = y + rr * Math.sin(a);
                }
                yield new MarkerGlyph(Kind.POLYGON, xs, ys);
            }
        };
    }
}
