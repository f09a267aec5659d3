package org.marginscope.ui.actions;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marginscope.data.Dataset;
import org.marginscope.export.GifWriter;
import org.marginscope.experiment.SnapshotFigures;
import org.marginscope.train.Snapshot;
import org.marginscope.train.Timeline;
import org.marginscope.ui.Session;
import org.marginscope.ui.Settings;
import org.marginscope.ui.fx.ErrorDialogs;

/**
 * File > Export animation: the timeline's snapshots between two steps, log-spaced, as an animated GIF of
 * the paper figure. A small window shows the progress and has a Cancel button; the training, the views
 * and the timeline go on untouched (the frames come from immutable snapshots).
 */
public final class AnimationExportAction {
    /** What to export: a step range, a frame count and a frame rate. */
    public record Settings(long from, long to, int frames, double fps) {
    }

    private final Session session;
    private final Window owner;
    private final ProgressBar progress = new ProgressBar(0);
    private final AtomicBoolean cancel = new AtomicBoolean();

    public AnimationExportAction(Session session, Window owner) {
        this.session = session;
        this.owner = owner;
        progress.setId("animation-progress");
        progress.setPrefWidth(320);
    }

    public void run() {
        List<Snapshot> kept = session.trainer().timeline().snapshots();
        if (kept.size() < 2) {
            session.messageProperty().set("Train a few steps first: the animation is made of the timeline's snapshots.");
            return;
        }
        long last = kept.get(kept.size() - 1).step();
        Dialog<Settings> d = new Dialog<>();
        d.setTitle("Export animation");
        d.setHeaderText("Training as an animated GIF of the paper figure (frames log-spaced in steps)");
        d.initOwner(owner);
        Spinner<Integer> from = new Spinner<>(0, (int) Math.min(Integer.MAX_VALUE, last), 0);
        Spinner<Integer> to = new Spinner<>(0, (int) Math.min(Integer.MAX_VALUE, last), (int) Math.min(Integer.MAX_VALUE, last));
        Spinner<Integer> frames = new Spinner<>(1, 1000, Math.min(48, kept.size()));
        Spinner<Double> fps = new Spinner<>(0.5, 50, 8, 0.5);
        for (Spinner<?> s : List.of(from, to, frames, fps)) {
            s.setEditable(true);
        }
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("from step"), from);
        g.addRow(1, new Label("to step"), to);
        g.addRow(2, new Label("frames"), frames);
        g.addRow(3, new Label("frames per second"), fps);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK
                ? new Settings(from.getValue(), to.getValue(), frames.getValue(), fps.getValue()) : null);
        var settings = d.showAndWait();
        if (settings.isEmpty()) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export animation");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        fc.setInitialFileName(session.presetProperty().get().name() + ".gif");
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            Path file = f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".gif") ? f.toPath()
                    : f.toPath().resolveSibling(f.getName() + ".gif");
            showProgressWindow();
            export(settings.get(), file);
        }
    }

    private void showProgressWindow() {
        Stage w = new Stage();
        w.initOwner(owner);
        w.setTitle("Exporting animation");
        Button stop = new Button("Cancel");
        stop.setId("animation-cancel");
        stop.setOnAction(e -> cancel.set(true));
        Label l = new Label("Painting frames\u2026");
        progress.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1 || b.doubleValue() < 0) {
                w.close();
            }
        });
        VBox box = new VBox(10, l, progress, stop);
        box.setPadding(new Insets(14));
        w.setScene(new Scene(box));
        w.show();
    }

    /** Paints and writes on a background thread; completes with true when the file is written. */
    CompletableFuture<Boolean> export(Settings s, Path file) {
        List<Snapshot> picks = Timeline.logSpaced(session.trainer().timeline().snapshots(), Math.min(s.from(), s.to()),
                Math.max(s.from(), s.to()), s.frames());
        Dataset data = session.dataset();
        String title = session.presetProperty().get().name();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (picks.isEmpty()) {
            session.messageProperty().set("No snapshots between steps " + s.from() + " and " + s.to() + ".");
            done.complete(false);
            return done;
        }
        cancel.set(false);
        progress.setProgress(0);
        session.messageProperty().set("Exporting " + picks.size() + " frames\u2026");
        Thread t = new Thread(() -> {
            try {
                GifWriter.write(SnapshotFigures.frames(data, picks, title), file, s.fps(),
                        n -> Platform.runLater(() -> progress.setProgress((double) n / picks.size())), cancel::get);
                Platform.runLater(() -> {
                    progress.setProgress(1);
                    session.messageProperty().set("Saved " + file + " (" + picks.size() + " frames)");
                    done.complete(true);
                });
            } catch (CancellationException e) {
                Platform.runLater(() -> {
                    progress.setProgress(-1);
                    session.messageProperty().set("Animation export cancelled; no file was written.");
                    done.complete(false);
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    progress.setProgress(-1);
                    session.messageProperty().set("Animation not saved: " + e.getMessage());
                    ErrorDialogs.show(owner, "Could not export the animation", file + ": " + e.getMessage());
                    done.complete(false);
                });
            }
        }, "marginscope-animation");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Asks a running export to stop before its next frame. */
    void cancel() {
        cancel.set(true);
    }
}
