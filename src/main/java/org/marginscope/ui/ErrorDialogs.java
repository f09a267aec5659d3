package org.marginscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The error dialog of the background actions (export, projects); the status bar always says it too. */
final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** Shows a non-blocking error; skipped under -Dmarginscope.noConfirm (headless tests read the status). */
    static void show(Window owner, String header, String text) {
        if (Boolean.getBoolean("marginscope.noConfirm")) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        a.initOwner(owner);
        a.getDialogPane().setId("error-dialog");
        a.show();
    }
}
