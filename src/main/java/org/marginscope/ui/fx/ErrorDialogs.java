package org.marginscope.ui.fx;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The error dialogs: of the background actions (export, projects), and of the window's own file actions. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** Shows a non-blocking error; skipped under -Dmarginscope.noConfirm (headless tests read the status). */
    public static void show(Window owner, String header, String text) {
        if (Boolean.getBoolean("marginscope.noConfirm")) {
            return;
        }
        alert(owner, header, text).show();
    }

    /** Shows a non-blocking error titled MarginScope, also under -Dmarginscope.noConfirm (tests look for it). */
    public static void always(Window owner, String header, String text) {
        Alert a = alert(owner, header, text);
        a.setTitle("MarginScope");
        a.show();
    }

    private static Alert alert(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        a.initOwner(owner);
        a.getDialogPane().setId("error-dialog");
        return a;
    }
}
