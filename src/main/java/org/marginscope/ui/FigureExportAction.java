package org.marginscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marginscope.data.Dataset;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.PaperFigure;
import org.marginscope.train.Snapshot;

/**
 * File > Export paper figure: the moment the views show, composed as Li et al.'s Fig 2 (data, boundary,
 * SVM and network in the transformed space), written as PNG, SVG or PDF on a background thread.
 */
final class FigureExportAction {
    private final Session session;
    private final Window owner;

    FigureExportAction(Session session, Window owner) {
        this.session = session;
        this.owner = owner;
    }

    void run() {
        Snapshot s = session.shown();
        if (s == null || session.dataset().size() < 2) {
            session.messageProperty().set("Nothing to export yet: train a step first.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export paper figure");
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG image", "*.png");
        FileChooser.ExtensionFilter svg = new FileChooser.ExtensionFilter("SVG vector figure", "*.svg");
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter("PDF vector figure", "*.pdf");
        fc.getExtensionFilters().addAll(pdf, svg, png);
        fc.setInitialFileName(session.presetProperty().get().name() + "-step-" + s.step());
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        FigureWriter.Format format = FigureWriter.Format.ofFile(file);
        if (format == null) {
            var chosen = fc.getSelectedExtensionFilter();
            format = chosen == svg ? FigureWriter.Format.SVG : chosen == png ? FigureWriter.Format.PNG
                    : FigureWriter.Format.PDF;
            file = file.resolveSibling(file.getFileName() + "." + format.extension());
        }
        int scale = 1;
        if (format == FigureWriter.Format.PNG) {
            ChoiceDialog<Integer> d = new ChoiceDialog<>(2, List.of(1, 2, 3, 4));
            d.setTitle("PNG scale");
            d.setHeaderText("Pixels per point (2 for slides, 3-4 for print)");
            d.initOwner(owner);
            var answer = d.showAndWait();
            if (answer.isEmpty()) {
                return;
            }
            scale = answer.get();
        }
        export(s, session.dataset(), session.presetProperty().get().name(), format, file, scale);
    }

    /** Renders and writes off the FX thread; the status bar says when it is done or what went wrong. */
    void export(Snapshot s, Dataset data, String title, FigureWriter.Format format, Path file, int scale) {
        session.messageProperty().set("Exporting the figure of step " + s.step() + "\u2026");
        Thread t = new Thread(() -> {
            try {
                PaperFigure fig = PaperFigure.of(data, s.spec(), s.parameters(), s.retiredParameters(),
                        s.decisionOffset(), s.step(), title);
                FigureWriter.write(fig, format, file, scale);
                Platform.runLater(() -> session.messageProperty().set("Saved " + file));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    session.messageProperty().set("Figure not saved: " + e.getMessage());
                    Alert a = new Alert(Alert.AlertType.ERROR, file + ": " + e.getMessage(), ButtonType.OK);
                    a.setHeaderText("Could not export the figure");
                    a.initOwner(owner);
                    a.getDialogPane().setId("error-dialog");
                    a.show();
                });
            }
        }, "figure-export");
        t.setDaemon(true);
        t.start();
    }
}
