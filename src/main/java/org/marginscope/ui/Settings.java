package org.marginscope.ui;

import java.util.prefs.Preferences;

/** Where the app keeps what persists between runs (recent files, theme); tests point it elsewhere. */
public final class Settings {
    private Settings() {
    }

    public static Preferences prefs() {
        return Preferences.userRoot().node(System.getProperty("marginscope.prefsNode", "org/marginscope"));
    }
}
