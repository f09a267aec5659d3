package org.marginscope.ui.views;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.Figure;
import org.testfx.util.WaitForAsyncUtils;

/** Compares a view (its canvas, or all its layers) on screen with the figure its export paints (the same painting through Java2D). */
final class ScreenAndFigure {
    private ScreenAndFigure() {
    }

    /**
     * The share of a grid of sample points (every 5th pixel) where the screen and the figure at scale 1 have
     * the same colour within 40 (sum over channels); edges of antialiased lines and glyphs differ between
     * the two rasterisers, flat areas (shading, panels, fills, background) do not.
     */
    static double agreement(Node view, Figure figure) throws Exception {
        WritableImage screen = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        BufferedImage fig = FigureWriter.raster(figure, 1);
        int w = Math.min((int) screen.getWidth(), fig.getWidth()), h = Math.min((int) screen.getHeight(), fig.getHeight());
        int same = 0, all = 0;
        for (int y = 2; y < h; y += 5) {
            for (int x = 2; x < w; x += 5) {
                int a = screen.getPixelReader().getArgb(x, y), b = fig.getRGB(x, y);
                int d = 0;
                for (int s = 0; s <= 16; s += 8) {
                    d += Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF));
                }
                same += d <= 40 ? 1 : 0;
                all++;
            }
        }
        return same / (double) all;
    }

    /** Elements an SVG export holds, by tag name. */
    static int svgElements(java.nio.file.Path svg, String tag) throws Exception {
        var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        return dbf.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName(tag).getLength();
    }
}
