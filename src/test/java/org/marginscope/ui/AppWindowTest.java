package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginscope.experiment.PresetLibrary;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window tests' common frame: a main window (1400 x 860 unless a test asks for another size) on a preset, hidden after each test. */
@ExtendWith(ApplicationExtension.class)
public abstract class AppWindowTest {
    protected MainWindow window;

    /** The preset the window opens with. */
    protected String preset() {
        return MarginScopeApp.DEFAULT_PRESET;
    }

    /** The window's width and height. */
    protected javafx.geometry.Dimension2D size() {
        return new javafx.geometry.Dimension2D(1400, 860);
    }

    // TestFX looks for @Start on the test class itself only, so the base class sets the stage up here
    @BeforeEach
    protected void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, PresetLibrary.byName(preset()));
            stage.setWidth(size().getWidth());
            stage.setHeight(size().getHeight());
            stage.show();
        });
    }

    @AfterEach
    protected void hideWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().hide()).get(10, TimeUnit.SECONDS);
    }

    /** Waits up to 20 s for the condition, then asserts it with the message. */
    protected static void waitUntil(java.util.function.BooleanSupplier cond, String what) throws Exception {
        waitUntil(cond, what, 20);
    }

    /** Waits up to {@code seconds} for the condition, then asserts it with the message. */
    protected static void waitUntil(java.util.function.BooleanSupplier cond, String what, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, cond::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s: " + what, e);
        }
        assertTrue(cond.getAsBoolean(), what);
    }
}
