package org.marginscope.ui.window;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.marginscope.ui.actions.LoadProgressView;

/** In the status bar while a file loads: a bar, what has been read, and Cancel. Hidden otherwise. */
public final class LoadIndicator extends HBox implements LoadProgressView {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label label = new Label();
    private final Button cancel = new Button("Cancel");
    private Runnable onCancel = () -> {
    };

    LoadIndicator() {
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setId("load-indicator");
        bar.setId("load-progress");
        bar.setPrefWidth(120);
        label.setId("load-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("load-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            label.setText("Cancelling\u2026");
            onCancel.run();
        });
        getChildren().addAll(bar, label, cancel);
        hide();
    }

    @Override
    public void show(Runnable onCancel) {
        this.onCancel = onCancel;
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        label.setText("Loading\u2026");
        cancel.setDisable(false);
        setVisible(true);
        setManaged(true);
    }

    @Override
    public void update(double fraction, String text) {
        if (!cancel.isDisabled()) {
            bar.setProgress(fraction);
            label.setText(text);
        }
    }

    @Override
    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    double progress() {
        return bar.getProgress();
    }
}
