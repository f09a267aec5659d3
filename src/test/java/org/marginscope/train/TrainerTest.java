package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.LossKind;

class TrainerTest {
    static final class Recorder implements Trainer.Listener {
        final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<TrainerEvent> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(Snapshot s) {
            snapshots.add(s);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onEvent(TrainerEvent e) {
            events.add(e);
        }

        boolean has(TrainerEvent.Kind k) {
            return events.stream().anyMatch(e -> e.kind() == k);
        }
    }

    @Test
    void stepCommandsRunOnTheTrainerThreadAndPublishTheResult() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        Recorder r = new Recorder();
        try (Trainer t = new Trainer(engine)) {
            t.addListener(r);
            t.step(25);
            t.awaitIdle();
            assertEquals(25, t.latest().step());
            assertTrue(r.threads.stream().allMatch("marginscope-trainer"::equals));
            t.step(10);
            t.awaitIdle();
            assertEquals(35, t.latest().step());
        }
    }

    @Test
    void playThenPauseStopsAndRecordsTheCurrentState() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        Recorder r = new Recorder();
        try (Trainer t = new Trainer(engine)) {
            t.addListener(r);
            t.setLiveInterval(1);
            t.play();
            long deadline = System.currentTimeMillis() + 10_000;
            while ((t.latest() == null || t.latest().step() < 50) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            t.pause();
            t.awaitIdle();
            assertFalse(t.isRunning());
            long at = t.latest().step();
            assertTrue(at >= 50, "live snapshots follow the run");
            Thread.sleep(100);
            assertEquals(at, t.latest().step(), "nothing moves while paused");
            assertEquals(at, t.timeline().latest().step(), "pausing puts the current state on the timeline");
            assertTrue(r.has(TrainerEvent.Kind.STARTED) && r.has(TrainerEvent.Kind.PAUSED));
        }
    }

    @Test
    void divergencePausesAndReportsTheStep() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(1e9).withLoss(LossKind.EXPONENTIAL));
        Recorder r = new Recorder();
        try (Trainer t = new Trainer(engine)) {
            t.addListener(r);
            t.play();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!r.has(TrainerEvent.Kind.DIVERGED) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            TrainerEvent e = r.events.stream().filter(x -> x.kind() == TrainerEvent.Kind.DIVERGED).findFirst().orElseThrow();
            assertTrue(e.message().contains("step " + e.step()), e.message());
            t.awaitIdle();
            assertFalse(t.isRunning());
            assertTrue(t.latest().parameters().allFinite());
        }
    }

    @Test
    void aRefusedCommandIsReportedAndChangesNothing() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        Recorder r = new Recorder();
        try (Trainer t = new Trainer(engine)) {
            t.addListener(r);
            t.setDataset(Dataset.of("1d", 1, new double[] {1, 2}, new int[] {0, 1}));
            t.step(3);
            t.awaitIdle();
            assertTrue(r.has(TrainerEvent.Kind.COMMAND_FAILED));
            assertEquals(75, engine.dataset().size());
            assertEquals(3, t.latest().step());
        }
    }

    @Test
    void theThreadGivesTheSameWeightsAsTheEngineAlone() throws Exception {
        TrainingEngine alone = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3).withSeed(9));
        alone.run(120);
        TrainingEngine threaded = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3).withSeed(9));
        try (Trainer t = new Trainer(threaded)) {
            t.setLiveInterval(1);
            t.step(50);
            t.step(30);
            t.awaitIdle();
            t.step(40);
            t.awaitIdle();
            assertEquals(120, t.latest().step());
            assertEquals(alone.network().parameters(), t.latest().parameters());
        }
    }

    @Test
    void pausingDuringStepsPublishesWhereItStopped() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        Recorder r = new Recorder();
        try (Trainer t = new Trainer(engine)) {
            t.addListener(r);
            t.step(1_000_000);
            Thread.sleep(50);
            t.pause();
            t.awaitIdle();
            assertEquals(engine.stepCount(), t.latest().step());
            assertTrue(r.has(TrainerEvent.Kind.PAUSED));
        }
    }

    @Test
    void aFailingListenerDoesNotStopTraining() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        try (Trainer t = new Trainer(engine)) {
            t.addListener(s -> {
                throw new IllegalStateException("broken view");
            });
            t.step(20);
            t.awaitIdle();
            assertEquals(20, t.latest().step());
        }
    }

    @Test
    void aTargetSpeedSlowsTraining() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        try (Trainer t = new Trainer(engine)) {
            t.setTargetStepsPerSecond(20);
            t.setLiveInterval(1);
            t.play();
            Thread.sleep(1500);
            t.pause();
            t.awaitIdle();
            long steps = t.latest().step();
            // unthrottled this net runs thousands of steps a second
            assertTrue(steps >= 15 && steps <= 45, "about 20 steps/s for 1.5 s, got " + steps);
        }
    }

    @Test
    void resetFromAnotherSeedGivesOtherWeights() throws Exception {
        TrainingEngine engine = new TrainingEngine(TrainingEngineTest.blobs(100), TrainingEngineTest.small(),
                TrainingConfig.gd(0.3));
        try (Trainer t = new Trainer(engine)) {
            t.sync();
            Snapshot a = t.latest();
            t.reset(77);
            t.awaitIdle();
            assertEquals(0, t.latest().step());
            assertNotEquals(a.parameters(), t.latest().parameters());
        }
    }
}
