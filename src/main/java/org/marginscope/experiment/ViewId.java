package org.marginscope.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The views by name, as presets ({@code views}), tour steps ({@code view}), {@code gui --regions-mode} and the
 * window share them. The enum owns the spelling: files and flags keep exactly these strings.
 */
public enum ViewId {
    ORIGINAL("original", Tab.ORIGINAL),
    /** Nar's two-point demo: the original view, started with the move tool. */
    TWO_POINT("two-point", Tab.ORIGINAL),
    TRANSFORMED("transformed", Tab.TRANSFORMED),
    NEURONS("neurons", Tab.NEURONS),
    UNITS("units", Tab.REGIONS),
    GRADIENTS("gradients", Tab.REGIONS),
    GRADIENT_BIASES("gradient-biases", Tab.REGIONS),
    PARTIAL_BACKPROP("partial-backprop", Tab.REGIONS),
    LINEAR_REGIONS("linear-regions", Tab.REGIONS);

    /** Where a view is drawn: the original-space view, or one of the tabs beside it. */
    public enum Tab { ORIGINAL, TRANSFORMED, NEURONS, REGIONS }

    private final String id;
    private final Tab tab;

    ViewId(String id, Tab tab) {
        this.id = id;
        this.tab = tab;
    }

    /** The spelling in files and flags. */
    public String id() {
        return id;
    }

    public Tab tab() {
        return tab;
    }

    /** Whether a tour step may choose it: the views of the tabs beside the original-space view. */
    public boolean beside() {
        return tab != Tab.ORIGINAL;
    }

    public static Optional<ViewId> parse(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /** The view of this name, or an IllegalArgumentException that names the {@code allowed} ones. */
    public static ViewId of(String id, String what, List<ViewId> allowed) {
        return parse(id).filter(allowed::contains).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + what + " '" + id + "'; known: " + names(allowed)));
    }

    public static ViewId of(String id) {
        return of(id, "view", List.of(values()));
    }

    /** The views beside the original-space view, the ones a tour step may choose. */
    public static List<ViewId> besideOriginal() {
        return Arrays.stream(values()).filter(ViewId::beside).toList();
    }

    public static List<ViewId> inTab(Tab tab) {
        return Arrays.stream(values()).filter(v -> v.tab == tab).toList();
    }

    static String names(List<ViewId> views) {
        return String.join(", ", views.stream().map(ViewId::id).toList());
    }

    @Override
    public String toString() {
        return id;
    }
}
