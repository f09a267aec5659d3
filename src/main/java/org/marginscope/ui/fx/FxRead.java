package org.marginscope.ui.fx;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Reads state the FX thread owns from any thread: a test's waiting thread that walked a view's lists while a pulse
 * changed them got a ConcurrentModificationException (VandenBergChartsTest, NeuronHighlightTest in CI).
 */
public final class FxRead {
    private FxRead() {
    }

    /** The value computed on the FX thread (directly when called there). */
    public static <T> T onFx(Supplier<T> read) {
        if (Platform.isFxApplicationThread()) {
            return read.get();
        }
        FutureTask<T> task = new FutureTask<>(read::get);
        Platform.runLater(task);
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading on the FX thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read on the FX thread", e);
        }
    }
}
