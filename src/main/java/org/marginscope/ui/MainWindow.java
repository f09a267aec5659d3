package org.marginscope.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.CsvDatasetWriter;
import org.marginscope.data.Dataset;
import org.marginscope.data.DatasetFormatException;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetGroups;
import org.marginscope.experiment.PresetLibrary;

/** The main window: menus, toolbar, the side panels, the original-space view, charts and status bar. */
public final class MainWindow {
    private final Session session;
    private final RenderService renderer = new RenderService();
    private final BoundaryView view;
    private final BorderPane root = new BorderPane();
    private final ToggleButton play = new ToggleButton("Play");
    private final Stage stage;
    private final Scene scene;
    private final TrainingCharts charts;
    private final TimelineScrubber scrubber;
    private final NeuronView neurons;
    private final RegionsView regions;
    private final TabPane rightViews;
    private FigureExportAction figureExport;
    private ProjectActions projects;
    private AnimationExportAction animationExport;
    private final TabPane side;
    private final StatusBar status;
    private final TransformedView transformed;
    private final KeyBindings keys = new KeyBindings();
    private final TrainingPanel trainingPanel;
    private final TourPlayer tours;
    private final TourPanel tourPanel;
    private final Tab transformedTab, neuronTab, regionsTab;
    private final SplitPane main;
    private final VBox top;
    private final javafx.beans.property.BooleanProperty presentation = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.ObjectProperty<Theme> theme = new javafx.beans.property.SimpleObjectProperty<>(Theme.saved());
    private javafx.scene.Node highlighted;
    /** Esc left full screen: leave presentation mode with it (removed on close: the stage outlives the window in tests). */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenLeft = (o, a, b) -> {
        if (!b && presentation.get()) {
            presentation.set(false);
        }
    };
    /** Where the window was before presentation mode took the whole screen. */
    private javafx.geometry.Rectangle2D windowedBounds;
    private MenuBar menuBar;
    /** Model > Run over seeds. */
    private SeedSweepDialog seedSweep;
    private final CheckMenuItem paperSettings = new CheckMenuItem("Use the papers' own settings (slow: up to an hour)");
    private GalleryWindow gallery;

    public MainWindow(Stage stage, Preset preset) {
        this.stage = stage;
        session = new Session(preset);
        renderer.setMaxFps(30);
        // 5 ms of every 20 ms slice go to drawing: on 2 cores a flat-out trainer starves the window
        session.trainer().setYield(Long.getLong("marginscope.trainerYieldMicros", 5000));
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

        transformed = new TransformedView(session);
        charts.followSpectrum(transformed::currentFrame);
        neurons = new NeuronView(session);
        view.followParPrediction(() -> neurons.current() == null ? null : neurons.current().par());
        transformedTab = new Tab("Transformed space (Li)", transformed);
        neuronTab = new Tab("Neurons", neurons);
        regions = new RegionsView(session, view.windowProperty()::get);
        regionsTab = new Tab("Regions (van den Berg)", regions);
        transformedTab.setId("tab-transformed");
        neuronTab.setId("tab-neurons");
        regionsTab.setId("tab-regions");
        transformedTab.setTooltip(new Tooltip("The last hidden layer's output, with a linear SVM fitted on it (Li et al.)"));
        neuronTab.setTooltip(new Tooltip("Each hidden unit as a point by its weights, coloured by its largest outgoing"
                + " weight, with its direction clusters; Sarussi et al.'s clusters and measures for their nets. Hover a"
                + " unit to see its hyperplane and its unit map"));
        regionsTab.setTooltip(new Tooltip("Unit maps, gradient heatmaps and partial backpropagation (van den Berg et al.)"));
        rightViews = new TabPane(transformedTab, neuronTab, regionsTab);
        rightViews.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        TabTitles.fit(rightViews);
        // the hidden view does no work: the transformed view's worker fits SVMs
        rightViews.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            transformed.setSuspended(b != transformedTab);
            neurons.setVisible(b == neuronTab);
            regions.setVisible(b == regionsTab);
        });
        neurons.setVisible(false);
        regions.setVisible(false);
        java.util.function.Function<Preset, Tab> tabFor = p -> p.views().contains("neurons") ? neuronTab
                : p.views().contains("units") || p.views().contains("gradients") ? regionsTab : transformedTab;
        session.presetProperty().addListener((o, a, b) -> rightViews.getSelectionModel().select(tabFor.apply(b)));
        rightViews.getSelectionModel().select(tabFor.apply(preset));
        selectToolFor(preset);
        if (preset.views().contains("gradients") && !preset.views().contains("units")) {
            regions.setMode(org.marginscope.experiment.RegionsFigure.Mode.GRAD_WEIGHTS);
        }
        // a hovered or pinned unit: its hyperplane on the original view (first layer), its map in Regions
        neurons.highlightProperty().addListener((o, a, u) -> {
            var frame = neurons.current();
            double[] plane = u == null || frame == null || frame.map() == null || frame.map().layer() != u.layer()
                    ? null : frame.map().hyperplane(u.index());
            view.highlightPlane(plane);
            regions.highlightUnit(u == null ? null : new int[] {u.layer(), u.index()});
        });
        SplitPane views = new SplitPane(view, rightViews);
        views.setDividerPositions(0.55);
        scrubber = new TimelineScrubber(session);
        figureExport = new FigureExportAction(session, stage);
        projects = new ProjectActions(session, stage, root);
        animationExport = new AnimationExportAction(session, stage);
        VBox viewsAndTime = new VBox(views, scrubber, new ClaimsBar(session));
        VBox.setVgrow(views, javafx.scene.layout.Priority.ALWAYS);
        SplitPane centre = new SplitPane(viewsAndTime, charts);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        main = new SplitPane(side, centre);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(side, false);

        tours = new TourPlayer(session, new TourPlayer.Host() {
            @Override
            public void loadPreset(Preset p) {
                MainWindow.this.loadPreset(p);
            }

            @Override
            public void showStepView(org.marginscope.experiment.TourStep step) {
                MainWindow.this.showStepView(step);
            }

            @Override
            public void highlight(String target) {
                MainWindow.this.highlight(target);
            }
        });
        tourPanel = new TourPanel(tours, this::closeTour);
        menuBar = menus();
        top = new VBox(menuBar, toolbar());
        root.setTop(top);
        root.setCenter(main);
        status = new StatusBar(session, view);
        root.setBottom(status);
        scene = new Scene(root, 1440, 860);
        theme.get().applyTo(scene, false);
        theme.addListener((o, a, b) -> {
            b.applyTo(scene, presentation.get());
            b.save();
        });
        presentation.addListener((o, a, b) -> applyPresentation(b));
        stage.fullScreenProperty().addListener(fullScreenLeft);
        stage.setFullScreenExitHint("F11 or Esc leaves presentation mode");
        installKeys();
        installDragAndDrop();
        stage.setTitle("MarginScope - " + preset.name());
        session.presetProperty().addListener((o, a, b) -> stage.setTitle("MarginScope - " + b.name()));
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        session.trainer().addListener(new org.marginscope.train.Trainer.Listener() {
            @Override
            public void onSnapshot(org.marginscope.train.Snapshot s) {
            }

            @Override
            public void onEvent(org.marginscope.train.TrainerEvent e) {
                javafx.application.Platform.runLater(() -> play.setSelected(session.trainer().isRunning()
                        && e.kind() != org.marginscope.train.TrainerEvent.Kind.DIVERGED));
            }
        });
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFocusTraversable(false); // clicks go to the controls inside, not to the pane
        return new Tab(name, sp);
    }

    public Session session() {
        return session;
    }

    public BoundaryView view() {
        return view;
    }

    public Scene scene() {
        return scene;
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

    public TrainingCharts charts() {
        return charts;
    }

    AnimationExportAction animationExport() {
        return animationExport;
    }

    ProjectActions projects() {
        return projects;
    }

    FigureExportAction figureExport() {
        return figureExport;
    }

    NeuronView neuronView() {
        return neurons;
    }

    RegionsView regionsView() {
        return regions;
    }

    public TransformedView transformedView() {
        return transformed;
    }

    /** Shows the side panel with this title (Data, Network, Training). */
    /** Selects the side panel or view tab whose title starts with the given text (case ignored). */
    public void showTab(String title) {
        String want = title.toLowerCase(java.util.Locale.ROOT);
        for (TabPane pane : java.util.List.of(side, rightViews)) {
            pane.getTabs().stream().filter(t -> t.getText().toLowerCase(java.util.Locale.ROOT).startsWith(want))
                    .findFirst().ifPresent(t -> pane.getSelectionModel().select(t));
        }
    }

    /** Opens van den Berg's Regions tab in a mode named as a tour step's view ({@link org.marginscope.experiment.TourStep#VIEWS}). */
    public void showRegions(String view) {
        org.marginscope.experiment.RegionsFigure.Mode mode = org.marginscope.experiment.RegionsFigure.Mode.byViewName(view); // refuses a name that is no mode
        rightViews.getSelectionModel().select(regionsTab);
        regions.setMode(mode);
    }

    /** Starts training (the app opens training). */
    public void play() {
        play.setSelected(session.play());
    }

    public void togglePlay() {
        if (session.trainer().isRunning()) {
            play.setSelected(false);
            session.trainer().pause();
        } else {
            play();
        }
    }

    private MenuBar menus() {
        MenuItem openProject = item("Open project\u2026", "Shortcut+Shift+O", () -> projects.open());
        MenuItem saveProject = item("Save project\u2026", "Shortcut+Shift+S", () -> projects.save());
        openProject.setId("open-project");
        saveProject.setId("save-project");
        MenuItem open = item("Open CSV\u2026", "Shortcut+O", this::openCsv);
        MenuItem save = item("Save CSV\u2026", "Shortcut+S", this::saveCsv);
        MenuItem export = item("Export view\u2026", "Shortcut+E", this::exportPng);
        MenuItem figure = item("Export paper figure (PDF, SVG, PNG)\u2026", "Shortcut+Shift+E",
                () -> figureExport.run());
        figure.setId("export-figure");
        MenuItem anim = item("Export animation (GIF)\u2026", null, () -> animationExport.run());
        MenuItem chartsExport = item("Export charts (PDF, SVG, PNG)\u2026", null,
                () -> figureExport.runCharts());
        chartsExport.setId("export-charts");
        MenuItem metricsExport = item("Export metrics (CSV)\u2026", null, () -> figureExport.runMetrics());
        metricsExport.setId("export-metrics");
        anim.setId("export-animation");
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        MenuItem examples = item("Examples\u2026", null, this::showGallery);
        examples.setId("file-examples");
        Menu file = new Menu("File", null, examples, new SeparatorMenuItem(), openProject, projects.recentMenu(), saveProject, new SeparatorMenuItem(),
                open, save, new SeparatorMenuItem(), export, figure, anim, chartsExport, metricsExport, new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", "Shortcut+Z", session::undo);
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", session::redo);
        MenuItem clear = item("Clear points", null, () -> session.editData(session.dataset().cleared()));
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), clear);
        undo.disableProperty().bind(session.canUndoProperty().not());
        redo.disableProperty().bind(session.canRedoProperty().not());

        MenuItem resetView = item("Reset view", "Shortcut+0", view::resetWindow);
        MenuItem zoomIn = item("Zoom in", "Shortcut+Equals", () -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 0.8));
        MenuItem zoomOut = item("Zoom out", "Shortcut+Minus", () -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 1.25));
        CheckMenuItem linearRegime = new CheckMenuItem("Linear regime overlay (Sarussi Thm 5.1)");
        linearRegime.setId("show-linear-regime");
        linearRegime.selectedProperty().bindBidirectional(view.showLinearRegimeProperty());
        CheckMenuItem confidence = new CheckMenuItem("Confidence shading (Nar Remark 2)");
        confidence.setId("show-confidence");
        confidence.selectedProperty().bindBidirectional(view.showConfidenceProperty());
        CheckMenuItem companions = new CheckMenuItem("Boundaries of the networks trained beside it");
        companions.setId("show-companions");
        companions.selectedProperty().bindBidirectional(view.showCompanionsProperty());
        // a check box in the menu rather than a CheckMenuItem: menu items cannot carry a tooltip
        CheckBox linearRegions = new CheckBox("Linear regions");
        linearRegions.setId("show-linear-regions");
        linearRegions.selectedProperty().bindBidirectional(view.showLinearRegionsProperty());
        linearRegions.setTooltip(new Tooltip("The edges of the network's linear regions over the view, thin: the"
                + " pieces of the plane on which a net with ReLU, Leaky ReLU or linear hidden layers is one affine"
                + " map, computed exactly for the snapshot shown (the Regions tab's linear-regions mode shades them)"));
        CustomMenuItem linearRegionsItem = new CustomMenuItem(linearRegions, false);
        CheckMenuItem seedBands = new CheckMenuItem("Seed bands in the charts (Model > Run over seeds)");
        seedBands.setId("show-seed-bands");
        seedBands.selectedProperty().bindBidirectional(charts.seedBandsShownProperty());
        CheckMenuItem present = new CheckMenuItem("Presentation mode (F11)");
        present.setId("presentation-mode");
        present.selectedProperty().bindBidirectional(presentation);
        Menu themes = new Menu("Theme");
        javafx.scene.control.ToggleGroup themeGroup = new javafx.scene.control.ToggleGroup();
        for (Theme t : Theme.values()) {
            javafx.scene.control.RadioMenuItem ri = new javafx.scene.control.RadioMenuItem(t.title());
            ri.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            ri.setToggleGroup(themeGroup);
            ri.setSelected(theme.get() == t);
            ri.setOnAction(e -> theme.set(t));
            themes.getItems().add(ri);
        }
        theme.addListener((o, a, b) -> themeGroup.getToggles().stream()
                .filter(x -> ((javafx.scene.control.RadioMenuItem) x).getId().equals("theme-" + b.name().toLowerCase(java.util.Locale.ROOT)))
                .findFirst().ifPresent(x -> x.setSelected(true)));
        Menu viewMenu = new Menu("View", null, resetView, zoomIn, zoomOut, new SeparatorMenuItem(), linearRegime,
                confidence, companions, linearRegionsItem, seedBands, new SeparatorMenuItem(), present, themes);

        MenuItem resetModel = item("Reset model", null, session::reset);
        MenuItem retrain = item("Retrain last layer, freeze the rest (Li Fig 3)", null, session::retrainLastLayer);
        MenuItem differential = item("Differential training of the last layer (Nar Thm 5)", null,
                session::differentialLastLayer);
        differential.setId("differential-last-layer");
        Menu model = new Menu("Model", null, resetModel, retrain, differential);

        model.getItems().add(GradientVarianceWindow.menuItem(session, stage));
        seedSweep = new SeedSweepDialog(session, charts, stage, theme, presentation);
        model.getItems().add(SeedSweepDialog.menuItem(seedSweep));
        Menu presets = new Menu("Presets");
        presets.setId("presets-menu");
        paperSettings.setId("paper-settings");
        MenuItem gallery = item("Examples (all presets with pictures)\u2026", null, this::showGallery);
        gallery.setId("presets-examples");
        presets.getItems().addAll(gallery, paperSettings, new SeparatorMenuItem());
        for (PresetGroups.Group g : PresetGroups.builtIn()) { // one sub-menu per paper, then the presets of none
            Menu sub = new Menu(g.title());
            sub.setId("presets-" + g.id());
            for (Preset p : g.presets()) {
                MenuItem mi = new MenuItem(p.name() + "  \u2014  " + shortDescription(p));
                mi.setId("preset-" + p.name());
                mi.setOnAction(e -> loadChosenPreset(p));
                sub.getItems().add(mi);
            }
            presets.getItems().add(sub);
        }

        MenuItem shortcuts = item("Keyboard shortcuts", "F1", this::showShortcuts);
        shortcuts.setId("help-shortcuts");
        MenuItem about = item("About MarginScope", null, this::showAbout);
        about.setId("help-about");
        Menu help = new Menu("Help", null, shortcuts, about);
        MenuBar bar = new MenuBar(file, edit, viewMenu, model, presets, toursMenu(), help);
        bar.setId("menu-bar");
        return bar;
    }

    private Menu toursMenu() {
        Menu m = new Menu("Tours");
        m.setId("tours-menu");
        for (org.marginscope.experiment.Tour t : org.marginscope.experiment.TourLibrary.builtIn()) {
            MenuItem mi = new MenuItem(t.title());
            mi.setId("tour-" + t.id());
            mi.setOnAction(e -> openTour(t));
            m.getItems().add(mi);
        }
        MenuItem open = item("Open tour file\u2026", null, this::openTourFile);
        open.setId("open-tour");
        MenuItem save = item("Save current state as a tour step\u2026", null, this::saveTourStep);
        save.setId("save-tour-step");
        MenuItem close = item("Close tour", null, this::closeTour);
        close.setId("close-tour");
        close.disableProperty().bind(tours.tourProperty().isNull());
        m.getItems().addAll(new SeparatorMenuItem(), open, save, close);
        return m;
    }

    /** Opens a tour in the panel beside the views and enters its first step. */
    public void openTour(org.marginscope.experiment.Tour t) {
        openTour(t, 0);
    }

    /** Opens a tour at a step (0-based). */
    public void openTour(org.marginscope.experiment.Tour t, int step) {
        play.setSelected(false);
        root.setRight(tourPanel);
        tours.open(t, step);
    }

    public void closeTour() {
        tours.close();
        root.setRight(null);
    }

    TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    TourPlayer tours() {
        return tours;
    }

    /** The tab shown beside the original-space view. */
    Tab rightViewTab() {
        return rightViews.getSelectionModel().getSelectedItem();
    }

    TourPanel tourPanel() {
        return tourPanel;
    }

    KeyBindings keyBindings() {
        return keys;
    }

    public javafx.beans.property.BooleanProperty presentationProperty() {
        return presentation;
    }

    javafx.beans.property.ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void showStepView(org.marginscope.experiment.TourStep step) {
        if (step.view() != null) {
            switch (step.view()) {
                case "transformed" -> rightViews.getSelectionModel().select(transformedTab);
                case "neurons" -> rightViews.getSelectionModel().select(neuronTab);
                default -> {
                    rightViews.getSelectionModel().select(regionsTab);
                    regions.setMode(org.marginscope.experiment.RegionsFigure.Mode.byViewName(step.view()));
                }
            }
        }
        if (step.overlays() != null) {
            view.showConfidenceProperty().set(step.overlays().contains("confidence"));
            view.showCompanionsProperty().set(step.overlays().contains("companions"));
            view.showLinearRegimeProperty().set(step.overlays().contains("linear-regime"));
            view.showLinearRegionsProperty().set(step.overlays().contains("linear-regions"));
        }
    }

    /** Frames one view or chart (a tour step points at it); null clears the frame. */
    private void highlight(String target) {
        if (highlighted != null) {
            highlighted.getStyleClass().remove("tour-highlight");
            highlighted = null;
        }
        if (target == null) {
            return;
        }
        javafx.scene.Node n = switch (target) {
            case "original" -> view;
            case "transformed" -> rightViews;
            case "scrubber" -> scrubber;
            default -> root.lookup("#" + target);
        };
        if (n != null) {
            n.getStyleClass().add("tour-highlight");
            highlighted = n;
        }
    }

    /** The node a tour step frames now (null when none). */
    javafx.scene.Node highlighted() {
        return highlighted;
    }

    private void openTourFile() {
        FileChooser fc = tourChooser("Open tour");
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            try {
                openTour(org.marginscope.experiment.TourLibrary.read(f.toPath()));
            } catch (IOException ex) {
                error("Could not open the tour", ex.getMessage() + "\n\nNothing was changed.");
            }
        }
    }

    private static FileChooser tourChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MarginScope tours", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    /** Tours > Save current state as a tour step: asks for a title and narration, then a file to add it to. */
    private void saveTourStep() {
        boolean edited = session.canUndoProperty().get()
                || !session.specProperty().get().equals(session.presetProperty().get().network());
        var step = TourStepDialog.ask(stage, session, currentStepView(), currentOverlays(),
                highlighted == null ? null : highlightName(), edited);
        if (step.isEmpty()) {
            return;
        }
        File f = tourChooser("Add the step to a tour file (new or existing)").showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            org.marginscope.experiment.Tour t = appendTourStep(step.get(), f.toPath());
            session.messageProperty().set("Added step " + t.steps().size() + " (" + step.get().title() + ") to " + f);
        } catch (IOException ex) {
            error("Could not save the tour step", ex.getMessage() + "\n\nThe tour file was not changed.");
        }
    }

    /** Adds a step to a tour file (a new one when it does not exist), atomically; a damaged file stays as it is. */
    org.marginscope.experiment.Tour appendTourStep(org.marginscope.experiment.TourStep step, Path file) throws IOException {
        org.marginscope.experiment.Tour t;
        try {
            if (java.nio.file.Files.exists(file)) {
                org.marginscope.experiment.Tour old = org.marginscope.experiment.TourLibrary.read(file);
                long reached = old.withStep(step).reachedBefore(old.steps().size());
                if (step.train() != null && step.train().toStep() != null && step.train().toStep() <= reached) {
                    // the same run at the same moment (another view of it): nothing more to train
                    step = new org.marginscope.experiment.TourStep(step.title(), step.preset(), step.view(),
                            step.overlays(), null, step.narration(), step.highlight());
                }
                t = old.withStep(step);
            } else {
                t = TourStepDialog.newTour(file, step);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        org.marginscope.experiment.TourLibrary.write(t, file);
        return t;
    }

    private String currentStepView() {
        Tab t = rightViews.getSelectionModel().getSelectedItem();
        if (t == neuronTab) {
            return "neurons";
        }
        if (t == regionsTab) {
            return regions.mode().viewName();
        }
        return "transformed";
    }

    private java.util.List<String> currentOverlays() {
        java.util.List<String> on = new java.util.ArrayList<>();
        if (view.showConfidenceProperty().get()) {
            on.add("confidence");
        }
        if (view.showCompanionsProperty().get()) {
            on.add("companions");
        }
        if (view.showLinearRegimeProperty().get()) {
            on.add("linear-regime");
        }
        if (view.showLinearRegionsProperty().get()) {
            on.add("linear-regions");
        }
        return on;
    }

    private String highlightName() {
        if (highlighted == view) {
            return "original";
        }
        if (highlighted == rightViews) {
            return "transformed";
        }
        return highlighted == scrubber ? "scrubber" : highlighted.getId();
    }

    /**
     * Presentation mode: full screen, the views and the tour only (menus, toolbar, side panels and status
     * bar folded away), larger type, markers and lines.
     */
    private void applyPresentation(boolean on) {
        theme.get().applyTo(scene, on);
        root.setTop(on ? null : top);
        root.setBottom(on ? null : status);
        if (on) {
            main.getItems().remove(side);
        } else if (!main.getItems().contains(side)) {
            main.getItems().add(0, side);
            main.setDividerPositions(0.28);
        }
        double scale = on ? 1.8 : 1;
        view.setPresentationScale(scale);
        transformed.setPresentationScale(scale);
        regions.setPresentationScale(scale);
        neurons.setPresentationScale(scale);
        if (!Boolean.getBoolean("marginscope.windowedPresentation")) { // tests measure it at a set window size
            if (on) {
                // the whole screen also where full screen is refused (no window manager, some X servers)
                windowedBounds = new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
                javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(windowedBounds).stream()
                        .findFirst().orElse(javafx.stage.Screen.getPrimary()).getBounds();
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
            }
            stage.setFullScreen(on);
            if (!on && windowedBounds != null) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
        session.messageProperty().set(on ? "Presentation mode: F11 or Esc to leave" : "");
    }

    private void showShortcuts() {
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(keys.helpText(menuBar));
        text.setEditable(false);
        text.setId("shortcuts-text");
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefSize(640, 460);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Keyboard shortcuts");
        a.setTitle("MarginScope");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("shortcuts-dialog");
        a.initOwner(stage);
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About MarginScope");
        a.setHeaderText("MarginScope " + AboutInfo.version("marginscope"));
        VBox box = new VBox(8);
        Label versions = new Label(AboutInfo.versionsText());
        versions.setId("about-versions");
        box.getChildren().addAll(versions, new Label("The papers it reproduces:"));
        for (org.marginscope.experiment.PaperReferences.Reference r : org.marginscope.experiment.PaperReferences.ALL) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(r.citation());
            link.setWrapText(true);
            link.setMaxWidth(620);
            link.setTooltip(new Tooltip(r.url()));
            link.setOnAction(e -> AboutInfo.open(r.url(), session.messageProperty()));
            box.getChildren().add(link);
        }
        a.getDialogPane().setContent(box);
        a.getDialogPane().setId("about-dialog");
        a.initOwner(stage);
        a.show();
    }

    private static String shortDescription(Preset p) {
        String d = p.description();
        return d.length() > 70 ? d.substring(0, 67) + "\u2026" : d;
    }

    private static MenuItem item(String text, String accel, Runnable r) {
        MenuItem mi = new MenuItem(text);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        mi.setOnAction(e -> r.run());
        return mi;
    }

    private ToolBar toolbar() {
        play.setId("play");
        play.setTooltip(new Tooltip("Play / pause training (Space)"));
        play.setOnAction(e -> {
            if (play.isSelected()) {
                play.setSelected(session.play());
            } else {
                session.trainer().pause();
            }
        });
        play.setGraphic(Icons.play());
        play.selectedProperty().addListener((o, a, b) -> {
            play.setText(b ? "Pause" : "Play");
            play.setGraphic(b ? Icons.pause() : Icons.play());
        });
        Button step1 = stepButton(1);
        Button step10 = stepButton(10);
        Button step100 = stepButton(100);
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setTooltip(new Tooltip("New random weights, step 0 (R)"));
        reset.setOnAction(e -> session.reset());
        ComboBox<String> speed = new ComboBox<>();
        speed.getItems().addAll("full speed", "1000 steps/s", "100 steps/s", "10 steps/s", "1 step/s");
        speed.setValue("full speed");
        speed.setTooltip(new Tooltip("Target training speed (slow it down to watch early steps)"));
        speed.valueProperty().addListener((o, a, b) -> session.trainer().setTargetStepsPerSecond(
                b.startsWith("full") ? 0 : Double.parseDouble(b.split(" ")[0])));
        Button resetView = new Button("Fit view");
        resetView.setTooltip(new Tooltip("Show all the data (Ctrl+0)"));
        resetView.setOnAction(e -> view.resetWindow());
        ToolBar tb = new ToolBar(play, step1, step10, step100, new Separator(), reset, new Separator(), new Label("speed"),
                speed, new Separator(), resetView);
        tb.setId("toolbar");
        return tb;
    }

    private Button stepButton(int n) {
        Button b = new Button("+" + n);
        b.setId("step-" + n);
        b.setTooltip(new Tooltip("Train " + n + " step" + (n == 1 ? "" : "s") + (n == 1 ? " (S)" : n == 10 ? " (Shift+S)" : "")));
        b.setOnAction(e -> session.trainer().step(n));
        return b;
    }

    /** The single-key bindings, as data: Help > Keyboard shortcuts lists exactly these (and the menus' accelerators). */
    private void installKeys() {
        java.util.function.Predicate<KeyEvent> free = e -> !(e.getTarget() instanceof TextInputControl)
                && !e.isShortcutDown() && !e.isAltDown();
        // sliders, combo boxes, spinners and lists use the arrows, Home and End themselves
        java.util.function.Predicate<KeyEvent> arrowsFree = e -> free.test(e)
                && !(e.getTarget() instanceof javafx.scene.control.Slider
                || e.getTarget() instanceof javafx.scene.control.ComboBoxBase
                || e.getTarget() instanceof javafx.scene.control.Spinner
                || e.getTarget() instanceof javafx.scene.control.ListView);
        java.util.function.BiFunction<KeyCode, java.util.function.Predicate<KeyEvent>, java.util.function.Predicate<KeyEvent>> key =
                (k, guard) -> e -> e.getCode() == k && guard.test(e);
        keys.add("F11", "presentation mode on / off", key.apply(KeyCode.F11, e -> !e.isShortcutDown()),
                () -> presentation.set(!presentation.get()));
        keys.add("Esc", "leave presentation mode", "in presentation mode", key.apply(KeyCode.ESCAPE, e -> true),
                () -> {
                    if (!presentation.get()) {
                        return false;
                    }
                    presentation.set(false);
                    return true;
                });
        keys.add("Page Down", "next tour step", "while a tour is open", key.apply(KeyCode.PAGE_DOWN, free),
                () -> tourStep(1));
        keys.add("Page Up", "previous tour step, as it was", "while a tour is open", key.apply(KeyCode.PAGE_UP, free),
                () -> tourStep(-1));
        keys.add("Right", "next tour step", "while a tour is open", key.apply(KeyCode.RIGHT, arrowsFree),
                () -> tourStep(1));
        keys.add("Left", "previous tour step, as it was", "while a tour is open", key.apply(KeyCode.LEFT, arrowsFree),
                () -> tourStep(-1));
        keys.add("Left", "previous snapshot (scrub back)", key.apply(KeyCode.LEFT, arrowsFree), () -> scrubber.move(-1));
        keys.add("Right", "next snapshot (scrub forward)", key.apply(KeyCode.RIGHT, arrowsFree), () -> scrubber.move(1));
        keys.add("Home", "first snapshot", key.apply(KeyCode.HOME, arrowsFree), scrubber::first);
        keys.add("End", "back to live", key.apply(KeyCode.END, arrowsFree), scrubber::toLive);
        keys.add("Space", "play / pause", key.apply(KeyCode.SPACE, free), this::togglePlay);
        keys.add("R", "reset the model (new random weights)", key.apply(KeyCode.R, free), session::reset);
        keys.add("S", "one training step", key.apply(KeyCode.S, e -> free.test(e) && !e.isShiftDown()),
                () -> session.trainer().step(1));
        keys.add("Shift+S", "ten training steps", key.apply(KeyCode.S, e -> free.test(e) && e.isShiftDown()),
                () -> session.trainer().step(10));
        keys.add("A", "tool: add points", key.apply(KeyCode.A, free), () -> view.toolProperty().set(BoundaryView.Tool.ADD));
        keys.add("E", "tool: erase points", key.apply(KeyCode.E, free),
                () -> view.toolProperty().set(BoundaryView.Tool.ERASE));
        keys.add("M", "tool: move points (drag one)", key.apply(KeyCode.M, free),
                () -> view.toolProperty().set(BoundaryView.Tool.MOVE));
        keys.add("1 .. 8", "the class new points get", "", e -> free.test(e) && classOf(e.getCode()) >= 0, e -> {
            view.selectedClassProperty().set(classOf(e.getCode()));
            return true;
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::handle);
    }

    /** 0..7 for the keys 1..8 (main row or keypad), else -1. */
    private static int classOf(KeyCode k) {
        return switch (k) {
            case DIGIT1, NUMPAD1 -> 0;
            case DIGIT2, NUMPAD2 -> 1;
            case DIGIT3, NUMPAD3 -> 2;
            case DIGIT4, NUMPAD4 -> 3;
            case DIGIT5, NUMPAD5 -> 4;
            case DIGIT6, NUMPAD6 -> 5;
            case DIGIT7, NUMPAD7 -> 6;
            case DIGIT8, NUMPAD8 -> 7;
            default -> -1;
        };
    }

    /** Moves a tour by one step; false (the key scrubs instead) when no tour is open. */
    private boolean tourStep(int by) {
        if (!tours.active()) {
            return false;
        }
        if (by > 0) {
            tours.next();
        } else {
            tours.back();
        }
        return true;
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                loadCsv(e.getDragboard().getFiles().get(0).toPath());
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** A preset from the Presets menu or the gallery: with the papers' own settings when that box is ticked. */
    void loadChosenPreset(Preset p) {
        loadPreset(paperSettings.isSelected() ? p.withPaperSettings() : p);
    }

    /** File &gt; Examples: the gallery of presets (built the first time). */
    public void showGallery() {
        if (gallery == null) {
            gallery = new GalleryWindow(stage, this::loadChosenPreset, theme, presentation);
        }
        gallery.show();
    }

    /** The gallery, or null if it was never opened. */
    GalleryWindow gallery() {
        return gallery;
    }

    void loadPreset(Preset p) {
        play.setSelected(false);
        session.loadPreset(p);
        view.resetWindow();
        selectToolFor(p);
        if (p.steps() >= LONG_RUN_STEPS) {
            announceDuration(p);
        }
    }

    /** From this many steps on, loading a preset measures its pace and says how long its whole run should take. */
    static final long LONG_RUN_STEPS = 20_000;

    /**
     * A short timed run of the preset on a low-priority thread, before the user presses Play (the window is
     * paused after loading), then the expected duration in the status line - if that preset is still loaded.
     */
    private void announceDuration(Preset p) {
        Thread t = new Thread(() -> {
            org.marginscope.experiment.PresetPreview pace;
            try {
                pace = org.marginscope.experiment.PresetPreview.pace(p);
            } catch (RuntimeException e) {
                return; // the estimate is a courtesy: the preset itself loaded, and training reports its own problems
            }
            if (pace.secondsPerStep() <= 0) {
                return;
            }
            String text = String.format(java.util.Locale.ROOT, "%s: %,d steps, expected about %s on this machine%s",
                    p.name(), p.steps(), GalleryCard.duration(pace.expectedSeconds(p)),
                    p.stop() != null ? " (its stop rule can end it sooner)" : "");
            javafx.application.Platform.runLater(() -> {
                if (session.presetProperty().get() == p) {
                    session.messageProperty().set(text);
                }
            });
        }, "preset-pace");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Nar's two-point demo is about dragging its points: it starts with the move tool. */
    private void selectToolFor(Preset p) {
        if (p.views().contains("two-point")) {
            view.toolProperty().set(BoundaryView.Tool.MOVE);
        } else if (view.toolProperty().get() == BoundaryView.Tool.MOVE) {
            view.toolProperty().set(BoundaryView.Tool.ADD);
        }
    }

    private FileChooser csvChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    private void openCsv() {
        File f = csvChooser("Open data").showOpenDialog(stage);
        if (f != null) {
            loadCsv(f.toPath());
        }
    }

    /**
     * Loads a CSV as one undoable edit, parsing on a background thread (a large file never freezes
     * the window) with its progress in the status bar and a Cancel; on any error the current data stay
     * and a dialog says what and where.
     */
    public java.util.concurrent.CompletableFuture<Void> loadCsv(Path file) {
        session.messageProperty().set("Loading " + file.getFileName() + "\u2026");
        root.setCursor(javafx.scene.Cursor.WAIT);
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        LoadIndicator indicator = status.load();
        // a quick load shows no bar (no flicker); one that takes longer than 0.3 s shows it with Cancel
        javafx.animation.PauseTransition showLater = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        showLater.setOnFinished(e -> {
            if (!done.isDone()) {
                indicator.show(() -> cancelled.set(true));
            }
        });
        showLater.play();
        long[] lastShown = {0};
        org.marginscope.data.LoadProgress progress = (bytes, total, rows) -> {
            long now = System.nanoTime();
            if (now - lastShown[0] < 100_000_000L) {
                return; // ten updates a second are plenty for the FX thread
            }
            lastShown[0] = now;
            String text = String.format(java.util.Locale.ROOT, "%,d rows, %.1f of %.1f MB", rows, bytes / 1e6, total / 1e6);
            javafx.application.Platform.runLater(() -> indicator.update(total > 0 ? (double) bytes / total : -1, text));
        };
        Thread t = new Thread(() -> {
            Dataset d = null;
            String problem = null;
            boolean stopped = false;
            try {
                d = CsvDatasetReader.read(file, progress, cancelled::get);
            } catch (java.util.concurrent.CancellationException ex) {
                stopped = true;
            } catch (DatasetFormatException ex) {
                problem = ex.getMessage() + (ex.line() > 0 ? "\n\nLine " + ex.line()
                        + (ex.column() > 0 ? ", column " + ex.column() : "") : "");
            } catch (OutOfMemoryError ex) {
                problem = file + ": not enough memory to load this file";
            } catch (IOException | RuntimeException ex) {
                problem = file + ": " + ex.getMessage();
            }
            Dataset loaded = d;
            String error = problem;
            boolean wasCancelled = stopped;
            javafx.application.Platform.runLater(() -> {
                root.setCursor(null);
                showLater.stop();
                indicator.hide();
                if (loaded != null) {
                    session.messageProperty().set("Loaded " + loaded);
                    session.editData(loaded); // may replace the message: a reset says why
                    view.resetWindow();
                } else if (wasCancelled) {
                    session.messageProperty().set("Loading " + file.getFileName() + " cancelled; your data are unchanged");
                } else {
                    session.messageProperty().set("Could not open " + file.getFileName());
                    error("Could not open " + file.getFileName(), error + "\n\nYour current data are unchanged.");
                }
                done.complete(null);
            });
        }, "marginscope-load");
        t.setDaemon(true);
        t.start();
        return done;
    }

    private void saveCsv() {
        FileChooser fc = csvChooser("Save data");
        fc.setInitialFileName(session.dataset().name() + ".csv");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            try {
                CsvDatasetWriter.write(session.dataset(), f.toPath());
                session.messageProperty().set("Saved " + f);
            } catch (IOException ex) {
                error("Could not save", f + ": " + ex.getMessage() + "\n\nNothing was overwritten.");
            }
        }
    }

    /** File > Export view: one view as a figure (PDF, SVG, PNG 1-4x), or the whole window as PNG. */
    private void exportPng() {
        String original = "Original-space view", transformedView = "Transformed view (network and SVM)",
                neuronsView = "Neurons view", regionsView = "Regions view (van den Berg)",
                workspace = "Workspace: both views over the charts", windowShot = "Whole window (PNG screenshot)";
        Tab beside = rightViews.getSelectionModel().getSelectedItem();
        javafx.scene.control.ChoiceDialog<String> which = new javafx.scene.control.ChoiceDialog<>(
                beside == neuronTab ? neuronsView : beside == regionsTab ? regionsView : original,
                original, transformedView, neuronsView, regionsView, workspace, windowShot);
        which.setTitle("Export view");
        which.setHeaderText("Which view? Views export as figures (PDF, SVG or PNG); the window as a screenshot.");
        which.initOwner(stage);
        var choice = which.showAndWait();
        if (choice.isEmpty()) {
            return;
        }
        if (choice.get().equals(neuronsView) || choice.get().equals(regionsView)) {
            boolean n = choice.get().equals(neuronsView);
            figureExport.runPenView(n ? "Neurons" : "Regions", n ? neurons.figure() : regions.figure());
            return;
        }
        if (choice.get().equals(workspace)) {
            figureExport.runWorkspace();
            return;
        }
        if (!choice.get().equals(windowShot)) {
            boolean o = choice.get().equals(original);
            figureExport.runPenView(o ? "Original" : "Transformed", o ? view.figure() : transformed.figure());
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export window as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName("marginscope-step-" + (session.shown() == null ? 0 : session.shown().step())
                + ".png");
        File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        javafx.scene.control.ChoiceDialog<Integer> scale = new javafx.scene.control.ChoiceDialog<>(2, 1, 2, 3, 4);
        scale.setTitle("PNG scale");
        scale.setHeaderText("Pixels per screen pixel");
        scale.initOwner(stage);
        var sc = scale.showAndWait();
        if (sc.isPresent()) {
            try {
                saveScreenshot(f.toPath(), null, sc.get());
            } catch (IOException ex) {
                error("Could not export", f + ": " + ex.getMessage());
            }
        }
    }

    /** The app's snapshot function: a node (or the whole window when null) to PNG at a scale. */
    public void saveScreenshot(Path file, javafx.scene.Node node, double scale) throws IOException {
        PngWriter.write(PngWriter.snapshot(node == null ? root : node, scale), file);
        session.messageProperty().set("Saved " + file);
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        a.setTitle("MarginScope");
        a.initOwner(stage);
        a.getDialogPane().setId("error-dialog");
        a.show();
    }

    private void info(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setHeaderText(header);
        a.setTitle("MarginScope");
        a.initOwner(stage);
        a.show();
    }

    private void close() {
        stage.fullScreenProperty().removeListener(fullScreenLeft);
        if (gallery != null) {
            gallery.dispose();
        }
        tours.close();
        projects.closeCleanly();
        view.dispose();
        transformed.dispose();
        charts.dispose();
        scrubber.dispose();
        neurons.dispose();
        regions.dispose();
        status.dispose();
        trainingPanel.dispose();
        renderer.close();
        session.close();
    }
}
