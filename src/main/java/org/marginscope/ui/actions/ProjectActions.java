package org.marginscope.ui.actions;

import org.marginscope.ui.fx.FxTicker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marginscope.data.AtomicFiles;
import org.marginscope.experiment.Project;
import org.marginscope.experiment.ProjectFile;
import org.marginscope.experiment.ProjectFileException;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.Settings;
import org.marginscope.ui.fx.ErrorDialogs;

/**
 * Projects in the window: open and save `.msproj` (reading and writing on a background thread; a
 * damaged or newer file changes nothing and says why), the recent-files menu, and the autosave every
 * 30 s while something changed, which the next start offers to recover after a crash.
 */
public final class ProjectActions {
    static final int RECENT = 8;
    private static final String RECENT_KEY = "recentProjects";
    private final Session session;
    private final Window owner;
    private final Parent root;
    private final Menu recentMenu = new Menu("Open recent");
    private final FxTicker autosave;
    private Object lastAutosaved;

    public ProjectActions(Session session, Window owner, Parent root) {
        this.session = session;
        this.owner = owner;
        this.root = root;
        recentMenu.setId("recent-projects");
        refreshRecent();
        autosave = FxTicker.every(30_000, now -> autosave());
        autosave.start();
        Thread clean = new Thread(ProjectActions::removeLeftovers, "marginscope-remove-leftovers");
        clean.setDaemon(true);
        clean.start();
    }

    /**
     * At start: removes the temporary files of saves killed mid-write, beside the autosave and the recent
     * projects (each save also cleans beside its own file; see AtomicFiles.removeStale).
     */
    static int removeLeftovers() {
        int n = AtomicFiles.removeStale(autosaveFile());
        for (Path p : recent()) {
            n += AtomicFiles.removeStale(p);
        }
        return n;
    }

    public Menu recentMenu() {
        return recentMenu;
    }

    /** Where the autosave lives: ~/.marginscope (or -Dmarginscope.home). */
    static Path home() {
        return Path.of(System.getProperty("marginscope.home", System.getProperty("user.home") + "/.marginscope"));
    }

    static Path autosaveFile() {
        return home().resolve("autosave" + ProjectFile.EXTENSION);
    }

    /** The view toggles (check boxes whose id starts with "show-") by id. */
    Map<String, Boolean> viewSettings() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (var n : root.lookupAll(".check-box")) {
            if (n instanceof CheckBox c && c.getId() != null && c.getId().startsWith("show-")) {
                m.put(c.getId(), c.isSelected());
            }
        }
        return m;
    }

    private void applyViewSettings(Map<String, Boolean> view) {
        for (var n : root.lookupAll(".check-box")) {
            if (n instanceof CheckBox c && c.getId() != null && view.containsKey(c.getId())) {
                c.setSelected(view.get(c.getId()));
            }
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MarginScope project", "*" + ProjectFile.EXTENSION));
        return fc;
    }

    public void open() {
        File f = chooser("Open project").showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads off the FX thread; on success replaces the session, on failure keeps it and says why. */
    CompletableFuture<Boolean> open(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        session.messageProperty().set("Opening " + file.getFileName() + "\u2026");
        Thread t = new Thread(() -> {
            try {
                Project p = ProjectFile.read(file);
                Platform.runLater(() -> {
                    session.loadProject(p, file.getFileName().toString());
                    applyViewSettings(p.view());
                    remember(file);
                    done.complete(true);
                });
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                String why = problem(file, "could not be opened", e);
                Platform.runLater(() -> {
                    session.messageProperty().set("Project not opened: " + why);
                    ErrorDialogs.show(owner, "Could not open the project", why + "\n\nThe current session is unchanged.");
                    done.complete(false);
                });
            }
        }, "marginscope-open-project");
        t.setDaemon(true);
        t.start();
        return done;
    }

    public void save() {
        FileChooser fc = chooser("Save project");
        fc.setInitialFileName(session.presetProperty().get().name() + ProjectFile.EXTENSION);
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        if (!file.getFileName().toString().endsWith(ProjectFile.EXTENSION)) {
            file = file.resolveSibling(file.getFileName() + ProjectFile.EXTENSION);
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Include the timeline (every kept snapshot, "
                + String.format(java.util.Locale.ROOT, "%.1f MB in memory",
                        session.trainer().timeline().bytes() / 1e6) + ") so the file can be scrubbed after opening?",
                ButtonType.YES, ButtonType.NO, ButtonType.CANCEL);
        ask.setHeaderText("Save project");
        ask.initOwner(owner);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == ButtonType.CANCEL) {
            return;
        }
        save(file, answer == ButtonType.YES);
    }

    /** Collects the state on the FX thread (immutable parts only), writes it atomically in the background. */
    CompletableFuture<Boolean> save(Path file, boolean withTimeline) {
        Project p = session.toProject(viewSettings(), withTimeline);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        session.messageProperty().set("Saving " + file.getFileName() + "\u2026");
        Thread t = new Thread(() -> {
            try {
                ProjectFile.write(p, file);
                Platform.runLater(() -> {
                    session.messageProperty().set("Saved " + file);
                    remember(file);
                    done.complete(true);
                });
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                String why = problem(file, "could not be saved", e);
                Platform.runLater(() -> {
                    session.messageProperty().set("Project not saved: " + why);
                    ErrorDialogs.show(owner, "Could not save the project", why
                            + "\n\nNo file was changed; the session is as it was.");
                    done.complete(false);
                });
            }
        }, "marginscope-save-project");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /**
     * The sentence a dialog shows: ProjectFile's own (which names the file and the problem), else a plain one;
     * never an exception's raw text. Loading runs the read project only after ProjectFile checked all of it, so
     * an error here is an unexpected one.
     */
    static String problem(Path file, String failed, Throwable e) {
        if (e instanceof ProjectFileException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return file + " " + failed + ": there is not enough memory for it";
        }
        if (e instanceof IOException io) {
            return file + " " + failed + ": " + ProjectFile.reason(io);
        }
        return file + " " + failed + " because of an internal error; please report it";
    }

    /** Writes the autosave when the data, network, settings or weights changed since the last one. */
    void autosave() {
        Snapshot now = session.trainer().latest();
        Object state = List.of(session.dataset(), session.specProperty().get(), session.configProperty().get(),
                now == null ? "none" : now);
        if (state.equals(lastAutosaved) || now == null) {
            return;
        }
        lastAutosaved = state;
        Project p = session.toProject(viewSettings(), false);
        Thread t = new Thread(() -> {
            try {
                ProjectFile.write(p, autosaveFile());
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                String why = problem(autosaveFile(), "could not be saved", e);
                Platform.runLater(() -> session.messageProperty().set("Autosave failed: " + why));
            }
        }, "marginscope-autosave");
        t.setDaemon(true);
        t.start();
    }

    /** A clean exit leaves no autosave behind (so the next start has nothing to recover). */
    public void closeCleanly() {
        autosave.stop();
        try {
            Files.deleteIfExists(autosaveFile());
        } catch (IOException ignored) {
            // a stale autosave only means one recovery question next time
        }
    }

    /** At start: an autosave left by a crash is offered for recovery; declined, it is removed. */
    public void offerRecovery() {
        Path f = autosaveFile();
        if (!Files.isRegularFile(f)) {
            return;
        }
        String when;
        try {
            when = Files.getLastModifiedTime(f).toString().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC");
        } catch (IOException e) {
            when = "earlier";
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "MarginScope did not close cleanly last time. Recover the"
                + " session autosaved " + when + "?", ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Recover the last session");
        a.initOwner(owner);
        if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
            open(f);
        } else {
            closeCleanly();
            autosave.start();
        }
    }

    // ---- recent files ----

    private static Preferences prefs() {
        return Settings.prefs();
    }

    static List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs().get(RECENT_KEY, "").split("\n")) {
            if (!s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    private void remember(Path file) {
        if (file.equals(autosaveFile())) {
            return;
        }
        List<Path> r = recent();
        Path abs = file.toAbsolutePath();
        r.remove(abs);
        r.add(0, abs);
        while (r.size() > RECENT) {
            r.remove(r.size() - 1);
        }
        prefs().put(RECENT_KEY, String.join("\n", r.stream().map(Path::toString).toList()));
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  \u2014  " + (p.getParent() == null ? "" : p.getParent()));
            mi.setOnAction(e -> open(p));
            mi.setDisable(!Files.isRegularFile(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
