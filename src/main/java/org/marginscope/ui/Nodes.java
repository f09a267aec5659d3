package org.marginscope.ui;

import javafx.scene.Node;

/** Layout helpers for scene-graph nodes. */
final class Nodes {
    private Nodes() {
    }

    /** Shows or hides a node together with the room it takes in its parent's layout. */
    static void show(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }
}
