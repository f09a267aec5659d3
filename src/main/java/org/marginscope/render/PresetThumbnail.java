package org.marginscope.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.Viewport;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * A preset's picture for the gallery, painted by the app's own renderers: for data in the plane the original view
 * (the network's shading and boundary from {@link BoundaryRenderer}, the points on top), otherwise the transformed
 * view ({@link TransformedRenderer} and {@link TransformedPainter}). One instance per thread; call off the FX thread.
 */
public final class PresetThumbnail {
    private final BoundaryRenderer boundary = new BoundaryRenderer();
    private final TransformedRenderer transform = new TransformedRenderer();

    public BufferedImage paint(Dataset d, NetworkSpec spec, Parameters p, double offset, long step, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (d.dim() == 2) {
                Bounds b = widenedTo(PaperFigure.dataWindow(d), (double) w / h);
                BoundaryFrame f = boundary.render(spec, p, offset, new Viewport(b, w, h), step, d.classesWithPoints());
                PaperFigure.field(g, f, w, h);
                points(g, d, b, w, h);
            } else {
                TransformedFrame t = transform.render(spec, p, offset, d, step);
                TransformedPainter.draw(g, t, w, h, new TransformedPainter.Layers(true, false, false, false, false, false),
                        d.size() > 1000 ? 1.6 : 2.6);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Points drawn at most: thousands of markers on a thumbnail would hide the shading under their rims. */
    static final int MAX_POINTS = 600;

    /** The training points (filled) and test points (hollow), an even sample of them when there are many. */
    private static void points(Graphics2D g, Dataset d, Bounds b, int w, int h) {
        int n = d.size() + d.testSize();
        int every = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        double size = n > 300 ? 3.0 : 3.6;
        double[] x = d.trainX(), t = d.testX();
        for (int i = 0; i < d.size(); i += every) {
            // at this size the views' dark rim would be most of the marker: a rim of the class's own hue instead
            int cls = d.trainLabel(i);
            TransformedPainter.marker(g, cls, (x[2 * i] - b.xMin()) / b.width() * w,
                    (b.yMax() - x[2 * i + 1]) / b.height() * h, size, true, new Color(Pen.darker(Palette.colour(cls))),
                    0.6f);
        }
        for (int i = 0; i < d.testSize(); i += every) {
            TransformedPainter.marker(g, d.testLabel(i), (t[2 * i] - b.xMin()) / b.width() * w,
                    (b.yMax() - t[2 * i + 1]) / b.height() * h, size, false);
        }
    }

    /** The window grown along one axis to the picture's aspect, so the plane is not stretched. */
    static Bounds widenedTo(Bounds b, double aspect) {
        double w = b.width(), h = b.height();
        if (w / h < aspect) {
            double grow = (h * aspect - w) / 2;
            return new Bounds(b.xMin() - grow, b.xMax() + grow, b.yMin(), b.yMax());
        }
        double grow = (w / aspect - h) / 2;
        return new Bounds(b.xMin(), b.xMax(), b.yMin() - grow, b.yMax() + grow);
    }
}
