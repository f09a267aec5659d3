package org.marginscope.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Class markers drawn once per class, fill and size into small antialiased images, then placed by a
 * blit at the nearest whole pixel. For raster views only (exports keep vector markers): the glyphs
 * are the same {@link TransformedPainter#marker} draws, off by at most half a pixel.
 */
final class MarkerSprites {
    /** Sizes are kept to 1/8 px, so a resized view makes a handful of new sprites, not one per frame. */
    private static final double SIZE_STEP = 0.125;
    private static final int MAX_SPRITES = 512;
    private static final ConcurrentHashMap<Key, Sprite> SPRITES = new ConcurrentHashMap<>();

    private record Key(int cls, boolean filled, long size) {
    }

    /** The image and where the glyph's centre lies in it. */
    private record Sprite(BufferedImage image, int centre) {
    }

    private MarkerSprites() {
    }

    static void draw(Graphics2D g, int cls, double x, double y, double size, boolean filled) {
        Sprite s = sprite(cls, filled, size);
        g.drawImage(s.image(), (int) Math.round(x - s.centre()), (int) Math.round(y - s.centre()), null);
    }

    private static Sprite sprite(int cls, boolean filled, double size) {
        Key key = new Key(cls, filled, Math.round(size / SIZE_STEP));
        Sprite s = SPRITES.get(key);
        if (s == null) {
            if (SPRITES.size() > MAX_SPRITES) {
                SPRITES.clear();
            }
            s = SPRITES.computeIfAbsent(key, k -> make(k.cls(), k.filled(), k.size() * SIZE_STEP));
        }
        return s;
    }

    private static Sprite make(int cls, boolean filled, double size) {
        // room for the glyph, its outline and the antialiasing fringe
        int centre = (int) Math.ceil(size * 0.7 + MarkerGlyph.STROKE + 2);
        BufferedImage img = new BufferedImage(2 * centre, 2 * centre, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            TransformedPainter.marker(g, cls, centre, centre, size, filled);
        } finally {
            g.dispose();
        }
        return new Sprite(img, centre);
    }
}
