package org.marginscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.Dataset;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Issue 23 item 5: a big CSV loads with its progress in the status bar, and Cancel stops it, data unchanged. */
class CsvLoadProgressTest extends AppWindowTest {
    @Override
    protected javafx.geometry.Dimension2D size() {
        return new javafx.geometry.Dimension2D(1280, 820);
    }

    @TempDir
    Path dir;
    private CompletableFuture<Void> loading;

    @AfterEach
    void cancelLoad() throws Exception { // before AppWindowTest hides the window
        if (loading != null && !loading.isDone()) { // a failed test must not leave a load to land on a closed window
            WaitForAsyncUtils.asyncFx(() -> robotlessCancel()).get(5, TimeUnit.SECONDS);
            loading.get(10, TimeUnit.SECONDS);
        }
    }

    private void robotlessCancel() {
        javafx.scene.control.Button b = (javafx.scene.control.Button) window.scene().lookup("#load-cancel");
        b.fire();
    }

    private Path bigCsv(int rows) throws Exception {
        Path f = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", Math.sin(i) * 3, Math.cos(i * 0.7) * 3, i % 2));
            }
        }
        return f;
    }

    @Test
    void aBigLoadShowsRowsReadAndCancelLeavesTheDataAsTheyWere(FxRobot robot) throws Exception {
        Path f = bigCsv(3_000_000);
        Dataset before = window.session().dataset();
        CompletableFuture<Void> done = WaitForAsyncUtils.asyncFx(() -> window.loadCsv(f)).get(5, TimeUnit.SECONDS);
        loading = done;
        LoadIndicator indicator = robot.lookup("#load-indicator").queryAs(LoadIndicator.class);
        Label label = robot.lookup("#load-label").queryAs(Label.class);
        List<String> texts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until && !done.isDone()
                && (fractions.size() < 2 || fractions.get(fractions.size() - 1) <= fractions.get(0))) {
            WaitForAsyncUtils.asyncFx(() -> {
                if (indicator.isVisible() && label.getText().contains("rows")) {
                    texts.add(label.getText());
                    fractions.add(indicator.progress());
                }
            }).get(5, TimeUnit.SECONDS);
            Thread.sleep(50);
        }
        assertFalse(done.isDone(), "still loading when the bar had shown some progress");
        assertTrue(fractions.size() >= 2, "the bar moved: " + texts);
        assertTrue(fractions.get(fractions.size() - 1) > fractions.get(0), "the share read grows: " + fractions);
        assertTrue(texts.get(texts.size() - 1).matches("[\\d,]+ rows, [\\d.]+ of [\\d.]+ MB"), texts.toString());
        long rowsFirst = rows(texts.get(0)), rowsLast = rows(texts.get(texts.size() - 1));
        assertTrue(rowsLast > rowsFirst, texts.toString());

        long t0 = System.nanoTime();
        robot.clickOn("#load-cancel");
        done.get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ms < 1000, "stopped " + ms + " ms after Cancel");
        assertSame(before, window.session().dataset(), "the data are unchanged");
        assertFalse(indicator.isVisible());
        assertEquals("Loading big.csv cancelled; your data are unchanged",
                robot.lookup("#status-message").queryAs(Label.class).getText());
    }

    @Test
    void aSmallLoadShowsNoBarAndLoads(FxRobot robot) throws Exception {
        Path f = bigCsv(500);
        CompletableFuture<Void> done = WaitForAsyncUtils.asyncFx(() -> window.loadCsv(f)).get(5, TimeUnit.SECONDS);
        done.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(500, window.session().dataset().size());
        assertFalse(robot.lookup("#load-indicator").queryAs(LoadIndicator.class).isVisible());
    }

    private static long rows(String text) {
        return Long.parseLong(text.substring(0, text.indexOf(' ')).replace(",", ""));
    }
}
