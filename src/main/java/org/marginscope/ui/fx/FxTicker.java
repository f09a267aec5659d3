package org.marginscope.ui.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.application.Platform;

/**
 * A handler the FX thread calls {@value #HZ} times a second while started: the polling an {@code AnimationTimer}
 * would do, without keeping JavaFX's pulse at 60 Hz. A running AnimationTimer asks for every pulse, and each
 * pulse walks the whole scene for its bounds and checks its CSS and layout even when nothing changed: with the
 * views' timers that was the FX thread's largest item while training (issue 24). Ticks run as one {@code runLater} for all started tickers; a pulse follows only a tick that changed the
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

    /**
     * A ticker that calls {@code handler} with the tick's time about every {@code millis} (the tick nearest each
     * period's end, so 100 ms is every third tick), the first time one period after it starts: for what polls
     * slower than the views (charts, status bar, autosave) in place of an indefinite Timeline, which would keep
     * JavaFX pulsing at 60 Hz as an AnimationTimer does.
     */
    public static FxTicker every(long millis, LongConsumer handler) {
        long period = millis * 1_000_000L - PERIOD_NANOS / 2;
        return new FxTicker() {
            private long last;

            @Override
            protected void started() {
                last = System.nanoTime();
            }

            @Override
            public void handle(long now) {
                if (now - last > period) {
                    last = now;
                    handler.accept(now);
                }
            }
        };
    }

    /**
     * A tick now rather than at the next due time (any thread; coalesced with one already posted): input that
     * changes what a view shows (a drag, the wheel) is drawn at once, as fast as its events come.
     */
    public static void nudge() {
        post();
    }

    /** Starts ticking (FX thread); starting a started ticker does nothing. */
    public final void start() {
        if (!STARTED.contains(this)) {
            started();
            STARTED.add(this);
        }
    }

    /** Called by {@link #start()} before the first tick. */
    protected void started() {
    }

    /** Stops ticking (FX thread). */
    public final void stop() {
        STARTED.remove(this);
    }

    private static void post() {
        if (!STARTED.isEmpty() && POSTED.compareAndSet(false, true)) {
            try {
                Platform.runLater(FxTicker::tick);
            } catch (RuntimeException toolkitGone) { // thrown out of the schedule it would end every later tick
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
