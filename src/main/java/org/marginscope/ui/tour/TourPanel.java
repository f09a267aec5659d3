package org.marginscope.ui.tour;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marginscope.experiment.Tour;
import org.marginscope.experiment.TourStep;

/**
 * The tour beside the views: step n of m, the step's title and narration, the training progress with
 * Skip, and Back / Next / Restart. Keys (PageUp/PageDown, arrows) are bound by the window.
 */
public final class TourPanel extends VBox {
    private final TourPlayer player;
    private final Label tourTitle = new Label();
    private final Label counter = new Label();
    private final Label stepTitle = new Label();
    private final Label narration = new Label();
    private final Label trainText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button skip = new Button("Skip");
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button restart = new Button("Restart");

    TourPanel(TourPlayer player, Runnable close) {
        this.player = player;
        getStyleClass().add("tour-panel");
        setId("tour-panel");
        setSpacing(10);
        setPadding(new Insets(14));
        setPrefWidth(340);
        setMinWidth(260);
        tourTitle.getStyleClass().add("tour-title");
        tourTitle.setWrapText(true);
        counter.getStyleClass().add("tour-counter");
        counter.setId("tour-counter");
        stepTitle.getStyleClass().add("tour-step-title");
        stepTitle.setWrapText(true);
        narration.getStyleClass().add("tour-narration");
        narration.setId("tour-narration");
        narration.setWrapText(true);
        narration.setMinHeight(Region.USE_PREF_SIZE);
        trainText.getStyleClass().add("hint");
        trainText.setWrapText(true);
        trainText.setId("tour-training");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("tour-progress");
        HBox.setHgrow(progress, Priority.ALWAYS);
        skip.setId("tour-skip");
        skip.setTooltip(new Tooltip("Stop training here; the step keeps what it reached"));
        skip.setOnAction(e -> player.skip());
        HBox trainRow = new HBox(8, progress, skip);
        trainRow.setAlignment(Pos.CENTER_LEFT);
        trainRow.visibleProperty().bind(player.progressProperty().greaterThanOrEqualTo(0));
        trainRow.managedProperty().bind(trainRow.visibleProperty());
        progress.progressProperty().bind(player.progressProperty());
        trainText.textProperty().bind(player.trainingTextProperty());

        back.setId("tour-back");
        next.setId("tour-next");
        restart.setId("tour-restart");
        back.setTooltip(new Tooltip("Previous step, as it was (Page Up, Left)"));
        next.setTooltip(new Tooltip("Next step (Page Down, Right)"));
        restart.setTooltip(new Tooltip("Back to the first step"));
        back.setOnAction(e -> player.back());
        next.setOnAction(e -> player.next());
        restart.setOnAction(e -> player.restart());
        next.setDefaultButton(false);
        Button closeButton = new Button("Close tour");
        closeButton.setId("tour-close");
        closeButton.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, next, gap, restart);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        getChildren().addAll(tourTitle, counter, stepTitle, narration, trainRow, trainText, buttons, fill, closeButton);
        player.indexProperty().addListener((o, a, b) -> refresh());
        player.tourProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Tour t = player.tourProperty().get();
        int i = player.indexProperty().get();
        if (t == null || i < 0) {
            return;
        }
        TourStep s = t.steps().get(i);
        tourTitle.setText(t.title());
        counter.setText("Step " + (i + 1) + " of " + t.steps().size());
        stepTitle.setText(s.title());
        narration.setText(s.narration());
        back.setDisable(i == 0);
        next.setDisable(i == t.steps().size() - 1);
    }

    /** The narration as shown (for tests and presentation checks). */
    Label narrationLabel() {
        return narration;
    }
}
