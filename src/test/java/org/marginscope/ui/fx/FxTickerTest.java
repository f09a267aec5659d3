package org.marginscope.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The views' polling runs on the FX thread about 30 times a second, stops when stopped, and, unlike an
 * AnimationTimer (measured beside it), leaves the scene without pulses while nothing changes.
 */
@ExtendWith(ApplicationExtension.class)
class FxTickerTest {
    private Scene scene;
    private final AtomicInteger pulses = new AtomicInteger();

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 200, 100);
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    private int pulsesOver(long millis) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200); // let the pulses the start asked for pass
        int before = pulses.get();
        Thread.sleep(millis);
        return pulses.get() - before;
    }

    @Test
    void ticksOnTheFxThreadAboutThirtyTimesASecondAndStops() throws Exception {
        AtomicInteger ticks = new AtomicInteger(), offThread = new AtomicInteger();
        FxTicker t = new FxTicker() {
            @Override
            public void handle(long now) {
                ticks.incrementAndGet();
                offThread.addAndGet(Platform.isFxApplicationThread() ? 0 : 1);
            }
        };
        WaitForAsyncUtils.asyncFx(t::start).get(10, TimeUnit.SECONDS);
        Thread.sleep(1000);
        WaitForAsyncUtils.asyncFx(t::stop).get(10, TimeUnit.SECONDS);
        int n = ticks.get();
        // 30 a second; a loaded machine may delay a tick, and a late tick is not posted twice
        assertTrue(n >= 10 && n <= 36, "ticks in one second: " + n);
        assertEquals(0, offThread.get(), "every tick on the FX thread");
        Thread.sleep(200);
        assertEquals(n, ticks.get(), "no tick after stop");
    }

    @Test
    void aTickerThatChangesNothingLeavesTheSceneWithoutPulses() throws Exception {
        FxTicker ticker = new FxTicker() {
            @Override
            public void handle(long now) {
            }
        };
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
            }
        };
        // tests share one JVM: an animation another test left running would pulse this scene too
        Assumptions.assumeTrue(pulsesOver(500) <= 2, "no other animation runs in this JVM");
        WaitForAsyncUtils.asyncFx(ticker::start).get(10, TimeUnit.SECONDS);
        int quiet = pulsesOver(1000);
        WaitForAsyncUtils.asyncFx(timer::start).get(10, TimeUnit.SECONDS);
        int busy = pulsesOver(1000);
        WaitForAsyncUtils.asyncFx(() -> {
            timer.stop();
            ticker.stop();
        }).get(10, TimeUnit.SECONDS);
        assertTrue(busy >= 20, "an AnimationTimer keeps the pulse going: " + busy + " pulses in a second");
        assertTrue(quiet <= 3, "the ticker does not: " + quiet + " pulses in a second");
    }
}
