package org.marginscope.render;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A thread of its own that builds a view's frames, "latest request wins": a request submitted while a build
 * runs replaces any request still waiting, so a stale one is never built, and never more than one build is
 * in flight. Each finished frame goes to a consumer (the FX side hands it on to its thread); a build that
 * throws goes to an error handler and the worker serves the next request. {@link Pacing} says when the next
 * build may start (a view's share of the CPU beside training); {@link #close} stops the thread.
 *
 * @param <R> what is asked for (a snapshot, a window, the view's options)
 * @param <F> what is built (an immutable frame)
 */
public final class LatestRequestWorker<R, F> implements AutoCloseable {
    /** Builds the frame of a request; null when it gave up because {@code superseded} said so. */
    @FunctionalInterface
    public interface Build<R, F> {
        F build(R request, BooleanSupplier superseded) throws Exception;
    }

    /** When a build may start, in {@link System#nanoTime()}'s terms, given when the one before it started. */
    @FunctionalInterface
    public interface Pacing<R> {
        long earliestStart(R request, long previousStart);

        /** Builds as soon as asked. */
        static <R> Pacing<R> none() {
            return (r, previous) -> 0;
        }

        /** At least {@code gapNanos} from one build's start to the next one's. */
        static <R> Pacing<R> gap(java.util.function.ToLongFunction<R> gapNanos) {
            return (r, previous) -> previous + gapNanos.applyAsLong(r);
        }
    }

    /** How the worker is set up: its thread's name and priority, pacing, and when a waiting request drops a build. */
    public record Options<R>(String threadName, int priority, Pacing<R> pacing, BiPredicate<R, R> supersedes) {
        public Options {
            Objects.requireNonNull(threadName);
            pacing = pacing == null ? Pacing.none() : pacing;
            supersedes = supersedes == null ? (next, current) -> false : supersedes;
        }

        /** A thread of this name and priority, building as soon as asked, never dropping a build it started. */
        public static <R> Options<R> of(String threadName, int priority) {
            return new Options<>(threadName, priority, Pacing.none(), null);
        }

        /**
         * A view's worker: the lowest Java priority, and on Linux nice {@link ThreadNice#DRAWING}, so that drawing
         * gives way to training when the two want the same core (issue 24: the wide net in the window at 0.8 of
         * its headless speed); elsewhere the priority is a hint the OS may follow.
         */
        public static <R> Options<R> drawing(String threadName) {
            return of(threadName, Thread.MIN_PRIORITY);
        }

        public Options<R> paced(Pacing<R> p) {
            return new Options<>(threadName, priority, p, supersedes);
        }

        /** {@code s.test(next, current)}: the request now waiting makes the build of {@code current} pointless. */
        public Options<R> droppedWhen(BiPredicate<R, R> s) {
            return new Options<>(threadName, priority, pacing, s);
        }
    }

    private final AtomicReference<R> pending = new AtomicReference<>();
    private final Build<R, F> build;
    private final Options<R> options;
    private final Consumer<? super F> onFrame;
    private final Consumer<? super Exception> onError;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean building;
    private volatile long lastBuildCpuNanos;

    public LatestRequestWorker(Options<R> options, Build<R, F> build, Consumer<? super F> onFrame,
                               Consumer<? super Exception> onError) {
        this.options = options;
        this.build = Objects.requireNonNull(build);
        this.onFrame = Objects.requireNonNull(onFrame);
        this.onError = Objects.requireNonNull(onError);
        thread = new Thread(this::loop, options.threadName());
        thread.setDaemon(true);
        thread.setPriority(options.priority());
        thread.start();
    }

    /** Asks for a frame: replaces the request still waiting, if any (the one being built finishes unless superseded). */
    public void submit(R request) {
        pending.set(Objects.requireNonNull(request));
        LockSupport.unpark(thread);
    }

    /** Forgets the request still waiting (a reset: nothing asked for before it is built). */
    public void cancelPending() {
        pending.set(null);
    }

    /** Whether a request waits or a build runs. */
    public boolean busy() {
        return building || pending.get() != null;
    }

    /** Whether the worker's thread still runs. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Waits at most millis for the thread to end (after {@link #close}); true when it has. */
    public boolean awaitStop(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        pending.set(null);
        LockSupport.unpark(thread);
    }

    private void loop() {
        // a view's frame runs on this thread alone: the cores are the trainer's, and the pacing sees the whole cost
        org.marginscope.model.Chunks.runSequentiallyOnThisThread();
        if (options.priority() == Thread.MIN_PRIORITY) {
            ThreadNice.lowerThisThread(ThreadNice.DRAWING); // what a Java priority does not do on Linux
        }
        long lastStart = Long.MIN_VALUE / 2;
        while (!closed) {
            R r = pending.getAndSet(null);
            if (r == null) {
                LockSupport.park(this); // a request or close() unparks it; a permit given before it parks is kept
                continue;
            }
            // requests wake the worker early: sleep out the pacing, taking whatever newer request comes meanwhile
            for (long w = options.pacing().earliestStart(r, lastStart) - System.nanoTime(); w > 0 && !closed;
                 w = options.pacing().earliestStart(r, lastStart) - System.nanoTime()) {
                LockSupport.parkNanos(w);
                R newer = pending.getAndSet(null);
                if (newer != null) {
                    r = newer;
                }
            }
            if (closed) {
                return;
            }
            lastStart = System.nanoTime();
            run(r);
        }
    }

    private boolean superseded(R current) {
        R next = pending.get();
        return next != null && options.supersedes().test(next, current);
    }

    /** The CPU time (not the wall time) the last finished build took on this worker's thread. */
    public long lastBuildCpuNanos() {
        return lastBuildCpuNanos;
    }

    private void run(R r) {
        building = true;
        long cpu0 = ThreadCpuClock.nanos();
        try {
            R current = r;
            F f = build.build(r, () -> closed || superseded(current));
            lastBuildCpuNanos = ThreadCpuClock.nanos() - cpu0;
            if (f != null && !closed) {
                onFrame.accept(f);
            }
        } catch (Exception e) {
            onError.accept(e);
        } finally {
            building = false;
        }
    }
}
