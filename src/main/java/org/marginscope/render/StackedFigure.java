package org.marginscope.render;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/** Figures one above the other on one white page, each centred, with a gap between them (e.g. views over charts). */
public final class StackedFigure implements Figure {
    static final int GAP = 16;

    private final List<Figure> parts;

    public StackedFigure(List<Figure> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a stacked figure needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    @Override
    public int width() {
        return parts.stream().mapToInt(Figure::width).max().orElseThrow();
    }

    @Override
    public int height() {
        return parts.stream().mapToInt(Figure::height).sum() + GAP * (parts.size() - 1);
    }

    /** Where part i's top-left corner lands on the page. */
    int[] origin(int i) {
        int y = 0;
        for (int k = 0; k < i; k++) {
            y += parts.get(k).height() + GAP;
        }
        return new int[] {(width() - parts.get(i).width()) / 2, y};
    }

    @Override
    public void paint(Graphics2D g) {
        Figure.blankPage(g, width(), height());
        for (int i = 0; i < parts.size(); i++) {
            int[] o = origin(i);
            AffineTransform before = g.getTransform();
            java.awt.Shape clip = g.getClip();
            g.translate(o[0], o[1]);
            g.clipRect(0, 0, parts.get(i).width(), parts.get(i).height()); // a part paints only its own area
            parts.get(i).paint(g);
            g.setTransform(before);
            g.setClip(clip);
        }
    }
}
