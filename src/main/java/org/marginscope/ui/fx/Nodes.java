package org.marginscope.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** Layout helpers for scene-graph nodes. */
public final class Nodes {
    private Nodes() {
    }

    /** Shows or hides a node together with the room it takes in its parent's layout. */
    public static void show(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }

    /** A menu item running r, with an accelerator such as "Shortcut+S" (or none: null). */
    public static MenuItem menuItem(String text, String accel, Runnable r) {
        MenuItem mi = new MenuItem(text);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        mi.setOnAction(e -> r.run());
        return mi;
    }
}
