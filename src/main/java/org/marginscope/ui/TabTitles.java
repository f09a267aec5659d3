package org.marginscope.ui;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.text.Font;

/**
 * A tab pane whose titles share its width: each title whole where they all fit; else the short ones whole and
 * the long ones cut to equal widths (the tooltips have them in full) - never wider than the pane, where the
 * selected tab would scroll the first out of sight.
 */
final class TabTitles {
    /** Horizontal room a tab header takes besides its title, and the tab pane's besides its tabs (Modena, px). */
    static final double TAB_CHROME = 16, PANE_CHROME = 12;
    private static final double MIN_TITLE = 48;
    private final TabPane pane;
    /** The title labels whose font is followed (presentation mode enlarges it). */
    private final Set<Labeled> followed = Collections.newSetFromMap(new WeakHashMap<>());

    private TabTitles(TabPane pane) {
        this.pane = pane;
    }

    /** Keeps the pane's tab width cap fitted to its width and its titles' font. */
    static void fit(TabPane pane) {
        TabTitles t = new TabTitles(pane);
        pane.widthProperty().addListener(o -> t.update());
        pane.skinProperty().addListener(o -> javafx.application.Platform.runLater(t::update));
    }

    private void update() {
        Font font = Font.getDefault();
        for (Node n : pane.lookupAll(".tab-label")) {
            if (n instanceof Labeled l) {
                font = l.getFont();
                if (followed.add(l)) {
                    l.fontProperty().addListener(o -> update());
                }
            }
        }
        Font f = font;
        // a pixel to spare per title: the label's own measure rounds up
        double[] natural = pane.getTabs().stream().mapToDouble(t -> ViewCanvas.textWidth(t.getText(), f) + 1).toArray();
        double room = pane.getWidth() - PANE_CHROME - natural.length * TAB_CHROME;
        pane.setTabMaxWidth(Math.max(MIN_TITLE, maxTitleWidth(room, natural)));
    }

    /**
     * The widest a title may be so that titles of these natural widths fit the room: infinite where all fit whole,
     * else the share of the room the longer titles split once the shorter ones have theirs.
     */
    static double maxTitleWidth(double room, double[] natural) {
        double[] w = natural.clone();
        Arrays.sort(w);
        double left = room;
        for (int i = 0; i < w.length; i++) {
            double share = left / (w.length - i);
            if (w[i] > share) {
                return share;
            }
            left -= w[i];
        }
        return Double.MAX_VALUE;
    }
}
