package org.marginscope.ui.gallery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetGroups;
import org.marginscope.experiment.PresetPreviewCache;
import org.marginscope.ui.Theme;

/**
 * File &gt; Examples: every built-in preset as a card, grouped by paper, with a search field. The thumbnails and
 * timings come from a {@link PreviewWorker} (cached on disk after the first time); opening a card loads its preset as
 * the Presets menu does and closes the gallery.
 */
public final class GalleryWindow {
    private final Stage owner;
    private final Consumer<Preset> open;
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty presentation;
    private final Map<String, GalleryCard> cards = new LinkedHashMap<>();
    private final Map<VBox, List<GalleryCard>> groups = new LinkedHashMap<>();
    private final TextField search = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label empty = new Label();
    private final PreviewWorker worker;
    private Stage stage;
    private final java.util.Set<String> finished = new java.util.HashSet<>();

    public GalleryWindow(Stage owner, Consumer<Preset> open, ObjectProperty<Theme> theme, BooleanProperty presentation) {
        this.owner = owner;
        this.open = open;
        this.theme = theme;
        this.presentation = presentation;
        this.worker = new PreviewWorker(new PresetPreviewCache(PresetPreviewCache.defaultDirectory()));
    }

    /** Shows the gallery (built the first time), search cleared, and paints the previews still missing. */
    public void show() {
        if (stage == null) {
            stage = build();
        }
        search.clear();
        filter();
        List<Preset> missing = cards.values().stream().filter(c -> c.thumbnail() == null).map(GalleryCard::preset).toList();
        if (!missing.isEmpty()) {
            worker.start(missing, this::done, this::failed);
        }
        fitToOwner();
        stage.show();
        stage.toFront();
        search.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    Map<String, GalleryCard> cards() {
        return cards;
    }

    /** Closes the gallery and stops its worker (the window's close). */
    public void dispose() {
        worker.stop();
        if (stage != null) {
            stage.hide();
        }
    }

    private Stage build() {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("MarginScope - Examples");
        var scale = Bindings.createDoubleBinding(() -> presentation.get() ? 1.5 : 1.0, presentation);
        VBox sections = new VBox(18);
        sections.setPadding(new Insets(12, 16, 16, 16));
        for (PresetGroups.Group g : PresetGroups.builtIn()) {
            FlowPane flow = new FlowPane(14, 14);
            List<GalleryCard> mine = new ArrayList<>();
            for (Preset p : g.presets()) {
                GalleryCard card = new GalleryCard(p, g.title(), () -> openCard(p), scale);
                cards.put(p.name(), card);
                mine.add(card);
                flow.getChildren().add(card);
            }
            Label title = new Label(g.title() + "  (" + g.presets().size() + ")");
            title.getStyleClass().add("gallery-group-title");
            VBox section = new VBox(6, title);
            if (g.paper() != null) {
                Label citation = new Label(g.paper().citation());
                citation.getStyleClass().add("hint");
                citation.setWrapText(true);
                section.getChildren().add(citation);
            }
            section.getChildren().add(flow);
            section.setId("gallery-group-" + g.id());
            groups.put(section, mine);
            sections.getChildren().add(section);
        }
        empty.setId("gallery-empty");
        empty.getStyleClass().add("hint");
        sections.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setId("gallery-scroll");

        search.setId("gallery-search");
        search.setPromptText("Search: a name, a paper, a word of the claim");
        search.setPrefColumnCount(28);
        search.textProperty().addListener((o, a, b) -> filter());
        search.setOnKeyPressed(e -> { // Enter or Down: to the first card shown, so Enter again opens it
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                cards.values().stream().filter(GalleryCard::isVisible).findFirst().ifPresent(GalleryCard::requestFocus);
                e.consume();
            }
        });
        Label heading = new Label("Examples");
        heading.getStyleClass().add("gallery-heading");
        Label hint = new Label("Double-click a card, or select it and press Enter, to load it.");
        hint.getStyleClass().add("hint");
        progress.setId("gallery-progress");
        progress.setPrefWidth(160);
        progressText.setId("gallery-progress-text");
        progressText.getStyleClass().add("hint");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // narrow (presentation mode's large type): the hint and the progress words give way, then the search field;
        // the heading and the bar keep their size
        heading.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.managedProperty().bind(progress.visibleProperty()); // once all are ready, its room goes to the words
        search.setMinWidth(160);
        hint.setMinWidth(0);
        progressText.setMinWidth(0);
        hint.setTooltip(new Tooltip(hint.getText()));
        Tooltip progressTip = new Tooltip();
        progressTip.textProperty().bind(progressText.textProperty());
        progressText.setTooltip(progressTip);
        HBox top = new HBox(12, heading, search, hint, spacer, progressText, progress);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 16, 10, 16));
        top.getStyleClass().add("gallery-top");
        BorderPane root = new BorderPane(scroll);
        root.setTop(top);
        root.setId("gallery-root");
        Scene scene = new Scene(root, 1180, 760);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                s.hide();
            }
        });
        Runnable style = () -> theme.get().applyTo(scene, presentation.get());
        style.run();
        theme.addListener((o, a, b) -> style.run());
        presentation.addListener((o, a, b) -> {
            style.run();
            fitToOwner();
        });
        s.setScene(scene);
        s.setOnHidden(e -> worker.stop());
        updateProgress();
        return s;
    }

    /** Most of the main window (all of it in presentation mode), over it. */
    private void fitToOwner() {
        double f = presentation.get() ? 1.0 : 0.86;
        double w = Math.max(720, owner.getWidth() * f), h = Math.max(520, owner.getHeight() * (presentation.get() ? 1.0 : 0.9));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(owner.getX() + (owner.getWidth() - w) / 2);
        stage.setY(owner.getY() + (owner.getHeight() - h) / 2);
    }

    private void openCard(Preset p) {
        stage.hide();
        open.accept(p);
    }

    private void filter() {
        String q = search.getText() == null ? "" : search.getText();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (var e : groups.entrySet()) {
            boolean any = false;
            for (GalleryCard c : e.getValue()) {
                boolean m = c.matches(q);
                c.setVisible(m);
                c.setManaged(m);
                any |= m;
                if (m) {
                    shown.add(c.preset().name());
                }
            }
            e.getKey().setVisible(any);
            e.getKey().setManaged(any);
        }
        boolean none = shown.isEmpty();
        empty.setText(none ? "No preset matches \u201c" + q.trim() + "\u201d." : "");
        empty.setVisible(none);
        empty.setManaged(none);
        worker.prefer(shown);
    }

    private void done(Preset p, PreviewWorker.Ready r) {
        GalleryCard c = cards.get(p.name());
        if (c != null && c.thumbnail() == null) {
            c.show(r.preview(), r.image());
            finished.add(p.name());
            updateProgress();
        }
    }

    private void failed(Preset p, String why) {
        GalleryCard c = cards.get(p.name());
        if (c != null) {
            c.failed(why);
            finished.add(p.name());
            updateProgress();
        }
    }

    private void updateProgress() {
        int n = cards.size(), ready = finished.size();
        progress.setProgress(n == 0 ? 1 : (double) ready / n);
        boolean busy = ready < n;
        progress.setVisible(busy);
        progressText.setText(busy ? "Painting previews and timing a few steps of each: " + ready + " of " + n
                : "All " + n + " previews ready");
    }
}
