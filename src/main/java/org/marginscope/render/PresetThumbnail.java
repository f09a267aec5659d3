package org.marginscope.render;

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
                BoundaryFrame f = boundary.render(spec, p, offset, new Viewport(b, w, h), step);
                PaperFigure.field(g, f, w, h);
                int n = d.size() + d.testSize();
                PaperFigure.points(g, d, b, w, h, n > 1000 ? 1.6 : n > 300 ? 2.2 : 3.0);
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
