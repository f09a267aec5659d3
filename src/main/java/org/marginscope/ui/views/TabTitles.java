package org.marginscope.ui.views;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * A tab pane whose titles share its width: each title whole where they all fit; else the short ones whole and
 * the long ones cut to equal widths (the tooltips have them in full) - never wider than the pane, where the
 * selected tab would scroll the first out of sight. The room a header takes besides its title is measured on
 * the laid-out headers, as presentation mode's style enlarges it with the font.
 */
final class TabTitles {
    /** A tab header's room besides its title, and the header area's besides its tabs, until they are laid out (px). */
    private static final double TAB_CHROME = 16, PANE_CHROME = 12;
    private static final double MIN_TITLE = 48;
    private final TabPane pane;
    /** The tab headers whose title font and width are followed. */
    private final Set<Node> followed = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean queued;

    private TabTitles(TabPane pane) {
        this.pane = pane;
    }

    /** Keeps the pane's tab width cap fitted to its width and its titles' font. */
    static void fit(TabPane pane) {
        TabTitles t = new TabTitles(pane);
        pane.widthProperty().addListener(o -> t.schedule());
        pane.skinProperty().addListener(o -> t.schedule());
    }

    /** Updates after the pulse under way: the headers' widths and fonts are final then. */
    private void schedule() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                update();
            });
        }
    }

    private void update() {
        Font font = Font.getDefault();
        double chrome = TAB_CHROME;
        for (Node header : pane.lookupAll(".tab")) {
            if (!(header.lookup(".tab-label") instanceof Labeled label) || !(header instanceof Region r)) {
                continue;
            }
            font = label.getFont();
            if (r.getWidth() > 0 && label.getWidth() > 0) {
                chrome = Math.max(chrome, r.getWidth() - label.getWidth());
            }
            if (followed.add(header)) {
                label.fontProperty().addListener(o -> schedule());
                r.widthProperty().addListener(o -> schedule());
            }
        }
        double width = pane.getWidth(), paneChrome = PANE_CHROME;
        if (pane.lookup(".tab-header-area") instanceof Region area && area.getWidth() > 0) {
            // the skin's own test of whether the tabs fit: their widths, the menu button's, the first tab's indent
            // and 10 px must stay under the header area's width
            Node menu = area.lookup(".control-buttons-tab");
            width = area.getWidth();
            paneChrome = area.snappedLeftInset() + (menu instanceof Region m ? m.prefWidth(-1) : 0) + 10 + 2;
        }
        Font f = font;
        // a pixel to spare per title: the label's own measure rounds up
        double[] natural = pane.getTabs().stream().mapToDouble(t -> ViewCanvas.textWidth(t.getText(), f) + 1).toArray();
        double room = width - paneChrome - natural.length * chrome;
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
