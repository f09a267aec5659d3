package org.marginscope.ui.window;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/** Toolbar glyphs drawn as shapes, so they never depend on a font having them. */
final class Icons {
    private static final Color INK = Color.web("#333333");

    private Icons() {
    }

    static Node play() {
        Polygon p = new Polygon(0, 0, 10, 6, 0, 12);
        p.setFill(Color.web("#009e73"));
        return p;
    }

    static Node pause() {
        Rectangle a = new Rectangle(3.5, 12, INK);
        Rectangle b = new Rectangle(3.5, 12, INK);
        HBox box = new HBox(3, a, b);
        box.setMaxHeight(12);
        return box;
    }
}
