package org.marginscope.ui.tour;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.Tour;
import org.marginscope.experiment.TourStep;
import org.marginscope.train.Snapshot;
import org.marginscope.train.Trainer;
import org.marginscope.train.TrainerEvent;
import org.marginscope.ui.Session;

/**
 * Plays a {@link Tour}: entering a step loads its preset (or goes on with the run when the previous
 * step used the same one), applies its view, overlays and highlight, and trains as far as it says.
 * The state each step reached is kept (its timeline and weights), so going back, or forward again,
 * restores it exactly instead of training again. Lives on the FX thread.
 */
public final class TourPlayer {
    /** What the window does for a tour: the player decides, the window shows. */
    interface Host {
        void loadPreset(Preset p);

        void showStepView(TourStep step);

        void highlight(String target);
    }

    /**
     * The state a step left behind: its preset, the whole session as a project (data as edited, network,
     * settings, companions, the timeline up to the step) and the snapshot it ended on.
     */
    record Visit(Preset preset, org.marginscope.experiment.Project state, Snapshot at) {
    }

    private final Session session;
    private final Host host;
    private final ObjectProperty<Tour> tour = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    /** 0..1 while a step trains, -1 when it does not. */
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty trainingText = new SimpleStringProperty("");
    private final Map<Integer, Visit> visits = new HashMap<>();
    private Training training;
    /** Counts the tours opened, so a visit recorded for an earlier opening never lands in this one. */
    private long opening;
    /** The step whose state was last restored rather than trained (-1: none). */
    private int restoredStep = -1;

    TourPlayer(Session session, Host host) {
        this.session = session;
        this.host = host;
    }

    ObjectProperty<Tour> tourProperty() {
        return tour;
    }

    IntegerProperty indexProperty() {
        return index;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty trainingTextProperty() {
        return trainingText;
    }

    boolean active() {
        return tour.get() != null;
    }

    boolean training() {
        return training != null;
    }

    Visit visit(int i) {
        return visits.get(i);
    }

    void open(Tour t) {
        open(t, 0);
    }

    /** Opens a tour at a step (a presenter resuming a lecture): earlier steps of its run are trained first. */
    void open(Tour t, int step) {
        close();
        opening++;
        tour.set(t);
        goTo(Math.max(0, Math.min(step, t.steps().size() - 1)));
    }

    void close() {
        stopTraining(false);
        visits.clear();
        index.set(-1);
        tour.set(null);
        host.highlight(null);
    }

    void next() {
        if (active() && index.get() + 1 < tour.get().steps().size()) {
            goTo(index.get() + 1);
        } else if (training != null) {
            skip();
        }
    }

    void back() {
        if (active() && index.get() > 0) {
            goTo(index.get() - 1);
        }
    }

    void restart() {
        if (active()) {
            goTo(0);
        }
    }

    /** Stops a training step where it is; the step keeps the state it reached. */
    void skip() {
        stopTraining(true);
    }

    void goTo(int i) {
        Tour t = tour.get();
        if (t == null || i < 0 || i >= t.steps().size()) {
            return;
        }
        // going on from a restored state would miss run state a project does not keep (a schedule's
        // phase, optimiser moments): a new step after a restored one is trained afresh instead
        boolean fromPrevious = index.get() == i - 1 && restoredStep != i - 1;
        stopTraining(i > index.get()); // moving on skips the training; going back does not keep half of it
        TourStep step = t.steps().get(i);
        index.set(i);
        Visit seen = visits.get(i);
        Preset p = PresetLibrary.byName(step.preset());
        boolean fresh = true;
        restoredStep = seen != null ? i : -1;
        if (seen != null) {
            restore(seen, i);
        } else {
            boolean goesOn = fromPrevious && i > 0 && t.steps().get(i - 1).preset().equals(step.preset())
                    && session.presetProperty().get().name().equals(step.preset());
            session.trainer().pause();
            if (!goesOn) {
                host.loadPreset(p);
            }
            fresh = !goesOn;
        }
        host.showStepView(step);
        host.highlight(step.highlight());
        if (seen == null) {
            TourStep.Train how = step.train();
            long catchUp = fresh ? t.reachedBefore(i) : 0;
            if (catchUp > 0 && (how == null || how.toStep() != null && how.toStep() < catchUp)) {
                // entered out of order: the earlier steps of this run trained it this far, so this step does too
                how = TourStep.Train.to(catchUp);
            }
            if (how != null) {
                Snapshot now = session.trainer().latest();
                startTraining(i, how, fresh || now == null ? 0 : now.step());
            } else {
                record(i);
            }
        }
    }

    private void restore(Visit v, int i) {
        host.loadPreset(v.preset()); // the preset's charts, probes and tab; then the step's own state
        session.loadProject(v.state(), "step " + (i + 1) + " of the tour");
    }

    /** Keeps the state the run is in now (after every command before this one) as step i's. */
    private void record(int i) {
        Preset p = session.presetProperty().get();
        long when = opening;
        // after every command before this one (the step's training has published its last snapshot)
        session.trainer().submit(e -> Platform.runLater(() -> {
            if (opening == when && tour.get() != null) {
                visits.put(i, new Visit(p, session.toProject(Map.of(), true), session.trainer().latest()));
            }
        }));
    }

    /** Trains from step {@code from} (0 after a fresh load: the trainer has not yet published it). */
    private void startTraining(int i, TourStep.Train how, long from) {
        long to = how.limit(from);
        training = new Training(i, how, from, to, session.generation());
        progress.set(0);
        trainingText.set(how.describe() + "\u2026");
        Training t = training;
        // listens from the trainer's queue: the reset of this step's own preset load comes before it
        session.trainer().submit(e -> {
            if (!t.cancelled) {
                session.trainer().addListener(t);
            }
        });
        if (how.toStep() != null) {
            session.trainer().stepTo(to); // exact, whatever step the run is at by then
        } else {
            session.trainer().step(how.maxSteps());
        }
    }

    private void stopTraining(boolean keep) {
        Training t = training;
        if (t == null) {
            return;
        }
        training = null;
        t.cancelled = true;
        session.trainer().removeListener(t);
        session.trainer().submit(e -> session.trainer().removeListener(t)); // after an add still in the queue
        session.trainer().pause();
        progress.set(-1);
        trainingText.set("");
        if (keep && session.generation() == t.generation) {
            record(t.stepIndex);
        }
    }

    private void finished(Training t, String why) {
        if (training != t) {
            return;
        }
        stopTraining(true);
        trainingText.set(why);
    }

    /** A step's training: follows the snapshots, stops at the target step or when the metric is reached. */
    private final class Training implements Trainer.Listener {
        final int stepIndex;
        final TourStep.Train how;
        final long from, to, generation;
        volatile boolean cancelled;

        Training(int stepIndex, TourStep.Train how, long from, long to, long generation) {
            this.stepIndex = stepIndex;
            this.how = how;
            this.from = from;
            this.to = to;
            this.generation = generation;
        }

        @Override
        public void onSnapshot(Snapshot s) {
            if (cancelled) {
                return;
            }
            double value = how.metric() == null ? Double.NaN : metric(s, how.metric());
            boolean reached = how.reached(value);
            if (reached) {
                session.trainer().pause();
            }
            Platform.runLater(() -> {
                if (training != this) {
                    return;
                }
                progress.set(Math.min(1, (s.step() - from) / (double) Math.max(1, to - from)));
                if (reached) {
                    finished(this, String.format(java.util.Locale.ROOT, "%s = %.4g at step %,d", how.metric(),
                            value, s.step()));
                } else if (s.step() >= to) {
                    finished(this, String.format(java.util.Locale.ROOT, "trained to step %,d", s.step()));
                }
            });
        }

        @Override
        public void onEvent(TrainerEvent e) {
            if (e.kind() == TrainerEvent.Kind.DIVERGED || e.kind() == TrainerEvent.Kind.FAILED
                    || e.kind() == TrainerEvent.Kind.RESET || e.kind() == TrainerEvent.Kind.PAUSED) {
                Platform.runLater(() -> finished(this, e.message()));
            }
        }
    }

    /** A metric of a snapshot by its command-line key (NaN when the snapshot has none). */
    static double metric(Snapshot s, String key) {
        return switch (key) {
            case "loss" -> s.loss();
            case "train_error" -> 1 - s.trainAccuracy();
            case "test_error" -> 1 - s.testAccuracy();
            default -> s.metrics().getOrDefault(key, Double.NaN);
        };
    }
}
