package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared frame worker without a window: latest request wins, one build at a time, errors reported, clean stop. */
class LatestRequestWorkerTest {
    private static final long WAIT_S = 10;

    /** A build that blocks on a latch while it runs, so a test can submit requests during it. */
    private static final class Gate {
        final CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        final List<Integer> built = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger(), maxInFlight = new AtomicInteger();

        String build(int request) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                built.add(request);
                if (request == 1) {
                    started.countDown();
                    release.await(WAIT_S, TimeUnit.SECONDS);
                }
                return "frame " + request;
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static LatestRequestWorker<Integer, String> worker(Gate gate, BlockingQueue<String> frames,
                                                               BlockingQueue<Exception> errors) {
        return new LatestRequestWorker<>(LatestRequestWorker.Options.of("test-worker", Thread.NORM_PRIORITY),
                (r, superseded) -> {
                    if (r < 0) {
                        throw new IllegalStateException("no frame for " + r);
                    }
                    return gate.build(r);
                }, frames::add, errors::add);
    }

    @Test
    void aRequestSubmittedDuringABuildReplacesTheOneWaitingAndTheStaleOneIsNeverBuilt() throws Exception {
        Gate gate = new Gate();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        try (var w = worker(gate, frames, new LinkedBlockingQueue<>())) {
            w.submit(1);
            assertTrue(gate.started.await(WAIT_S, TimeUnit.SECONDS));
            w.submit(2);
            w.submit(3);
            w.submit(4);
            gate.release.countDown();
            assertEquals("frame 1", frames.poll(WAIT_S, TimeUnit.SECONDS));
            assertEquals("frame 4", frames.poll(WAIT_S, TimeUnit.SECONDS));
            assertEquals(null, frames.poll(200, TimeUnit.MILLISECONDS), "nothing after the newest");
            assertEquals(List.of(1, 4), gate.built, "2 and 3 were replaced before they were built");
            assertEquals(1, gate.maxInFlight.get(), "never two builds at once");
        }
    }

    @Test
    void aFailingBuildReachesTheErrorHandlerAndTheWorkerServesTheNextRequest() throws Exception {
        Gate gate = new Gate();
        gate.release.countDown();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        BlockingQueue<Exception> errors = new LinkedBlockingQueue<>();
        try (var w = worker(gate, frames, errors)) {
            w.submit(-7);
            Exception e = errors.poll(WAIT_S, TimeUnit.SECONDS);
            assertTrue(e instanceof IllegalStateException && e.getMessage().contains("-7"), "reported: " + e);
            w.submit(5);
            assertEquals("frame 5", frames.poll(WAIT_S, TimeUnit.SECONDS));
            assertTrue(w.isAlive());
        }
    }

    @Test
    void closeStopsTheThreadAndAFrameFinishedAfterItIsNotHandedOn() throws Exception {
        Gate gate = new Gate();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        var w = worker(gate, frames, new LinkedBlockingQueue<>());
        w.submit(1);
        assertTrue(gate.started.await(WAIT_S, TimeUnit.SECONDS));
        w.submit(2);
        w.close();
        gate.release.countDown();
        assertTrue(w.awaitStop(WAIT_S * 1000), "the thread ends");
        assertTrue(frames.isEmpty(), "a closed view gets no frames: " + frames);
        assertEquals(List.of(1), gate.built, "the waiting request is dropped on close");
    }

    @Test
    void pacingHoldsTheNextBuildBackAndANewerRequestTakesItsPlaceMeanwhile() throws Exception {
        BlockingQueue<Integer> built = new LinkedBlockingQueue<>();
        long gap = 300_000_000L;
        var options = LatestRequestWorker.Options.<Integer>of("test-paced", Thread.NORM_PRIORITY)
                .paced(LatestRequestWorker.Pacing.gap(r -> gap));
        try (var w = new LatestRequestWorker<Integer, Integer>(options, (r, s) -> r, built::add, e -> { })) {
            w.submit(1);
            assertEquals(1, built.poll(WAIT_S, TimeUnit.SECONDS));
            long first = System.nanoTime();
            w.submit(2);
            Thread.sleep(50);
            w.submit(3);
            assertEquals(3, built.poll(WAIT_S, TimeUnit.SECONDS), "the newer request replaced the one held back");
            assertTrue(System.nanoTime() - first >= gap * 9 / 10, "the gap was slept out");
            assertEquals(null, built.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aBuildAskingWhetherItIsSupersededHearsOfTheNewerRequest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        var options = LatestRequestWorker.Options.<Integer>of("test-dropped", Thread.NORM_PRIORITY)
                .droppedWhen((next, current) -> next > current);
        try (var w = new LatestRequestWorker<Integer, String>(options, (r, superseded) -> {
            if (r == 1) {
                started.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
                while (!superseded.getAsBoolean() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return superseded.getAsBoolean() ? null : "not dropped";
            }
            return "frame " + r;
        }, frames::add, e -> { })) {
            w.submit(1);
            assertTrue(started.await(WAIT_S, TimeUnit.SECONDS));
            w.submit(2);
            assertEquals("frame 2", frames.poll(WAIT_S, TimeUnit.SECONDS), "the dropped build handed nothing on");
            assertFalse(frames.contains("not dropped"));
        }
    }

    /** The pacing counts a build's CPU time: a build that waits (for a core, a lock, a sleep) costs little. */
    @Test
    void aBuildsCostIsItsCpuTimeNotTheTimeItWaited() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        try (LatestRequestWorker<Integer, String> w = new LatestRequestWorker<>(
                LatestRequestWorker.Options.of("test-cpu", Thread.NORM_PRIORITY), (r, s) -> {
                    long end = System.nanoTime() + 150_000_000L;
                    if (r == 1) {
                        Thread.sleep(150);
                    } else {
                        double x = 0;
                        while (System.nanoTime() < end) {
                            x += Math.sqrt(x + 1);
                        }
                        return "busy " + x;
                    }
                    return "slept";
                }, frames::add, e -> { })) {
            w.submit(1);
            assertEquals("slept", frames.poll(WAIT_S, TimeUnit.SECONDS));
            assertTrue(w.lastBuildCpuNanos() < 50_000_000L, "a 150 ms sleep cost " + w.lastBuildCpuNanos() / 1e6 + " ms of CPU");
            w.submit(2);
            assertTrue(frames.poll(WAIT_S, TimeUnit.SECONDS).startsWith("busy"));
            assertTrue(w.lastBuildCpuNanos() > 30_000_000L, "150 ms of computing cost " + w.lastBuildCpuNanos() / 1e6 + " ms");
        }
    }
}
