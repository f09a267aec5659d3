package org.marginscope.ui.actions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.CsvDatasetWriter;
import org.marginscope.data.Dataset;
import org.marginscope.data.DatasetFormatException;
import org.marginscope.data.LoadProgress;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.ErrorDialogs;
import org.marginscope.ui.views.BoundaryView;

/** File &gt; Open CSV and Save CSV, and a CSV file dropped on the window (beside {@link ProjectActions}). */
public final class CsvActions {
    private final Session session;
    private final Stage stage;
    /** Shows the wait cursor while a file loads. */
    private final Node root;
    private final LoadProgressView progressView;
    private final BoundaryView view;

    public CsvActions(Session session, Stage stage, Node root, LoadProgressView progressView, BoundaryView view) {
        this.session = session;
        this.stage = stage;
        this.root = root;
        this.progressView = progressView;
        this.view = view;
    }

    /** A file dropped anywhere on the window loads as the data. */
    public void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                load(e.getDragboard().getFiles().get(0).toPath());
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    public void open() {
        File f = chooser("Open data").showOpenDialog(stage);
        if (f != null) {
            load(f.toPath());
        }
    }

    /**
     * Loads a CSV as one undoable edit, parsing on a background thread (a large file never freezes
     * the window) with its progress in the status bar and a Cancel; on any error the current data stay
     * and a dialog says what and where.
     */
    public CompletableFuture<Void> load(Path file) {
        session.messageProperty().set("Loading " + file.getFileName() + "\u2026");
        root.setCursor(Cursor.WAIT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        LoadProgressView indicator = progressView;
        // a quick load shows no bar (no flicker); one that takes longer than 0.3 s shows it with Cancel
        PauseTransition showLater = new PauseTransition(Duration.millis(300));
        showLater.setOnFinished(e -> {
            if (!done.isDone()) {
                indicator.show(() -> cancelled.set(true));
            }
        });
        showLater.play();
        long[] lastShown = {0};
        LoadProgress progress = (bytes, total, rows) -> {
            long now = System.nanoTime();
            if (now - lastShown[0] < 100_000_000L) {
                return; // ten updates a second are plenty for the FX thread
            }
            lastShown[0] = now;
            String text = String.format(Locale.ROOT, "%,d rows, %.1f of %.1f MB", rows, bytes / 1e6, total / 1e6);
            Platform.runLater(() -> indicator.update(total > 0 ? (double) bytes / total : -1, text));
        };
        Thread t = new Thread(() -> {
            Dataset d = null;
            String problem = null;
            boolean stopped = false;
            try {
                d = CsvDatasetReader.read(file, progress, cancelled::get);
            } catch (CancellationException ex) {
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
            Platform.runLater(() -> {
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
                    ErrorDialogs.always(stage, "Could not open " + file.getFileName(),
                            error + "\n\nYour current data are unchanged.");
                }
                done.complete(null);
            });
        }, "marginscope-load");
        t.setDaemon(true);
        t.start();
        return done;
    }

    public void save() {
        FileChooser fc = chooser("Save data");
        fc.setInitialFileName(session.dataset().name() + ".csv");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            try {
                CsvDatasetWriter.write(session.dataset(), f.toPath());
                session.messageProperty().set("Saved " + f);
            } catch (IOException ex) {
                ErrorDialogs.always(stage, "Could not save", f + ": " + ex.getMessage() + "\n\nNothing was overwritten.");
            }
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
