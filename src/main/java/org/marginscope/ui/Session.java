package org.marginscope.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.probes.ProbePolicy;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.Snapshot;
import org.marginscope.train.Trainer;
import org.marginscope.train.TrainerEvent;
import org.marginscope.train.TrainingConfig;
import org.marginscope.train.TrainingEngine;
import org.marginscope.ui.panels.Fields;
import org.marginscope.ui.window.AboutInfo;

/**
 * What the window works on: the current dataset (with undo/redo), network spec and training config,
 * and the trainer thread that owns the model. Lives on the FX thread; everything that touches the
 * model goes to the trainer as a command, applied between steps.
 */
public final class Session implements AutoCloseable {
    private static final int UNDO_LIMIT = 200;

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<NetworkSpec> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>();
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    /** The divergence that stopped the run (its step, cause and the learning rate to offer), or null. */
    private final ObjectProperty<TrainerEvent> divergence = new SimpleObjectProperty<>();
    /** The snapshot the scrubber pins the views to; null = follow the newest one (live). */
    private final ObjectProperty<Snapshot> viewed = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty canUndo = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty canRedo = new javafx.beans.property.SimpleBooleanProperty();
    private long lastStroke = -1;
    private final Deque<Dataset> undo = new ArrayDeque<>();
    private final Deque<Dataset> redo = new ArrayDeque<>();
    private final List<Runnable> resetListeners = new ArrayList<>();
    private final Trainer trainer;
    /** Incremented on every reset so that views drop state (chart points, frames) from before it. */
    private volatile long generation;
    /** The networks trained beside the main one and the perturbation schedule, as the trainer runs them now. */
    private java.util.List<org.marginscope.train.Companion> companionsRunning = java.util.List.of();
    private org.marginscope.train.Perturbation perturbationRunning;
    /** The settings before "differential training of the last layer", restored by a reset. */
    private TrainingConfig beforeDifferential;

    public Session(Preset p) {
        Dataset d = p.dataset().build();
        TrainingEngine engine = new TrainingEngine(d, p.network(), p.training());
        // what every chart and header shows over time: the same probes as the command line's run of this preset
        engine.setProbes(ProbePolicy.forPreset(p, () -> engine.config()));
        trainer = new Trainer(engine);
        scheduleRetrain(p);
        dataset.set(d);
        spec.set(p.network());
        config.set(p.training());
        preset.set(p);
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onSnapshot(Snapshot s) {
            }

            @Override
            public void onEvent(TrainerEvent e) {
                switch (e.kind()) {
                    case DIVERGED -> Platform.runLater(() -> {
                        message.set("Training stopped: " + e.message());
                        divergence.set(e);
                    });
                    case FAILED, COMMAND_FAILED -> Platform.runLater(() -> message.set(e.message()));
                    case STARTED, RESET -> Platform.runLater(() -> divergence.set(null));
                    default -> {
                    }
                }
            }
        });
    }

    public Trainer trainer() {
        return trainer;
    }

    /** The moment every view shows: the scrubbed snapshot, or the newest one when live. */
    public Snapshot shown() {
        Snapshot v = viewed.get();
        return v != null ? v : trainer.latest();
    }

    public ObjectProperty<Snapshot> viewedProperty() {
        return viewed;
    }

    /** Pins the views to a snapshot of the timeline (null: live). */
    public void view(Snapshot s) {
        viewed.set(s);
    }

    public boolean live() {
        return viewed.get() == null;
    }

    /**
     * Continues training from the scrubbed snapshot: the model takes its weights and step, and the
     * timeline forgets everything after it.
     */
    public void continueFromViewed() {
        Snapshot s = viewed.get();
        if (s == null) {
            return;
        }
        trainer.forkAt(s);
        viewed.set(null);
        fireReset("Continuing from step " + s.step() + ": the later part of the run was discarded.");
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public Dataset dataset() {
        return dataset.get();
    }

    public ObjectProperty<NetworkSpec> specProperty() {
        return spec;
    }

    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    /** The latest thing the user should read in the status bar (errors, resets). */
    public StringProperty messageProperty() {
        return message;
    }

    /** The divergence that stopped the run, until the next start or reset (FX thread). */
    public javafx.beans.property.ReadOnlyObjectProperty<TrainerEvent> divergenceProperty() {
        return divergence;
    }

    /**
     * After a divergence the learning rate is the cause of: the suggested lower learning rate is set and the
     * model reset, so the run can start again from its first step.
     */
    public void retryWithSuggestedLearningRate() {
        TrainerEvent d = divergence.get();
        if (d == null || !Double.isFinite(d.suggestedLearningRate())) {
            return;
        }
        double lr = d.suggestedLearningRate();
        setConfig(config.get().withLearningRate(lr));
        reset();
        message.set("Learning rate lowered to " + Fields.format(lr) + " after the divergence; the model was reset. Press play to train.");
    }

    public long generation() {
        return generation;
    }

    /** Called (FX thread) whenever the model restarts: new preset, architecture, data dimension. */
    public void onReset(Runnable r) {
        resetListeners.add(r);
    }

    private void fireReset(String why) {
        viewed.set(null);
        divergence.set(null);
        generation++;
        message.set(why);
        resetListeners.forEach(Runnable::run);
    }

    // ---- data edits (undoable) ----

    /** Replaces the data as one undoable edit. */
    public void editData(Dataset d) {
        editData(d, -1);
    }

    /**
     * Replaces the data; edits with the same stroke id (>= 0, e.g. one drag of the eraser) make a
     * single undo step.
     */
    public void editData(Dataset d, long stroke) {
        if (d == dataset.get()) {
            return;
        }
        if (stroke < 0 || stroke != lastStroke) {
            undo.push(dataset.get());
            while (undo.size() > UNDO_LIMIT) {
                undo.removeLast();
            }
        }
        lastStroke = stroke;
        redo.clear();
        apply(d);
        updateUndoState();
    }

    private void updateUndoState() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public javafx.beans.property.ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(dataset.get());
            lastStroke = -1;
            apply(undo.pop());
            updateUndoState();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(dataset.get());
            lastStroke = -1;
            apply(redo.pop());
            updateUndoState();
        }
    }

    /** Starts training unless there is nothing to train on; the views go back to live. */
    public boolean play() {
        if (dataset.get().size() == 0) {
            message.set("No training points: draw or generate some first.");
            return false;
        }
        viewed.set(null);
        trainer.play();
        return true;
    }

    private void apply(Dataset d) {
        Dataset old = dataset.get();
        dataset.set(d);
        if (d.size() == 0) {
            trainer.pause();
            message.set("No training points: add some to train (the model keeps its last data until then).");
            return;
        }
        NetworkSpec s = spec.get();
        boolean dimChanged = d.dim() != s.inputDim();
        if (dimChanged || d.numClasses() > s.classes()) {
            NetworkSpec fitted = fitted(s, d);
            TrainingConfig c = leaveDifferentialLastLayer();
            if (c.loss() == org.marginscope.model.LossKind.DIFFERENTIAL && fitted.outputWidth() != 1) {
                c = c.withLoss(org.marginscope.model.LossKind.CROSS_ENTROPY); // the pairwise loss is for two classes
                config.set(c);
            }
            spec.set(fitted);
            trainer.load(d, fitted, c);
            runBeside(java.util.List.of(), perturbationRunning); // a new shape: the companions do not fit it
            fireReset(classesText(d) + " and " + d.dim() + " features: the network became " + fitted + " and was reset."
                    + emptyClassesText(d));
            return;
        }
        trainer.setDataset(d);
        if (old != null && old.size() == 0) {
            message.set("");
        }
    }

    /** "The data (name) have points of 3 classes (0, 1, 3)", or "have 3 classes" when no class is empty. */
    static String classesText(Dataset d) {
        int[] present = d.presentClasses();
        if (present.length == d.numClasses()) {
            return "The data (" + d.name() + ") have " + d.numClasses() + " classes";
        }
        return "The data (" + d.name() + ") have points of " + present.length + " classes ("
                + String.join(", ", java.util.Arrays.stream(present).mapToObj(c -> d.classNames().get(c)).toList()) + ")";
    }

    /**
     * Classes keep their numbers (and colours), so a class without points keeps its output unit; the SVM, Li's angles
     * and the margins leave it out. Says so when there is one.
     */
    static String emptyClassesText(Dataset d) {
        int[] present = d.presentClasses();
        if (present.length == d.numClasses()) {
            return "";
        }
        java.util.List<String> empty = new ArrayList<>();
        for (int c = 0, i = 0; c < d.numClasses(); c++) {
            if (i < present.length && present[i] == c) {
                i++;
            } else {
                empty.add(d.classNames().get(c));
            }
        }
        return (empty.size() == 1 ? " Class " : " Classes ") + String.join(", ", empty) + (empty.size() == 1 ? " has" : " have")
                + " no points: its output stays, but the SVM, the angles and"
                + " the margins leave it out.";
    }

    /** The spec with its input and output widths made to fit the data. */
    static NetworkSpec fitted(NetworkSpec s, Dataset d) {
        List<LayerSpec> layers = new ArrayList<>(s.layers());
        int k = d.numClasses() <= 2 ? 1 : d.numClasses();
        LayerSpec out = layers.get(layers.size() - 1);
        if (out.width() != k) { // explicit output weights (e.g. Sarussi's fixed +-1) stay when they fit
            layers.set(layers.size() - 1, new LayerSpec(k, out.activation(), out.bias(), out.trainable(), out.init(),
                    out.initScale(), out.biasInit(), null, null));
        }
        if (d.dim() != s.inputDim() && layers.get(0).weights() != null) {
            LayerSpec f = layers.get(0);
            layers.set(0, f.withWeights(null, null));
        }
        return new NetworkSpec(d.dim(), s.appendConstantInput(), layers);
    }

    // ---- model changes ----

    public void loadPreset(Preset p) {
        beforeDifferential = null;
        Dataset d = p.dataset().build();
        undo.clear();
        redo.clear();
        updateUndoState();
        dataset.set(d);
        config.set(p.training()); // before the spec: panels reading both see the new config
        spec.set(p.network());
        preset.set(p);
        trainer.submit(e -> e.setProbes(ProbePolicy.forPreset(p, () -> e.config()))); // before the first snapshot
        trainer.load(d, p.network(), p.training());
        scheduleRetrain(p);
        fireReset("Loaded preset " + p.name() + ": " + p.description());
    }

    /**
     * The session as a project: data, network, training settings, the given view toggles, the newest
     * weights and (optionally) the timeline. Reads only immutable state, so it is safe on the FX thread.
     */
    public org.marginscope.experiment.Project toProject(java.util.Map<String, Boolean> view, boolean withTimeline) {
        Snapshot now = trainer.latest();
        var kept = withTimeline ? trainer.timeline().snapshots().stream()
                .filter(s -> s.spec() == null || s.spec().toString().equals(spec.get().toString()))
                .map(org.marginscope.experiment.Project.Kept::of).toList() : java.util.List.<org.marginscope.experiment.Project.Kept>of();
        return new org.marginscope.experiment.Project(org.marginscope.experiment.Project.FORMAT,
                "MarginScope " + AboutInfo.version("marginscope"), preset.get().name(),
                org.marginscope.experiment.Project.Data.of(dataset.get()), spec.get(), config.get(), view,
                now == null ? null : org.marginscope.experiment.Project.Weights.of(now.parameters(), now.step()), kept,
                companionsRunning, perturbationRunning, now == null || now.companions().isEmpty() ? null
                        : org.marginscope.experiment.Project.CompanionWeights.of(now.companions(), now.step()));
    }

    /**
     * Replaces data, network, settings, weights and timeline by a project's (checked when it was read).
     * Every part is built before anything is replaced, so a project that fails here leaves the session as
     * it was. The undo history starts afresh; the preset stays what it was (the title names the project).
     */
    public void loadProject(org.marginscope.experiment.Project p, String name) {
        Dataset d = p.data().toDataset();
        NetworkSpec ns = p.network();
        var kept = p.timeline().stream().map(k -> k.toSnapshot(ns)).toList();
        var current = p.current() == null ? null : p.current().toParameters();
        var currentCompanions = p.currentCompanionStates();
        undo.clear();
        redo.clear();
        updateUndoState();
        beforeDifferential = null;
        dataset.set(d);
        config.set(p.training());
        spec.set(ns);
        trainer.load(d, ns, p.training());
        trainer.submit(e -> e.retrainLastLayerAt(-1, 0));
        runBeside(p.companions(), p.perturbation());
        trainer.submit(e -> {
            e.timeline().clear();
            kept.forEach(e.timeline()::add);
        });
        if (current != null) {
            trainer.forkAt(current, p.current().step(), currentCompanions);
        }
        fireReset("Opened " + name + ": " + d.name() + ", " + ns + ", step "
                + (p.current() == null ? 0 : p.current().step()) + (kept.isEmpty() ? "" : ", " + kept.size() + " snapshots"));
    }

    /** Li Fig 3(c) presets retrain the last layer at a set step (or never: -1 clears an earlier schedule). */
    private void scheduleRetrain(Preset p) {
        long retrainAt = p.retrainLastLayerAt() > 0 ? p.retrainLastLayerAt() : -1;
        trainer.submit(e -> e.retrainLastLayerAt(retrainAt, p.training().seed() + 1));
        runBeside(p.allCompanions(), p.perturbation());
    }

    /** Networks to train beside the main one and Poggio's schedule (the run restarts when there are any). */
    private void runBeside(java.util.List<org.marginscope.train.Companion> cs, org.marginscope.train.Perturbation p) {
        companionsRunning = java.util.List.copyOf(cs);
        perturbationRunning = p;
        if (!cs.isEmpty() || p != null) {
            trainer.setCompanions(cs, p);
        } else {
            trainer.submit(e -> e.setPerturbation(null));
        }
    }

    /** The settings to go on with when a reset ends "differential training of the last layer" (the engine does likewise). */
    private TrainingConfig leaveDifferentialLastLayer() {
        if (beforeDifferential != null) {
            config.set(beforeDifferential);
            beforeDifferential = null;
        }
        return config.get();
    }

    public void setSpec(NetworkSpec s) {
        NetworkSpec fitted = fitted(s, dataset.get());
        leaveDifferentialLastLayer(); // the engine's reset after a new architecture goes back too
        spec.set(fitted);
        trainer.setSpec(fitted);
        fireReset("New architecture " + fitted + ": the model was reset.");
    }

    public void setConfig(TrainingConfig c) {
        if (c.loss() == org.marginscope.model.LossKind.DIFFERENTIAL && spec.get().outputWidth() != 1) {
            throw new IllegalArgumentException("the differential loss needs two classes (one output logit)");
        }
        TrainingConfig old = config.get();
        config.set(c);
        trainer.setConfig(c);
        if (old != null && old.dtype() != c.dtype()) {
            message.set("Now computing in " + c.dtype().id() + ".");
        }
    }

    /**
     * Li et al. Fig 3 by hand: a new random last layer, every other layer frozen, training goes on. The
     * transformed view then shows the old last layer beside the new one. Reset trains the whole net again.
     */
    public void retrainLastLayer() {
        long seed = config.get().seed() + 1;
        trainer.submit(e -> e.reinitialiseLastLayerAndFreezeRest(seed));
        message.set("Last layer re-initialised; the layers below are frozen (Li et al. Fig 3). Reset trains them all again.");
    }

    /**
     * Nar et al. Thm 5 on a network: only the last layer trains on, by differential training of the
     * transformed features; the transformed view compares it with the last layer before. Reset undoes it.
     */
    public void differentialLastLayer() {
        if (spec.get().outputWidth() != 1) {
            message.set("Differential training needs two classes (one output logit).");
            return;
        }
        int last = spec.get().layers().size() - 1;
        if (!spec.get().layers().get(last).trainable()) {
            message.set("This network's last layer is fixed by its architecture: differential training has nothing to train.");
            return;
        }
        TrainingConfig before = config.get();
        if (beforeDifferential == null) {
            beforeDifferential = before;
        }
        TrainingConfig c = before.withLoss(org.marginscope.model.LossKind.DIFFERENTIAL).trainingOnlyLast(last + 1);
        config.set(c); // what the engine's command below sets: the panels show it
        trainer.submit(TrainingEngine::differentialLastLayerAndFreezeRest);
        message.set("The layers below the last are frozen; the last trains by differential training (Nar Thm 5),"
                + " its bias from Eq 8. Reset trains the whole network again with " + beforeDifferential.loss().id() + ".");
    }

    public void reset() {
        leaveDifferentialLastLayer();
        trainer.reset(config.get().seed());
        fireReset("Model reset (seed " + config.get().seed() + ").");
    }

    @Override
    public void close() {
        trainer.close();
    }
}
