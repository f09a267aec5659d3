package org.marginscope.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import org.marginscope.experiment.claims.Verdict;

/** The window's look: a colour theme (CSS under assets/themes/) and, on top, presentation mode's sizes. */
public enum Theme {
    LIGHT("Light", "light.css"), DARK("Dark", "dark.css");

    private static final String DIR = "/org/marginscope/assets/themes/";
    private static final String KEY = "theme";

    private final String title;
    private final String file;

    Theme(String title, String file) {
        this.title = title;
        this.file = file;
    }

    public String title() {
        return title;
    }

    /** Replaces the scene's style sheets by this theme's (plus presentation mode's when on). */
    public void applyTo(Scene scene, boolean presentation) {
        List<String> sheets = new java.util.ArrayList<>(List.of(url("common.css"), url(file)));
        if (presentation) {
            sheets.add(url("presentation.css"));
        }
        scene.getStylesheets().setAll(sheets);
        if (presentation) {
            if (!scene.getRoot().getStyleClass().contains("presentation")) {
                scene.getRoot().getStyleClass().add("presentation");
            }
        } else {
            scene.getRoot().getStyleClass().remove("presentation");
        }
    }

    private static String url(String name) {
        var u = Theme.class.getResource(DIR + name);
        if (u == null) {
            throw new IllegalStateException("theme file " + name + " missing from the build");
        }
        return u.toExternalForm();
    }

    /** The theme chosen last time (light at first). */
    public static Theme saved() {
        String s = Settings.prefs().get(KEY, LIGHT.name());
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LIGHT;
        }
    }

    public void save() {
        Settings.prefs().put(KEY, name());
    }

    /** The background of a verdict's chip, the same in every theme (white text on it), wherever a verdict is shown. */
    public static String verdictColour(Verdict v) {
        return switch (v) {
            case HOLDS -> "#1b7f3b";
            case HOLDS_FOR_SOME_SEEDS -> "#8a6d00";
            case TRENDING -> "#1565c0";
            case DOES_NOT_HOLD -> "#b00020";
            case NOT_MEANINGFUL -> "#616161";
        };
    }
}
