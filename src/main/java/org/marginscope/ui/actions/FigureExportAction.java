package org.marginscope.ui.actions;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marginscope.data.Dataset;
import org.marginscope.export.FigureWriter;
import org.marginscope.experiment.MetricsCsv;
import org.marginscope.experiment.SnapshotFigures;
import org.marginscope.experiment.TrainingChartsFigure;
import org.marginscope.render.ChartFigure;
import org.marginscope.render.PaperFigure;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.ErrorDialogs;

/**
 * File > Export paper figure: the moment the views show, composed as Li et al.'s Fig 2 (data, boundary,
 * SVM and network in the transformed space), written as PNG, SVG or PDF on a background thread.
 */
public final class FigureExportAction {
    private final Session session;
    private final Window owner;

    public FigureExportAction(Session session, Window owner) {
        this.session = session;
        this.owner = owner;
    }

    /** Where and how to write: chosen by the user. */
    record Target(FigureWriter.Format format, Path file, int scale) {
    }

    public void run() {
        Snapshot s = session.shown();
        if (s == null || session.dataset().size() < 2) {
            session.messageProperty().set("Nothing to export yet: train a step first.");
            return;
        }
        choose("Export paper figure", session.presetProperty().get().name() + "-step-" + s.step())
                .ifPresent(t -> export(s, session.dataset(), session.presetProperty().get().name(), t.format(), t.file(),
                        t.scale()));
    }

    /**
     * The workspace as one figure: both views of the moment shown over the charts of the whole run, as
     * vector (SVG, PDF) or raster (PNG) - what the window shows, fit for a page.
     */
    void runWorkspace() {
        Snapshot s = session.shown();
        var snaps = session.trainer().timeline().snapshots();
        if (s == null || snaps.isEmpty() || session.dataset().size() < 2) {
            session.messageProperty().set("Nothing to export yet: train a step first.");
            return;
        }
        String name = session.presetProperty().get().name();
        choose("Export workspace", name + "-workspace-step-" + s.step()).ifPresent(t ->
                exportWorkspace(s, session.dataset(), snaps, name, t.format(), t.file(), t.scale()));
    }

    /** Writes the workspace figure in the background (the chooser's part is done). */
    void exportWorkspace(Snapshot s, Dataset data, List<Snapshot> run, String name,
                         FigureWriter.Format format, Path file, int scale) {
        write(() -> workspace(s, data, run, name), format, file, scale, "the workspace at step " + s.step());
    }

    static org.marginscope.render.StackedFigure workspace(Snapshot s, Dataset data, List<Snapshot> run, String name) {
        return new org.marginscope.render.StackedFigure(List.of(
                SnapshotFigures.paper(data, s, name).withPanels(List.of(PaperFigure.Kind.ORIGINAL, PaperFigure.Kind.TRANSFORMED)),
                TrainingChartsFigure.of(run, name + ", steps 0-" + run.get(run.size() - 1).step())));
    }

    /**
     * File > Export view: a view drawn through a {@link org.marginscope.render.Pen} (original, transformed, neurons,
     * regions), as it is on screen now; null when it has drawn nothing yet.
     */
    void runPenView(String title, org.marginscope.render.Figure view) {
        if (view == null) {
            session.messageProperty().set("Nothing to export yet: open the " + title + " tab and let it draw.");
            return;
        }
        Snapshot s = session.shown();
        String name = session.presetProperty().get().name() + "-" + title.toLowerCase(java.util.Locale.ROOT)
                + (s == null ? "" : "-step-" + s.step());
        choose("Export " + title + " view", name).ifPresent(t -> write(() -> view, t.format(), t.file(), t.scale(),
                "the " + title + " view"));
    }

    /** File > Export charts: loss, accuracy, norms and the angle over log steps, as a vector or raster figure. */
    public void runCharts() {
        var snaps = session.trainer().timeline().snapshots();
        if (snaps.isEmpty()) {
            session.messageProperty().set("Nothing to chart yet: train a step first.");
            return;
        }
        String name = session.presetProperty().get().name();
        choose("Export charts", name + "-charts").ifPresent(t -> write(
                () -> TrainingChartsFigure.of(snaps, name + ", steps 0-" + snaps.get(snaps.size() - 1).step()),
                t.format(), t.file(), t.scale(), "charts"));
    }

    /** File > Export metrics: one CSV row per kept snapshot (the CLI's metrics.csv columns). */
    public void runMetrics() {
        var snaps = session.trainer().timeline().snapshots();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export metrics");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName(session.presetProperty().get().name() + "-metrics.csv");
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            Path file = f.toPath();
            background(() -> MetricsCsv.write(snaps, file), file, "metrics");
        }
    }

    private java.util.Optional<Target> choose(String title, String initialName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG image", "*.png");
        FileChooser.ExtensionFilter svg = new FileChooser.ExtensionFilter("SVG vector figure", "*.svg");
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter("PDF vector figure", "*.pdf");
        fc.getExtensionFilters().addAll(pdf, svg, png);
        fc.setInitialFileName(initialName);
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return java.util.Optional.empty();
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
                return java.util.Optional.empty();
            }
            scale = answer.get();
        }
        return java.util.Optional.of(new Target(format, file, scale));
    }

    /** Renders and writes off the FX thread; the status bar says when it is done or what went wrong. */
    void export(Snapshot s, Dataset data, String title, FigureWriter.Format format, Path file, int scale) {
        write(() -> SnapshotFigures.paper(data, s, title), format, file, scale, "the figure of step " + s.step());
    }

    void write(java.util.function.Supplier<org.marginscope.render.Figure> figure, FigureWriter.Format format, Path file,
               int scale, String what) {
        background(() -> FigureWriter.write(figure.get(), format, file, scale), file, what);
    }

    private interface Job {
        void run() throws Exception;
    }

    private void background(Job job, Path file, String what) {
        session.messageProperty().set("Exporting " + what + "\u2026");
        Thread t = new Thread(() -> {
            try {
                job.run();
                Platform.runLater(() -> session.messageProperty().set("Saved " + file));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    session.messageProperty().set("Not saved: " + file + ": " + e.getMessage());
                    ErrorDialogs.show(owner, "Could not export " + what, file + ": " + e.getMessage());
                });
            }
        }, "marginscope-export");
        t.setDaemon(true);
        t.start();
    }
}
