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
import javafx.scene.control.CheckMenuItem;
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

    public MainWindow(Stage stage, Preset preset) {
        this.stage = stage;
        session = new Session(preset);
        renderer.setMaxFps(30);
        // 5 ms of every 20 ms slice go to drawing: on 2 cores a flat-out trainer starves the window
        session.trainer().setYield(Long.getLong("marginscope.trainerYieldMicros", 5000));
        view = new BoundaryView(session, renderer);
        charts = new TrainingCharts(session);

        side = new TabPane(
                tab("Data", new DataPanel(session, view)),
                tab("Network", new NetworkPanel(session)),
                tab("Training", new TrainingPanel(session)));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(360);
        side.setMinWidth(300);

        transformed = new TransformedView(session);
        charts.followAlignment(transformed::currentFrame);
        neurons = new NeuronView(session);
        view.followParPrediction(() -> neurons.current() == null ? null : neurons.current().par());
        Tab transformedTab = new Tab("Transformed space (Li)", transformed);
        Tab neuronTab = new Tab("Neurons (Sarussi)", neurons);
        regions = new RegionsView(session, view.windowProperty()::get);
        Tab regionsTab = new Tab("Regions (van den Berg)", regions);
        transformedTab.setId("tab-transformed");
        neuronTab.setId("tab-neurons");
        regionsTab.setId("tab-regions");
        rightViews = new TabPane(transformedTab, neuronTab, regionsTab);
        rightViews.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
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
        if (preset.views().contains("gradients") && !preset.views().contains("units")) {
            regions.setMode(RegionsView.Mode.GRAD_WEIGHTS);
        }
        SplitPane views = new SplitPane(view, rightViews);
        views.setDividerPositions(0.55);
        scrubber = new TimelineScrubber(session);
        figureExport = new FigureExportAction(session, stage);
        projects = new ProjectActions(session, stage, root);
        animationExport = new AnimationExportAction(session, stage);
        VBox viewsAndTime = new VBox(views, scrubber);
        VBox.setVgrow(views, javafx.scene.layout.Priority.ALWAYS);
        SplitPane centre = new SplitPane(viewsAndTime, charts);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        SplitPane main = new SplitPane(side, centre);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(side, false);

        root.setTop(new VBox(menus(), toolbar()));
        root.setCenter(main);
        status = new StatusBar(session, view);
        root.setBottom(status);
        scene = new Scene(root, 1440, 860);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/marginscope/ui/light.css").toExternalForm());
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
                () -> figureExport.runCharts(charts.angleSeries()));
        chartsExport.setId("export-charts");
        MenuItem metricsExport = item("Export metrics (CSV)\u2026", null, () -> figureExport.runMetrics());
        metricsExport.setId("export-metrics");
        anim.setId("export-animation");
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, openProject, projects.recentMenu(), saveProject, new SeparatorMenuItem(),
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
        Menu viewMenu = new Menu("View", null, resetView, zoomIn, zoomOut, new SeparatorMenuItem(), linearRegime,
                confidence, companions);

        MenuItem resetModel = item("Reset model", null, session::reset);
        MenuItem retrain = item("Retrain last layer, freeze the rest (Li Fig 3)", null, session::retrainLastLayer);
        Menu model = new Menu("Model", null, resetModel, retrain);

        Menu presets = new Menu("Presets");
        CheckMenuItem paperSettings = new CheckMenuItem("Use the papers' own settings (slow: up to an hour)");
        paperSettings.setId("paper-settings");
        presets.getItems().addAll(paperSettings, new SeparatorMenuItem());
        for (Preset p : PresetLibrary.builtIn()) {
            MenuItem mi = new MenuItem(p.name() + "  \u2014  " + shortDescription(p));
            mi.setId("preset-" + p.name());
            mi.setOnAction(e -> loadPreset(paperSettings.isSelected() ? p.withPaperSettings() : p));
            presets.getItems().add(mi);
        }

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> info("Keyboard shortcuts", """
                Space   play / pause
                S       one step (Shift+S: 10, Ctrl+S is Save)
                R       reset the model
                1..8    choose the class to draw
                A / E   add or erase points
                Left / Right  previous / next snapshot (scrub)
                Home / End    first snapshot / live
                Ctrl+Z  undo, Ctrl+Shift+Z redo
                Wheel   zoom, middle-drag or Shift-drag pan, Ctrl+0 reset view"""));
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, edit, viewMenu, model, presets, help);
        bar.setId("menu-bar");
        return bar;
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

    private void installKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode k = e.getCode();
            boolean ownsArrows = e.getTarget() instanceof javafx.scene.control.Slider
                    || e.getTarget() instanceof javafx.scene.control.ComboBoxBase
                    || e.getTarget() instanceof javafx.scene.control.Spinner
                    || e.getTarget() instanceof javafx.scene.control.ListView;
            if (!ownsArrows && (k == KeyCode.LEFT || k == KeyCode.RIGHT)) {
                scrubber.move(k == KeyCode.LEFT ? -1 : 1);
                e.consume();
            } else if (!ownsArrows && k == KeyCode.HOME) {
                scrubber.first();
                e.consume();
            } else if (!ownsArrows && k == KeyCode.END) {
                scrubber.toLive();
                e.consume();
            } else if (k == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            } else if (k == KeyCode.R) {
                session.reset();
                e.consume();
            } else if (k == KeyCode.S) {
                session.trainer().step(e.isShiftDown() ? 10 : 1);
                e.consume();
            } else if (k == KeyCode.A) {
                view.toolProperty().set(BoundaryView.Tool.ADD);
                e.consume();
            } else if (k == KeyCode.E) {
                view.toolProperty().set(BoundaryView.Tool.ERASE);
                e.consume();
            } else if (k.isDigitKey() && !k.getName().equals("0") && !k.getName().equals("9")) {
                int cls = Integer.parseInt(k.getChar().replaceAll("[^0-9]", "")) - 1;
                if (cls >= 0 && cls < 8) {
                    view.selectedClassProperty().set(cls);
                    e.consume();
                }
            }
        });
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

    private void loadPreset(Preset p) {
        play.setSelected(false);
        session.loadPreset(p);
        view.resetWindow();
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
     * the window); on any error the current data stay and a dialog says what and where.
     */
    public java.util.concurrent.CompletableFuture<Void> loadCsv(Path file) {
        session.messageProperty().set("Loading " + file.getFileName() + "\u2026");
        root.setCursor(javafx.scene.Cursor.WAIT);
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            Dataset d = null;
            String problem = null;
            try {
                d = CsvDatasetReader.read(file);
            } catch (DatasetFormatException ex) {
                problem = ex.getMessage() + (ex.line() > 0 ? "\n\nLine " + ex.line()
                        + (ex.column() > 0 ? ", column " + ex.column() : "") : "");
            } catch (IOException | RuntimeException | OutOfMemoryError ex) {
                problem = file + ": " + ex.getMessage();
            }
            Dataset loaded = d;
            String error = problem;
            javafx.application.Platform.runLater(() -> {
                root.setCursor(null);
                if (loaded != null) {
                    session.messageProperty().set("Loaded " + loaded);
                    session.editData(loaded); // may replace the message: a reset says why
                    view.resetWindow();
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
                windowShot = "Whole window (PNG)";
        javafx.scene.control.ChoiceDialog<String> which = new javafx.scene.control.ChoiceDialog<>(original,
                original, transformedView, windowShot);
        which.setTitle("Export view");
        which.setHeaderText("Which view? Views export as figures (PDF, SVG or PNG); the window as a screenshot.");
        which.initOwner(stage);
        var choice = which.showAndWait();
        if (choice.isEmpty()) {
            return;
        }
        if (!choice.get().equals(windowShot)) {
            figureExport.runView(choice.get().equals(original)
                    ? org.marginscope.render.PaperFigure.Kind.ORIGINAL : org.marginscope.render.PaperFigure.Kind.TRANSFORMED);
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
        projects.closeCleanly();
        view.dispose();
        transformed.dispose();
        charts.dispose();
        scrubber.dispose();
        neurons.dispose();
        regions.dispose();
        status.dispose();
        renderer.close();
        session.close();
    }
}
