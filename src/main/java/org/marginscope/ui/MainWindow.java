package org.marginscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.RegionsFigure;
import org.marginscope.experiment.Tour;
import org.marginscope.experiment.ViewId;
import org.marginscope.ui.actions.AnimationExportAction;
import org.marginscope.ui.actions.CsvActions;
import org.marginscope.ui.actions.ExportViewDialog;
import org.marginscope.ui.actions.FigureExportAction;
import org.marginscope.ui.actions.ProjectActions;
import org.marginscope.ui.actions.SeedSweepDialog;
import org.marginscope.ui.charts.TrainingCharts;
import org.marginscope.ui.gallery.GalleryWindow;
import org.marginscope.ui.gallery.PresetPace;
import org.marginscope.ui.panels.DataPanel;
import org.marginscope.ui.panels.NetworkPanel;
import org.marginscope.ui.panels.TrainingPanel;
import org.marginscope.ui.tour.TourHost;
import org.marginscope.ui.tour.TourPanel;
import org.marginscope.ui.tour.TourPlayer;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.NeuronView;
import org.marginscope.ui.views.RegionsView;
import org.marginscope.ui.views.RenderService;
import org.marginscope.ui.views.TimelineScrubber;
import org.marginscope.ui.views.TransformedView;
import org.marginscope.ui.views.ViewTabs;
import org.marginscope.ui.window.ClaimsBar;
import org.marginscope.ui.window.KeyBindings;
import org.marginscope.ui.window.MainMenuBar;
import org.marginscope.ui.window.MainToolBar;
import org.marginscope.ui.window.PresentationMode;
import org.marginscope.ui.window.StatusBar;
import org.marginscope.ui.window.WindowKeys;

/**
 * The main window, as a composition root: it lays out the side panels, the original-space view, the view tabs,
 * the charts and the status bar, and wires the menu bar, toolbar, keys, presentation mode, CSV and project
 * actions and the tour host to them.
 */
public final class MainWindow {
    private final Stage stage;
    private final Session session;
    private final RenderService renderer = new RenderService();
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final BoundaryView view;
    private final TrainingCharts charts;
    private final TimelineScrubber scrubber;
    private final ViewTabs tabs;
    private final TabPane side;
    private final TrainingPanel trainingPanel;
    private final StatusBar status;
    private final MainToolBar toolbar;
    private final MainMenuBar menuBar;
    private final KeyBindings keys = new KeyBindings();
    private final TourHost tours;
    private final PresentationMode presentationMode;
    private final FigureExportAction figureExport;
    private final ProjectActions projects;
    private final AnimationExportAction animationExport;
    private final CsvActions csv;
    private final ExportViewDialog exportView;
    /** Model > Run over seeds. */
    private final SeedSweepDialog seedSweep;
    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.saved());
    private GalleryWindow gallery;

    public MainWindow(Stage stage, Preset preset) {
        this.stage = stage;
        session = new Session(preset);
        renderer.setMaxFps(30);
        // no rest between the trainer's slices: the view workers draw at a lower OS priority and paced, and the FX
        // thread's longest gap stayed 28-38 ms without it (issue 24, docs/performance.md)
        session.trainer().setYield(Long.getLong("marginscope.trainerYieldMicros", 0));
        view = new BoundaryView(session, renderer);
        charts = new TrainingCharts(session);
        trainingPanel = new TrainingPanel(session);
        side = new TabPane(
                tab("Data", new DataPanel(session, view)),
                tab("Network", new NetworkPanel(session)),
                tab("Training", trainingPanel));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(360);
        side.setMinWidth(300);
        tabs = new ViewTabs(session, view, preset);
        charts.followSpectrum(tabs.transformed()::currentFrame);
        selectToolFor(preset);

        SplitPane views = new SplitPane(view, tabs);
        views.setDividerPositions(0.55);
        scrubber = new TimelineScrubber(session);
        figureExport = new FigureExportAction(session, stage);
        projects = new ProjectActions(session, stage, root);
        animationExport = new AnimationExportAction(session, stage);
        VBox viewsAndTime = new VBox(views, scrubber, new ClaimsBar(session));
        VBox.setVgrow(views, Priority.ALWAYS);
        SplitPane centre = new SplitPane(viewsAndTime, charts);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        SplitPane main = new SplitPane(side, centre);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(side, false);

        toolbar = new MainToolBar(session, view);
        tours = new TourHost(session, stage, root, view, tabs, scrubber, this::loadPreset, toolbar::showPaused);
        status = new StatusBar(session, view);
        csv = new CsvActions(session, stage, root, status.load(), view);
        exportView = new ExportViewDialog(session, stage, root, view, tabs, figureExport);
        seedSweep = new SeedSweepDialog(session, charts, stage, theme, presentation);
        menuBar = new MainMenuBar(this, stage);
        VBox top = new VBox(menuBar, toolbar);
        root.setTop(top);
        root.setCenter(main);
        root.setBottom(status);
        scene = new Scene(root, 1440, 860);
        presentationMode = new PresentationMode(presentation, theme, stage, scene, top, status, main, side, scale -> {
            view.setPresentationScale(scale);
            tabs.setPresentationScale(scale);
        }, session);
        WindowKeys.install(keys, scene, presentation, tours, scrubber, toolbar, session, view);
        csv.acceptDrops(scene);
        stage.setTitle("MarginScope - " + preset.name());
        session.presetProperty().addListener((o, a, b) -> stage.setTitle("MarginScope - " + b.name()));
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
    }

    private static Tab tab(String name, Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFocusTraversable(false); // clicks go to the controls inside, not to the pane
        return new Tab(name, sp);
    }

    /** Selects the side panel or view tab whose title starts with the given text (case ignored). */
    public void showTab(String title) {
        String want = title.toLowerCase(Locale.ROOT);
        for (TabPane pane : List.of(side, tabs)) {
            pane.getTabs().stream().filter(t -> t.getText().toLowerCase(Locale.ROOT).startsWith(want))
                    .findFirst().ifPresent(t -> pane.getSelectionModel().select(t));
        }
    }

    /** Opens van den Berg's Regions tab in the mode {@code --regions-mode} names; refuses a name that is no mode. */
    public void showRegions(String mode) {
        tabs.show(RegionsFigure.Mode.byViewName(mode).view());
    }

    /**
     * Opens Model > Run over seeds and starts it with seeds {@code range} ("A..B") and, when not null, that many
     * steps (gui --seeds); a bad range shows its error in the dialog.
     */
    public void runOverSeeds(String range, String steps) {
        seedSweep.open();
        seedSweep.fill(range, steps);
        seedSweep.start();
    }

    /** Starts training (the app opens training). */
    public void play() {
        toolbar.play();
    }

    public void togglePlay() {
        toolbar.togglePlay();
    }

    /** Opens a tour in the panel beside the views and enters its first step. */
    public void openTour(Tour t) {
        tours.open(t, 0);
    }

    /** Opens a tour at a step (0-based). */
    public void openTour(Tour t, int step) {
        tours.open(t, step);
    }

    public void closeTour() {
        tours.close();
    }

    /** Loads a CSV as the data on a background thread (see {@link CsvActions#load}). */
    public CompletableFuture<Void> loadCsv(Path file) {
        return csv.load(file);
    }

    /** The app's snapshot function: a node (or the whole window when null) to PNG at a scale. */
    public void saveScreenshot(Path file, Node node, double scale) throws IOException {
        exportView.saveScreenshot(file, node, scale);
    }

    /** A preset from the Presets menu or the gallery: with the papers' own settings when that box is ticked. */
    public void loadChosenPreset(Preset p) {
        loadPreset(menuBar.paperSettings() ? p.withPaperSettings() : p);
    }

    void loadPreset(Preset p) {
        toolbar.showPaused();
        session.loadPreset(p);
        view.resetWindow();
        selectToolFor(p);
        if (p.steps() >= PresetPace.LONG_RUN_STEPS) {
            PresetPace.announce(p, session);
        }
    }

    /** Nar's two-point demo is about dragging its points: it starts with the move tool. */
    private void selectToolFor(Preset p) {
        if (p.shows(ViewId.TWO_POINT)) {
            view.toolProperty().set(BoundaryView.Tool.MOVE);
        } else if (view.toolProperty().get() == BoundaryView.Tool.MOVE) {
            view.toolProperty().set(BoundaryView.Tool.ADD);
        }
    }

    /** File &gt; Examples: the gallery of presets (built the first time). */
    public void showGallery() {
        if (gallery == null) {
            gallery = new GalleryWindow(stage, this::loadChosenPreset, theme, presentation);
        }
        gallery.show();
    }

    // ---- the window's parts, for the menu bar and the tests ----

    public Session session() {
        return session;
    }

    public BoundaryView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    public TrainingCharts charts() {
        return charts;
    }

    public TransformedView transformedView() {
        return tabs.transformed();
    }

    public NeuronView neuronView() {
        return tabs.neurons();
    }

    public RegionsView regionsView() {
        return tabs.regions();
    }

    /** The tab shown beside the original-space view. */
    public Tab rightViewTab() {
        return tabs.selected();
    }

    public AnimationExportAction animationExport() {
        return animationExport;
    }

    public ProjectActions projects() {
        return projects;
    }

    public FigureExportAction figureExport() {
        return figureExport;
    }

    public CsvActions csv() {
        return csv;
    }

    public ExportViewDialog exportView() {
        return exportView;
    }

    public SeedSweepDialog seedSweep() {
        return seedSweep;
    }

    public TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    public TourHost tourHost() {
        return tours;
    }

    public TourPlayer tours() {
        return tours.player();
    }

    TourPanel tourPanel() {
        return tours.panel();
    }

    /** The node a tour step frames now (null when none). */
    public Node highlighted() {
        return tours.highlighted();
    }

    public KeyBindings keyBindings() {
        return keys;
    }

    /** The gallery, or null if it was never opened. */
    public GalleryWindow gallery() {
        return gallery;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void close() {
        presentationMode.close();
        if (gallery != null) {
            gallery.dispose();
        }
        tours.close();
        projects.closeCleanly();
        view.dispose();
        charts.dispose();
        scrubber.dispose();
        tabs.dispose();
        status.dispose();
        trainingPanel.dispose();
        renderer.close();
        session.close();
    }
}
