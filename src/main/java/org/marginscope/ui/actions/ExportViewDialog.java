package org.marginscope.ui.actions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.ErrorDialogs;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.ViewTabs;

/** File &gt; Export view: one view as a figure (PDF, SVG, PNG 1-4x), or the whole window as PNG. */
public final class ExportViewDialog {
    private final Session session;
    private final Stage stage;
    private final Node root;
    private final ViewTabs tabs;
    private final FigureExportAction figureExport;
    private final BoundaryView original;

    public ExportViewDialog(Session session, Stage stage, Node root, BoundaryView original, ViewTabs tabs,
                     FigureExportAction figureExport) {
        this.session = session;
        this.original = original;
        this.stage = stage;
        this.root = root;
        this.tabs = tabs;
        this.figureExport = figureExport;
    }

    public void run() {
        String original = "Original-space view", transformedView = "Transformed view (network and SVM)",
                neuronsView = "Neurons view", regionsView = "Regions view (van den Berg)",
                workspace = "Workspace: both views over the charts", windowShot = "Whole window (PNG screenshot)";
        ChoiceDialog<String> which = new ChoiceDialog<>(
                tabs.showsNeurons() ? neuronsView : tabs.showsRegions() ? regionsView : original,
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
            figureExport.runPenView(n ? "Neurons" : "Regions", n ? tabs.neurons().figure() : tabs.regions().figure());
            return;
        }
        if (choice.get().equals(workspace)) {
            figureExport.runWorkspace();
            return;
        }
        if (!choice.get().equals(windowShot)) {
            // the view's own painter from its current frame, overlays included: what the screen shows
            boolean o = choice.get().equals(original);
            figureExport.runPenView(o ? "Original" : "Transformed", o ? this.original.figure() : tabs.transformed().figure());
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
        ChoiceDialog<Integer> scale = new ChoiceDialog<>(2, 1, 2, 3, 4);
        scale.setTitle("PNG scale");
        scale.setHeaderText("Pixels per screen pixel");
        scale.initOwner(stage);
        var sc = scale.showAndWait();
        if (sc.isPresent()) {
            try {
                saveScreenshot(f.toPath(), null, sc.get());
            } catch (IOException ex) {
                ErrorDialogs.always(stage, "Could not export", f + ": " + ex.getMessage());
            }
        }
    }

    /** The app's snapshot function: a node (or the whole window when null) to PNG at a scale. */
    public void saveScreenshot(Path file, Node node, double scale) throws IOException {
        PngWriter.write(PngWriter.snapshot(node == null ? root : node, scale), file);
        session.messageProperty().set("Saved " + file);
    }
}
