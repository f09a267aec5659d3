package org.marginscope.render;

import java.util.function.ToDoubleFunction;

/** Text cut to a width with an ellipsis: the views' header lines on screen and in exported figures. */
public final class Ellipsis {
    public static final String MARK = "\u2026";
    /** Room a header line leaves at the page's right edge. */
    public static final double RIGHT_MARGIN = 6;

    private Ellipsis() {
    }

    /**
     * The text if it fits the room, else its longest prefix (on a word boundary where one is near) that fits with
     * the ellipsis; {@code width} measures a string in the font it is drawn in.
     */
    public static String fit(String text, ToDoubleFunction<String> width, double room) {
        if (width.applyAsDouble(text) <= room) {
            return text;
        }
        int lo = 0, hi = text.length();
        while (lo < hi) { // the longest prefix whose width with the ellipsis fits
            int mid = (lo + hi + 1) / 2;
            if (width.applyAsDouble(text.substring(0, mid).stripTrailing() + MARK) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String head = text.substring(0, lo);
        int space = head.lastIndexOf(' ');
        if (space > lo * 3 / 4) {
            head = head.substring(0, space);
        }
        return head.replaceAll("[\\s.,;:]+$", "") + MARK; // "network.\u2026" reads as a typo
    }
}
