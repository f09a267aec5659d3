package org.marginscope.ui.tour;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.marginscope.experiment.TourStep;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;

/** Asks a teacher for a step's title and narration; the rest (preset, view, overlays, step) is the window's now. */
final class TourStepDialog {
    private TourStepDialog() {
    }

    static Optional<TourStep> ask(Window owner, Session session, org.marginscope.experiment.ViewId view, List<String> overlays, String highlight,
                                  boolean edited) {
        Snapshot s = session.trainer().latest();
        long step = s == null ? 0 : s.step();
        String preset = session.presetProperty().get().name();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Save current state as a tour step");
        d.setHeaderText("A step of preset " + preset + ", view " + view
                + (overlays.isEmpty() ? "" : ", with " + String.join(", ", overlays))
                + (highlight == null ? "" : ", framing " + highlight));
        TextField title = new TextField();
        title.setId("tour-step-title-field");
        title.setPromptText("A short heading");
        TextArea narration = new TextArea();
        narration.setId("tour-step-narration-field");
        narration.setWrapText(true);
        narration.setPrefRowCount(5);
        narration.setPromptText("Two to four sentences to read aloud: the claim, and what to look at");
        CheckBox train = new CheckBox(String.format(Locale.ROOT, "Train to step %,d in this step", step));
        train.setSelected(step > 0);
        train.setDisable(step == 0);
        VBox box = new VBox(8, new Label("Title"), title, new Label("Narration"), narration, train);
        if (edited) {
            Label warn = new Label("Your edits to the data or the network are not stored: a tour step names a"
                    + " built-in preset and how far to train it.");
            warn.setWrapText(true);
            warn.getStyleClass().add("hint");
            box.getChildren().add(warn);
        }
        box.setPadding(new Insets(6));
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> title.getText().isBlank() || narration.getText().isBlank(), title.textProperty(),
                narration.textProperty()));
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        return Optional.of(new TourStep(title.getText().strip(), preset, view.id(), overlays,
                train.isSelected() ? TourStep.Train.to(step) : null, narration.getText().strip(), highlight));
    }
}
