package org.marginscope.ui.gallery;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetHeadline;
import org.marginscope.experiment.PresetPreview;

/**
 * One preset in the gallery: its thumbnail (a spinner until the worker has painted it), name, one-line claim, step
 * count and expected duration. Double-click, Enter or Open loads it.
 */
final class GalleryCard extends VBox {
    static final double THUMB_WIDTH = 240;
    private final Preset preset;
    private final String searchText;
    private final StackPane thumb = new StackPane();
    private final ImageView image = new ImageView();
    private final Label meta = new Label();

    GalleryCard(Preset preset, String groupTitle, Runnable open, ObservableValue<Number> scale) {
        this.preset = preset;
        String headline = PresetHeadline.of(preset);
        this.searchText = String.join(" ", preset.name(), groupTitle, headline, preset.description())
                .toLowerCase(Locale.ROOT);
        setId("gallery-card-" + preset.name());
        getStyleClass().add("gallery-card");
        setFocusTraversable(true);
        setSpacing(4);
        var thumbWidth = Bindings.createDoubleBinding(() -> THUMB_WIDTH * scale.getValue().doubleValue(), scale);
        var thumbHeight = Bindings.createDoubleBinding(
                () -> thumbWidth.get() * PresetPreview.HEIGHT / PresetPreview.WIDTH, thumbWidth);
        thumb.getStyleClass().add("gallery-thumb");
        thumb.prefWidthProperty().bind(thumbWidth);
        thumb.minWidthProperty().bind(thumbWidth);
        thumb.maxWidthProperty().bind(thumbWidth);
        thumb.prefHeightProperty().bind(thumbHeight);
        thumb.minHeightProperty().bind(thumbHeight);
        thumb.maxHeightProperty().bind(thumbHeight);
        image.fitWidthProperty().bind(thumbWidth);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.setId("gallery-thumb-" + preset.name());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label painting = new Label("painting\u2026");
        painting.getStyleClass().add("hint");
        VBox waiting = new VBox(6, spinner, painting);
        waiting.setAlignment(Pos.CENTER);
        thumb.getChildren().add(waiting);

        Label name = new Label(preset.name());
        name.getStyleClass().add("gallery-card-title");
        Label claim = new Label(headline);
        claim.getStyleClass().add("gallery-card-claim");
        claim.setWrapText(true);
        meta.getStyleClass().addAll("hint", "gallery-card-meta");
        meta.setId("gallery-meta-" + preset.name());
        meta.setText(steps() + " \u00b7 measuring\u2026");
        Button openButton = new Button("Open");
        openButton.setId("gallery-open-" + preset.name());
        openButton.setOnAction(e -> open.run());
        getChildren().addAll(thumb, name, claim, meta, openButton);
        for (var n : java.util.List.of(name, claim, meta)) {
            n.maxWidthProperty().bind(thumbWidth);
        }
        Tooltip.install(this, new Tooltip(preset.name() + "\n" + preset.description()));
        setOnMouseClicked(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open.run();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
                e.consume();
            }
        });
    }

    Preset preset() {
        return preset;
    }

    /** Whether every word of the query occurs in the name, the paper, the claim or the description. */
    boolean matches(String query) {
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !searchText.contains(word)) {
                return false;
            }
        }
        return true;
    }

    void show(PresetPreview preview, Image picture) {
        image.setImage(picture);
        thumb.getChildren().setAll(image);
        double seconds = preview.expectedSeconds(preset);
        String about = preset.steps() <= 1 ? "ready at once"
                : seconds < 1 ? "under a second here" : "about " + duration(seconds) + " here";
        meta.setText(steps() + " \u00b7 " + (preset.stop() != null ? "up to " : "") + about);
        meta.setTooltip(new Tooltip("Estimated from a short headless run on this machine: "
                + String.format(Locale.ROOT, "%.3g ms a step, %.3g ms more a snapshot", 1e3 * preview.secondsPerStep(),
                1e3 * preview.secondsPerSnapshot())
                + ". The window also draws while it trains, and the SVM and other measures cost more or less as the"
                + " points move."));
    }

    void failed(String why) {
        Label l = new Label(why);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        thumb.getChildren().setAll(l);
        meta.setText(steps());
    }

    Image thumbnail() {
        return image.getImage();
    }

    private String steps() {
        long s = preset.steps();
        return s == 0 ? "no training" : String.format(Locale.ROOT, "%,d step%s", s, s == 1 ? "" : "s");
    }

    /** Seconds as a reader wants them: "under a second", "40 s", "3 min", "1.5 h". */
    static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
