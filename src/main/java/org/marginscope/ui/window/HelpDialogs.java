package org.marginscope.ui.window;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.marginscope.experiment.PaperReferences;

/** Help &gt; Keyboard shortcuts and Help &gt; About. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** Every key binding, then every menu accelerator. */
    static void shortcuts(Window owner, KeyBindings keys, MenuBar menus) {
        TextArea text = new TextArea(keys.helpText(menus));
        text.setEditable(false);
        text.setId("shortcuts-text");
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefSize(640, 460);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Keyboard shortcuts");
        a.setTitle("MarginScope");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("shortcuts-dialog");
        a.initOwner(owner);
        a.show();
    }

    /** The versions and the papers, each a link; {@code message} says when a link cannot be opened. */
    static void about(Window owner, StringProperty message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About MarginScope");
        a.setHeaderText("MarginScope " + AboutInfo.version("marginscope"));
        VBox box = new VBox(8);
        Label versions = new Label(AboutInfo.versionsText());
        versions.setId("about-versions");
        box.getChildren().addAll(versions, new Label("The papers it reproduces:"));
        for (PaperReferences.Reference r : PaperReferences.ALL) {
            Hyperlink link = new Hyperlink(r.citation());
            link.setWrapText(true);
            link.setMaxWidth(620);
            link.setTooltip(new Tooltip(r.url()));
            link.setOnAction(e -> AboutInfo.open(r.url(), message));
            box.getChildren().add(link);
        }
        a.getDialogPane().setContent(box);
        a.getDialogPane().setId("about-dialog");
        a.initOwner(owner);
        a.show();
    }
}
