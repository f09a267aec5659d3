package org.marginscope.ui.window;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javafx.beans.property.StringProperty;
import org.marginscope.model.BackendInfo;

/** What Help > About says: the versions of MarginScope, Java, JavaFX, ND4J and the backend in use. */
public final class AboutInfo {
    private static Properties versions;

    private AboutInfo() {
    }

    /** A version the build wrote into version.properties ("marginscope", "nd4j", "javafx"). */
    public static synchronized String version(String key) {
        if (versions == null) {
            versions = new Properties();
            try (InputStream in = AboutInfo.class.getResourceAsStream("/org/marginscope/version.properties")) {
                if (in != null) {
                    versions.load(in);
                }
            } catch (IOException e) {
                // shown as unknown
            }
        }
        String v = versions.getProperty(key, "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }

    static String versionsText() {
        String fx = System.getProperty("javafx.runtime.version", version("javafx"));
        return "MarginScope " + version("marginscope") + "\n"
                + "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + fx + "\n"
                + "ND4J " + version("nd4j") + ", backend: " + BackendInfo.describe() + "\n"
                + "Licence: Apache-2.0";
    }

    private static volatile javafx.application.HostServices host;

    /** The app hands over its host services at start (tests run without them). */
    public static void setHostServices(javafx.application.HostServices h) {
        host = h;
    }

    /** Opens a link in the browser, or says where it goes when there is no app to ask. */
    static void open(String url, StringProperty message) {
        javafx.application.HostServices h = host;
        if (h != null) {
            h.showDocument(url);
            message.set("Opening " + url);
        } else {
            message.set("Paper link: " + url);
        }
    }
}
