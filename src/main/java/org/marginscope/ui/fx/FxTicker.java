package org.marginscope.ui.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * A handler the FX thread calls {@value #HZ} times a second while started: the polling an {@code AnimationTimer}
 * would do, without keeping JavaFX's pulse at 60 Hz. A running AnimationTimer asks for every pulse, and each
 * pulse walks the whole scene for its bounds and checks its CSS and layout even when nothing changed: with the
 * views' timers that was the FX thread's largest item while training (issue 24), and a paused window never came
 * to rest. Ticks run as one {@code runLater} for all started tickers; a pulse follows only a tick that changed the
 * scene. A tick not yet run when the next falls due is not posted twice.
 */
public abstract class FxTicker {
    /** Ticks a second: the views show at most 30 frames a second, and the rest polls slower. */
    public static final int HZ = 30;
    /** Nanoseconds from one tick to the next. */
    public static final long PERIOD_NANOS = 1_000_000_000L / HZ;

    private static final List<FxTicker> STARTED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean POSTED = new AtomicBoolean();
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "marginscope-fx-ticker");
        t.setDaemon(true);
        return t;
    });

    static {
        CLOCK.scheduleAtFixedRate(FxTicker::post, 0, PERIOD_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Called on the FX thread with the tick's time (System.nanoTime), as AnimationTimer's handle is. */
    public abstract void handle(long now);

    /** Starts ticking (FX thread); starting a started ticker does nothing. */
    public final void start() {
        if (!STARTED.contains(this)) {
            STARTED.add(this);
        }
    }

    /** Stops ticking (FX thread). */
    public final void stop() {
        STARTED.remove(this);
    }

    private static void post() {
        if (!STARTED.isEmpty() && POSTED.compareAndSet(false, true)) {
            try {
                Platform.runLater(FxTicker::tick);
            } catch (IllegalStateException toolkitGone) {
                POSTED.set(false);
            }
        }
    }

    private static void tick() {
        POSTED.set(false);
        long now = System.nanoTime();
        for (FxTicker t : STARTED) {
            try {
                t.handle(now);
            } catch (RuntimeException | Error e) { // one failing handler neither stops the others nor its own ticks
                Thread th = Thread.currentThread();
                th.getUncaughtExceptionHandler().uncaughtException(th, e);
            }
        }
    }
}
