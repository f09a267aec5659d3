package org.marginscope.ui.tour;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.Tour;
import org.marginscope.experiment.TourLibrary;
import org.marginscope.experiment.TourStep;
import org.marginscope.experiment.ViewId;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.ErrorDialogs;
import org.marginscope.ui.fx.Nodes;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.TimelineScrubber;
import org.marginscope.ui.views.ViewTabs;

/**
 * The window's side of a tour: the Tours menu, the panel on the right, a step's view, overlays and highlight,
 * and saving the window's state as a step of a teacher's tour file.
 */
public final class TourHost implements TourPlayer.Host {
    private final Session session;
    private final Stage stage;
    private final BorderPane root;
    private final BoundaryView view;
    private final ViewTabs tabs;
    private final TimelineScrubber scrubber;
    private final Consumer<Preset> loadPreset;
    private final Runnable pause;
    private final TourPlayer tours;
    private final TourPanel panel;
    /** The overlays of the original-space view by their names in tour files, in TourStep.OVERLAYS' order. */
    private final Map<String, BooleanProperty> overlays = new LinkedHashMap<>();
    private Node highlighted;

    /** {@code pause} shows the toolbar's Play as paused when a tour opens. */
    public TourHost(Session session, Stage stage, BorderPane root, BoundaryView view, ViewTabs tabs, TimelineScrubber scrubber,
             Consumer<Preset> loadPreset, Runnable pause) {
        this.session = session;
        this.stage = stage;
        this.root = root;
        this.view = view;
        this.tabs = tabs;
        this.scrubber = scrubber;
        this.loadPreset = loadPreset;
        this.pause = pause;
        overlays.put("confidence", view.showConfidenceProperty());
        overlays.put("companions", view.showCompanionsProperty());
        overlays.put("linear-regime", view.showLinearRegimeProperty());
        overlays.put("linear-regions", view.showLinearRegionsProperty());
        tours = new TourPlayer(session, this);
        panel = new TourPanel(tours, this::close);
    }

    public TourPlayer player() {
        return tours;
    }

    public TourPanel panel() {
        return panel;
    }

    /** The node a tour step frames now (null when none). */
    public Node highlighted() {
        return highlighted;
    }

    public Menu menu() {
        Menu m = new Menu("Tours");
        m.setId("tours-menu");
        for (Tour t : TourLibrary.builtIn()) {
            MenuItem mi = new MenuItem(t.title());
            mi.setId("tour-" + t.id());
            mi.setOnAction(e -> open(t, 0));
            m.getItems().add(mi);
        }
        MenuItem open = Nodes.menuItem("Open tour file\u2026", null, this::openFile);
        open.setId("open-tour");
        MenuItem save = Nodes.menuItem("Save current state as a tour step\u2026", null, this::saveStep);
        save.setId("save-tour-step");
        MenuItem close = Nodes.menuItem("Close tour", null, this::close);
        close.setId("close-tour");
        close.disableProperty().bind(tours.tourProperty().isNull());
        m.getItems().addAll(new SeparatorMenuItem(), open, save, close);
        return m;
    }

    /** Opens a tour at a step (0-based) in the panel beside the views. */
    public void open(Tour t, int step) {
        pause.run();
        root.setRight(panel);
        tours.open(t, step);
    }

    public void close() {
        tours.close();
        root.setRight(null);
    }

    /** Moves an open tour by one step; false (the key scrubs instead) when no tour is open. */
    public boolean step(int by) {
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

    @Override
    public void loadPreset(Preset p) {
        loadPreset.accept(p);
    }

    @Override
    public void showStepView(TourStep step) {
        if (step.viewId() != null) {
            tabs.show(step.viewId());
        }
        if (step.overlays() != null) {
            overlays.forEach((name, on) -> on.set(step.overlays().contains(name)));
        }
    }

    /** Frames one view or chart (a tour step points at it); null clears the frame. */
    @Override
    public void highlight(String target) {
        if (highlighted != null) {
            highlighted.getStyleClass().remove("tour-highlight");
            highlighted = null;
        }
        if (target == null) {
            return;
        }
        Node n = target.equals(ViewId.ORIGINAL.id()) ? view
                : target.equals(ViewId.TRANSFORMED.id()) ? tabs
                : target.equals("scrubber") ? scrubber : root.lookup("#" + target);
        if (n != null) {
            n.getStyleClass().add("tour-highlight");
            highlighted = n;
        }
    }

    private String highlightName() {
        if (highlighted == view) {
            return ViewId.ORIGINAL.id();
        }
        if (highlighted == tabs) {
            return ViewId.TRANSFORMED.id();
        }
        return highlighted == scrubber ? "scrubber" : highlighted.getId();
    }

    private void openFile() {
        File f = chooser("Open tour").showOpenDialog(stage);
        if (f != null) {
            try {
                open(TourLibrary.read(f.toPath()), 0);
            } catch (IOException ex) {
                ErrorDialogs.always(stage, "Could not open the tour", ex.getMessage() + "\n\nNothing was changed.");
            }
        }
    }

    /** Tours > Save current state as a tour step: asks for a title and narration, then a file to add it to. */
    private void saveStep() {
        boolean edited = session.canUndoProperty().get()
                || !session.specProperty().get().equals(session.presetProperty().get().network());
        List<String> on = new ArrayList<>();
        overlays.forEach((name, shown) -> {
            if (shown.get()) {
                on.add(name);
            }
        });
        var step = TourStepDialog.ask(stage, session, tabs.shown(), on, highlighted == null ? null : highlightName(), edited);
        if (step.isEmpty()) {
            return;
        }
        File f = chooser("Add the step to a tour file (new or existing)").showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            Tour t = TourLibrary.appendStep(step.get(), f.toPath());
            session.messageProperty().set("Added step " + t.steps().size() + " (" + step.get().title() + ") to " + f);
        } catch (IOException ex) {
            ErrorDialogs.always(stage, "Could not save the tour step", ex.getMessage() + "\n\nThe tour file was not changed.");
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MarginScope tours", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
