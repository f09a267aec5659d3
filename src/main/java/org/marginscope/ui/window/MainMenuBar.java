package org.marginscope.ui.window;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetGroups;
import org.marginscope.ui.MainWindow;
import org.marginscope.ui.Session;
import org.marginscope.ui.Theme;
import org.marginscope.ui.actions.CsvActions;
import org.marginscope.ui.actions.FigureExportAction;
import org.marginscope.ui.actions.GradientVarianceWindow;
import org.marginscope.ui.actions.ProjectActions;
import org.marginscope.ui.actions.SeedSweepDialog;
import org.marginscope.ui.fx.Nodes;
import org.marginscope.ui.views.BoundaryView;

/** The menu bar: File, Edit, View, Model, Presets, Tours and Help, each item calling the window's parts. */
public final class MainMenuBar extends MenuBar {
    private final CheckMenuItem paperSettings = new CheckMenuItem("Use the papers' own settings (slow: up to an hour)");
    private final MainWindow w;
    private final Stage stage;
    private final Session session;
    private final BoundaryView view;

    public MainMenuBar(MainWindow w, Stage stage) {
        this.w = w;
        this.stage = stage;
        session = w.session();
        view = w.view();
        setId("menu-bar");
        getMenus().addAll(file(), edit(), view(), model(), presets(), w.tourHost().menu(), help());
    }

    /** Whether Presets &gt; Use the papers' own settings is ticked. */
    public boolean paperSettings() {
        return paperSettings.isSelected();
    }

    private Menu file() {
        ProjectActions projects = w.projects();
        FigureExportAction figureExport = w.figureExport();
        CsvActions csv = w.csv();
        MenuItem openProject = item("Open project\u2026", "Shortcut+Shift+O", projects::open);
        MenuItem saveProject = item("Save project\u2026", "Shortcut+Shift+S", projects::save);
        openProject.setId("open-project");
        saveProject.setId("save-project");
        MenuItem open = item("Open CSV\u2026", "Shortcut+O", csv::open);
        MenuItem save = item("Save CSV\u2026", "Shortcut+S", csv::save);
        MenuItem export = item("Export view\u2026", "Shortcut+E", w.exportView()::run);
        MenuItem figure = item("Export paper figure (PDF, SVG, PNG)\u2026", "Shortcut+Shift+E", figureExport::run);
        figure.setId("export-figure");
        MenuItem anim = item("Export animation (GIF)\u2026", null, w.animationExport()::run);
        MenuItem chartsExport = item("Export charts (PDF, SVG, PNG)\u2026", null, figureExport::runCharts);
        chartsExport.setId("export-charts");
        MenuItem metricsExport = item("Export metrics (CSV)\u2026", null, figureExport::runMetrics);
        metricsExport.setId("export-metrics");
        anim.setId("export-animation");
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        MenuItem examples = item("Examples\u2026", null, w::showGallery);
        examples.setId("file-examples");
        return new Menu("File", null, examples, new SeparatorMenuItem(), openProject, projects.recentMenu(), saveProject,
                new SeparatorMenuItem(), open, save, new SeparatorMenuItem(), export, figure, anim, chartsExport,
                metricsExport, new SeparatorMenuItem(), quit);
    }

    private Menu edit() {
        MenuItem undo = item("Undo", "Shortcut+Z", session::undo);
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", session::redo);
        MenuItem clear = item("Clear points", null, () -> session.editData(session.dataset().cleared()));
        undo.disableProperty().bind(session.canUndoProperty().not());
        redo.disableProperty().bind(session.canRedoProperty().not());
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), clear);
    }

    private Menu view() {
        MenuItem resetView = item("Reset view", "Shortcut+0", view::resetWindow);
        MenuItem zoomIn = item("Zoom in", "Shortcut+Equals", () -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 0.8));
        MenuItem zoomOut = item("Zoom out", "Shortcut+Minus", () -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 1.25));
        CheckMenuItem linearRegime = check("Linear regime overlay (Sarussi Thm 5.1)", "show-linear-regime",
                view.showLinearRegimeProperty());
        CheckMenuItem confidence = check("Confidence shading (Nar Remark 2)", "show-confidence",
                view.showConfidenceProperty());
        CheckMenuItem companions = check("Boundaries of the networks trained beside it", "show-companions",
                view.showCompanionsProperty());
        // a check box in the menu rather than a CheckMenuItem: menu items cannot carry a tooltip
        CheckBox linearRegions = new CheckBox("Linear regions");
        linearRegions.setId("show-linear-regions");
        linearRegions.selectedProperty().bindBidirectional(view.showLinearRegionsProperty());
        linearRegions.setTooltip(new Tooltip("The edges of the network's linear regions over the view, thin: the"
                + " pieces of the plane on which a net with ReLU, Leaky ReLU or linear hidden layers is one affine"
                + " map, computed exactly for the snapshot shown (the Regions tab's linear-regions mode shades them)"));
        CustomMenuItem linearRegionsItem = new CustomMenuItem(linearRegions, false);
        CheckMenuItem seedBands = check("Seed bands in the charts (Model > Run over seeds)", "show-seed-bands",
                w.charts().seedBandsShownProperty());
        CheckMenuItem present = check("Presentation mode (F11)", "presentation-mode", w.presentationProperty());
        return new Menu("View", null, resetView, zoomIn, zoomOut, new SeparatorMenuItem(), linearRegime,
                confidence, companions, linearRegionsItem, seedBands, new SeparatorMenuItem(), present, themes());
    }

    private Menu themes() {
        var theme = w.themeProperty();
        Menu themes = new Menu("Theme");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem ri = new RadioMenuItem(t.title());
            ri.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            ri.setToggleGroup(themeGroup);
            ri.setSelected(theme.get() == t);
            ri.setOnAction(e -> theme.set(t));
            themes.getItems().add(ri);
        }
        theme.addListener((o, a, b) -> themeGroup.getToggles().stream()
                .filter(x -> ((RadioMenuItem) x).getId().equals("theme-" + b.name().toLowerCase(Locale.ROOT)))
                .findFirst().ifPresent(x -> x.setSelected(true)));
        return themes;
    }

    private Menu model() {
        MenuItem resetModel = item("Reset model", null, session::reset);
        MenuItem retrain = item("Retrain last layer, freeze the rest (Li Fig 3)", null, session::retrainLastLayer);
        MenuItem differential = item("Differential training of the last layer (Nar Thm 5)", null,
                session::differentialLastLayer);
        differential.setId("differential-last-layer");
        return new Menu("Model", null, resetModel, retrain, differential,
                GradientVarianceWindow.menuItem(session, stage), SeedSweepDialog.menuItem(w.seedSweep()));
    }

    private Menu presets() {
        Menu presets = new Menu("Presets");
        presets.setId("presets-menu");
        paperSettings.setId("paper-settings");
        MenuItem gallery = item("Examples (all presets with pictures)\u2026", null, w::showGallery);
        gallery.setId("presets-examples");
        presets.getItems().addAll(gallery, paperSettings, new SeparatorMenuItem());
        for (PresetGroups.Group g : PresetGroups.builtIn()) { // one sub-menu per paper, then the presets of none
            Menu sub = new Menu(g.title());
            sub.setId("presets-" + g.id());
            for (Preset p : g.presets()) {
                MenuItem mi = new MenuItem(p.name() + "  \u2014  " + shortDescription(p));
                mi.setId("preset-" + p.name());
                mi.setOnAction(e -> w.loadChosenPreset(p));
                sub.getItems().add(mi);
            }
            presets.getItems().add(sub);
        }
        return presets;
    }

    private Menu help() {
        MenuItem shortcuts = item("Keyboard shortcuts", "F1", () -> HelpDialogs.shortcuts(stage, w.keyBindings(), this));
        shortcuts.setId("help-shortcuts");
        MenuItem about = item("About MarginScope", null, () -> HelpDialogs.about(stage, session.messageProperty()));
        about.setId("help-about");
        return new Menu("Help", null, shortcuts, about);
    }

    private static CheckMenuItem check(String text, String id, BooleanProperty on) {
        CheckMenuItem c = new CheckMenuItem(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(on);
        return c;
    }

    private static String shortDescription(Preset p) {
        String d = p.description();
        return d.length() > 70 ? d.substring(0, 67) + "\u2026" : d;
    }

    static MenuItem item(String text, String accel, Runnable r) {
        return Nodes.menuItem(text, accel, r);
    }
}
