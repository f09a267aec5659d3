package org.marginscope.train;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;

/**
 * Runs a {@link TrainingEngine} on its own thread. Every change arrives as a command through a
 * queue and is applied between steps, so the engine (and its ND4J arrays) is only ever touched by
 * this thread. Immutable snapshots go out to listeners (on this thread; hand off quickly).
 */
public final class Trainer implements AutoCloseable {
    public interface Listener {
        void onSnapshot(Snapshot snapshot);

        default void onEvent(TrainerEvent event) {
        }
    }

    private static final long SLICE_NANOS = 20_000_000L;

    private final TrainingEngine engine;
    private final BlockingQueue<Consumer<TrainingEngine>> commands = new LinkedBlockingQueue<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile long liveIntervalNanos = 33_000_000L;
    private volatile double targetStepsPerSecond;
    private volatile long yieldNanos;
    private long throttleStart;
    private long throttleSteps;
    private volatile long pendingSteps;
    private long lastPublish;
    /** Restarts asked for (any thread) and carried out (trainer thread, after publishing the new run's first snapshot). */
    private final java.util.concurrent.atomic.AtomicLong restartsAsked = new java.util.concurrent.atomic.AtomicLong();
    private volatile long restartsDone;

    public Trainer(TrainingEngine engine) {
        this.engine = engine;
        thread = new Thread(this::loop, "marginscope-trainer");
        thread.setDaemon(true);
        thread.start();
        submit(e -> publish(e.recordCurrent()));
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The newest published snapshot (null until the first one). */
    public Snapshot latest() {
        return latest.get();
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether it is training: running, or working through steps asked for while paused ({@link #stepTo}, S). */
    public boolean isTraining() {
        return running || pendingSteps > 0;
    }

    public Timeline timeline() {
        return engine.timeline();
    }

    /** Limits a running trainer to about this many steps a second; 0 = as fast as it can. */
    public void setTargetStepsPerSecond(double stepsPerSecond) {
        targetStepsPerSecond = Math.max(0, stepsPerSecond);
        throttleSteps = 0;
        throttleStart = System.nanoTime();
    }

    /** A pause after every 20 ms of training, leaving the CPU to a window drawing the run. */
    public void setYield(long micros) {
        yieldNanos = Math.max(0, micros) * 1000;
    }

    /** How often a running trainer publishes a live snapshot. */
    public void setLiveInterval(long millis) {
        liveIntervalNanos = Math.max(1, millis) * 1_000_000L;
    }

    public void play() {
        submit(e -> {
            if (!running) {
                running = true;
                event(TrainerEvent.Kind.STARTED, "training");
            }
        });
    }

    public void pause() {
        submit(e -> {
            boolean wasBusy = running || pendingSteps > 0;
            pendingSteps = 0;
            running = false;
            if (wasBusy) {
                publish(e.recordCurrent());
                event(TrainerEvent.Kind.PAUSED, "paused");
            }
        });
    }

    /** Runs n more steps, then stops (while paused) and publishes the result. */
    public void step(long n) {
        submit(e -> pendingSteps += n);
    }

    /**
     * Trains (while paused) until the run reaches this step, then publishes the result; a run already
     * there publishes its current state at once.
     */
    public void stepTo(long target) {
        submit(e -> {
            long n = target - e.stepCount();
            if (n > 0) {
                pendingSteps += n;
            } else if (pendingSteps == 0 && !running) {
                publish(e.recordCurrent());
            }
        });
    }

    public void reset(long seed) {
        restart(e -> {
            running = false;
            pendingSteps = 0;
            e.reset(seed);
            event(TrainerEvent.Kind.RESET, "reset with seed " + seed);
            publish(e.recordCurrent());
        });
    }

    public void setDataset(Dataset d) {
        submit(e -> e.setDataset(d));
    }

    public void setConfig(TrainingConfig c) {
        submit(e -> e.setConfig(c));
    }

    /** Loads data, network and training together (a preset): the model restarts. */
    public void load(Dataset d, NetworkSpec s, TrainingConfig c) {
        restart(e -> {
            running = false;
            pendingSteps = 0;
            e.load(d, s, c);
            event(TrainerEvent.Kind.RESET, "loaded " + d.name() + " with " + s);
            publish(e.recordCurrent());
        });
    }

    /** Stops, and goes on from these weights at this step; the timeline drops what came after it. */
    public void forkAt(org.marginscope.model.Parameters p, long step) {
        forkAt(p, step, java.util.List.of());
    }

    /** Stops, and goes on from a snapshot: the main network's and its companions' weights at its step. */
    public void forkAt(Snapshot s) {
        forkAt(s.parameters(), s.step(), s.companions());
    }

    /** Stops, and goes on from these weights (and the companions' states, in their order) at this step. */
    public void forkAt(org.marginscope.model.Parameters p, long step, java.util.List<CompanionState> companions) {
        restart(e -> {
            running = false;
            pendingSteps = 0;
            e.restore(p, step);
            e.restoreCompanions(companions, step);
            event(TrainerEvent.Kind.RESET, "continuing from step " + step);
            publish(e.recordCurrent());
        });
    }

    /** Networks to train beside the main one and Poggio's perturbation schedule; the run restarts. */
    public void setCompanions(java.util.List<Companion> companions, Perturbation perturbation) {
        restart(e -> {
            running = false;
            pendingSteps = 0;
            e.setPerturbation(perturbation);
            e.setCompanions(companions);
            publish(e.recordCurrent());
        });
    }

    /** Pauses and multiplies every weight and bias by gamma (van den Berg Fig 12); training goes on from there. */
    public void scaleWeights(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("the weight scale must be a positive number, not " + gamma);
        }
        submit(e -> {
            running = false;
            pendingSteps = 0;
            e.restore(e.network().parameters().scaled(gamma), e.stepCount());
            event(TrainerEvent.Kind.RESET, String.format(java.util.Locale.ROOT,
                    "weights and biases multiplied by %.3g at step %d", gamma, e.stepCount()));
            publish(e.recordCurrent());
        });
    }

    public void setSpec(NetworkSpec s) {
        restart(e -> {
            running = false;
            pendingSteps = 0;
            e.setSpec(s);
            event(TrainerEvent.Kind.RESET, "new architecture " + s + ": the model was reset");
            publish(e.recordCurrent());
        });
    }

    /**
     * Whether every restart asked for so far (a reset, a new preset, architecture or companions, a fork) has been
     * carried out: until then {@link #latest()} and the timeline may still be the previous run's, which a chart
     * must not draw.
     */
    public boolean settled() {
        return restartsDone == restartsAsked.get();
    }

    /** A command that starts the run afresh; {@link #settled()} turns true once it (and its snapshot) is done. */
    private void restart(Consumer<TrainingEngine> command) {
        long n = restartsAsked.incrementAndGet();
        submit(e -> {
            try {
                command.accept(e);
            } finally {
                restartsDone = Math.max(restartsDone, n);
            }
        });
    }

    /**
     * Runs any change on the trainer thread between steps. A command that throws changes nothing
     * (engine methods validate before they change state) and is reported as COMMAND_FAILED.
     */
    public void submit(Consumer<TrainingEngine> command) {
        if (closed) {
            throw new IllegalStateException("the trainer is closed");
        }
        commands.add(command);
    }

    /** Blocks until every command submitted before this call has run (for tests and the command line). */
    public void sync() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        submit(e -> done.countDown());
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("trainer did not answer within 5 minutes");
        }
    }

    /** Blocks until the trainer has no pending steps and is paused (at most 5 minutes). */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            boolean[] idle = new boolean[1];
            submit(e -> {
                idle[0] = !running && pendingSteps == 0;
                done.countDown();
            });
            if (!done.await(5, TimeUnit.MINUTES)) {
                break;
            }
            if (idle[0]) {
                return;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("the trainer did not become idle within 5 minutes");
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Consumer<TrainingEngine> cmd = running || pendingSteps > 0
                        ? commands.poll() : commands.poll(100, TimeUnit.MILLISECONDS);
                while (cmd != null) {
                    apply(cmd);
                    cmd = commands.poll();
                }
                if (running || pendingSteps > 0) {
                    try {
                        trainSlice();
                        if (yieldNanos > 0) {
                            Thread.sleep(yieldNanos / 1_000_000, (int) (yieldNanos % 1_000_000));
                        }
                    } catch (RuntimeException | OutOfMemoryError ex) {
                        // e.g. out of memory in ND4J or a failing probe: stop, tell, keep the thread alive
                        running = false;
                        pendingSteps = 0;
                        event(TrainerEvent.Kind.FAILED, "training stopped at step " + engine.stepCount() + ": "
                                + why(ex));
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void apply(Consumer<TrainingEngine> cmd) {
        try {
            cmd.accept(engine);
        } catch (RuntimeException | OutOfMemoryError ex) {
            event(TrainerEvent.Kind.COMMAND_FAILED, why(ex));
        }
    }

    /** A heap too small for the network is the one Error worth surviving: the failed allocation is freed. */
    private static String why(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "not enough memory for this network";
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    private void trainSlice() {
        long start = System.nanoTime();
        do {
            if (!due()) {
                LockSupport.parkNanos(2_000_000L);
                continue;
            }
            if (System.nanoTime() - lastPublish >= liveIntervalNanos) {
                engine.requestLive();
            }
            if (!engine.step()) {
                running = false;
                pendingSteps = 0;
                publish(engine.recordCurrent());
                if (engine.divergence() != null) {
                    diverged(engine.divergence(), engine.suggestedLearningRate());
                } else {
                    event(TrainerEvent.Kind.PAUSED, "stopped by the step observer");
                }
                return;
            }
            Snapshot live = engine.takeLive();
            if (live != null) {
                publish(live);
            }
            throttleSteps++;
            if (pendingSteps > 0 && --pendingSteps == 0 && !running) {
                publish(engine.recordCurrent());
                return;
            }
        } while (System.nanoTime() - start < SLICE_NANOS && commands.isEmpty());
    }

    /** Whether the next step may run under the target rate (always, without one). */
    private boolean due() {
        double rate = targetStepsPerSecond;
        if (rate <= 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - throttleStart > 2_000_000_000L) {
            throttleStart = now;
            throttleSteps = 0;
        }
        return now >= throttleStart + (long) (throttleSteps * 1e9 / rate);
    }

    private void publish(Snapshot s) {
        lastPublish = System.nanoTime();
        latest.set(s);
        for (Listener l : listeners) {
            try {
                l.onSnapshot(s);
            } catch (RuntimeException ex) {
                // a broken listener must not stop training or starve the other listeners
            }
        }
    }

    private void event(TrainerEvent.Kind kind, String message) {
        send(new TrainerEvent(kind, engine.stepCount(), message));
    }

    private void diverged(String message, double suggestedLearningRate) {
        send(new TrainerEvent(TrainerEvent.Kind.DIVERGED, engine.stepCount(), message, suggestedLearningRate));
    }

    private void send(TrainerEvent ev) {
        for (Listener l : listeners) {
            try {
                l.onEvent(ev);
            } catch (RuntimeException ex) {
                // as in publish
            }
        }
    }
}
