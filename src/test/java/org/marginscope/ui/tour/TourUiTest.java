package org.marginscope.ui.tour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.experiment.Tour;
import org.marginscope.experiment.TourLibrary;
import org.marginscope.experiment.TourStep;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Tours as a teacher uses them: open from the menu, step with the buttons and a clicker's keys, go back. */
class TourUiTest extends AppWindowTest {
    @TempDir
    Path dir;

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static void fxRun(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(20, TimeUnit.SECONDS);
    }

    private int shownStep() throws Exception {
        return fx(() -> window.tours().indexProperty().get());
    }

    private String counter(FxRobot robot) {
        return robot.lookup("#tour-counter").queryAs(Label.class).getText();
    }

    @Test
    void everyBuiltInTourStepsThroughToTheEndWithItsNarrationViewsAndHighlights(FxRobot robot) throws Exception {
        for (Tour t : TourLibrary.builtIn()) {
            fxRun(() -> window.openTour(t));
            waitUntil(() -> robot.lookup("#tour-counter").tryQuery().map(n -> n.getScene() != null
                    && n.getLayoutBounds().getWidth() > 0).orElse(false), "the tour panel laid out");
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node counter = robot.lookup("#tour-counter").query();
            javafx.stage.Window win = window.scene().getWindow();
            assertTrue(counter.localToScreen(counter.getLayoutBounds()).getMaxX() <= win.getX() + win.getWidth(),
                    t.id() + ": the tour panel stays inside the window, however many charts the preset shows");
            robot.clickOn("#tour-counter"); // the window has the keyboard
            for (int i = 0; i < t.steps().size(); i++) {
                TourStep s = t.steps().get(i);
                int at = i;
                waitUntil(() -> window.tours().indexProperty().get() == at, t.id() + " reaches step " + (at + 1));
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals("Step " + (i + 1) + " of " + t.steps().size(), counter(robot), t.id());
                assertEquals(s.narration(), robot.lookup("#tour-narration").queryAs(Label.class).getText());
                assertEquals(s.preset(), window.session().presetProperty().get().name(), t.id() + " step " + (i + 1));
                if (s.view() != null) {
                    String tab = fx(() -> window.rightViewTab().getId());
                    assertEquals(switch (s.view()) {
                        case "transformed" -> "tab-transformed";
                        case "neurons" -> "tab-neurons";
                        default -> "tab-regions";
                    }, tab, t.id() + " step " + (i + 1) + " shows " + s.view());
                }
                if (s.overlays() != null) {
                    assertEquals(s.overlays().contains("confidence"), window.view().showConfidenceProperty().get());
                    assertEquals(s.overlays().contains("companions"), window.view().showCompanionsProperty().get());
                }
                if (s.highlight() != null) {
                    Node h = fx(() -> window.highlighted());
                    assertNotNull(h, t.id() + " step " + (i + 1) + " frames " + s.highlight());
                    assertTrue(h.getStyleClass().contains("tour-highlight"));
                }
                if (i + 1 < t.steps().size()) {
                    // a clicker's Page Down (keys do not depend on where the buttons have moved to);
                    // it skips a step still training
                    robot.type(KeyCode.PAGE_DOWN);
                }
            }
            assertTrue(robot.lookup("#tour-next").query().isDisabled(), "the last step has no Next");
            fxRun(window::closeTour);
        }
    }

    private Tour twoRuns() {
        return new Tour("test", "Test tour", null, List.of(
                new TourStep("Start", "li-blob-small-net", "transformed", null, null, "The data. Look.", "original"),
                new TourStep("Train", "li-blob-small-net", null, List.of("confidence"), TourStep.Train.to(600),
                        "We train. Watch.", "loss-chart"),
                new TourStep("More", "li-blob-small-net", null, null, TourStep.Train.to(900), "Further. Watch.", null),
                new TourStep("Moons", "moon-small-net", null, null, TourStep.Train.to(300), "Another run. See.", null)));
    }

    private Snapshot awaitVisit(int i) throws Exception {
        waitUntil(() -> window.tours().visit(i) != null, "step " + (i + 1) + " is done");
        return window.tours().visit(i).at();
    }

    @Test
    void backRestoresTheStepNumberAndWeightsOfTheFirstVisit(FxRobot robot) throws Exception {
        fxRun(() -> window.openTour(twoRuns()));
        awaitVisit(0);
        assertEquals(0, window.tours().visit(0).at().step(), "a showing step does not train");
        robot.clickOn("#tour-next");
        Snapshot trained = awaitVisit(1);
        assertEquals(600, trained.step(), "trained exactly to the step the tour says");
        assertTrue(window.view().showConfidenceProperty().get(), "the step's overlay is on");
        robot.clickOn("#tour-next");
        Snapshot further = awaitVisit(2);
        assertEquals(900, further.step(), "the same preset goes on from 600 rather than starting again");
        robot.clickOn("#tour-next");
        awaitVisit(3);
        assertEquals("moon-small-net", window.session().presetProperty().get().name());
        // a clicker's Page Up goes back two steps; the run is the li one again at 900, then 600
        robot.clickOn("#tour-narration").type(KeyCode.PAGE_UP);
        waitUntil(() -> window.tours().indexProperty().get() == 2, "Page Up goes back");
        waitUntil(() -> window.session().trainer().latest().step() == 900
                && window.session().presetProperty().get().name().equals("li-blob-small-net"), "step 3's state");
        robot.clickOn("#tour-back");
        waitUntil(() -> window.tours().indexProperty().get() == 1, "Back goes back");
        waitUntil(() -> window.session().trainer().latest().step() == 600, "step 2's step number");
        window.session().trainer().sync();
        Snapshot back = window.session().trainer().latest();
        assertEquals(trained.step(), back.step());
        for (int l = 0; l < trained.parameters().layers(); l++) {
            assertArrayEquals(trained.parameters().weights(l), back.parameters().weights(l), 0.0, "layer " + l);
            assertArrayEquals(trained.parameters().biases(l), back.parameters().biases(l), 0.0, "layer " + l);
        }
        assertEquals(trained.step(), window.session().trainer().timeline().snapshots()
                .get(window.session().trainer().timeline().snapshots().size() - 1).step(),
                "the timeline ends where the step did (the later part is not shown)");
        assertTrue(window.session().trainer().timeline().snapshots().size() > 3, "with the history that led there");
        // forward again is the kept state too, not a new training run
        robot.clickOn("#tour-narration").type(KeyCode.PAGE_DOWN);
        waitUntil(() -> window.session().trainer().latest().step() == 900, "Page Down restores step 3");
        assertEquals(-1, window.tours().progressProperty().get(), "nothing trains when a step is revisited");
    }

    @Test
    void aStepEnteredOutOfOrderIsTrainedAsFarAsItsRunWasBeforeIt() throws Exception {
        // a --tour-step 2 start: the show-only step 2 must show what step 1 would have trained
        fxRun(() -> window.openTour(new Tour("jump", "Jump", null, List.of(
                new TourStep("Train", "li-blob-small-net", null, null, TourStep.Train.to(400), "Train. Look.", null),
                new TourStep("Show", "li-blob-small-net", null, null, null, "It shows. Look.", null))), 1));
        Snapshot at = awaitVisit(1);
        assertEquals(400, at.step(), "the show-only step shows its run where step 1 left it");
    }

    @Test
    void skipStopsATrainingStepWhereItIs(FxRobot robot) throws Exception {
        Tour slow = new Tour("slow", "Slow", null, List.of(
                new TourStep("Long", "li-blob-small-net", null, null, TourStep.Train.to(5_000_000),
                        "A long run. Skip it.", null),
                new TourStep("Next", "moon-small-net", null, null, null, "Done. Fine.", null)));
        fxRun(() -> window.openTour(slow));
        waitUntil(() -> window.tours().training() && window.session().trainer().latest().step() > 50, "training");
        assertTrue(robot.lookup("#tour-progress").query().getParent().isVisible(), "progress shows while a step trains");
        robot.clickOn("#tour-skip");
        Snapshot kept = awaitVisit(0);
        assertTrue(kept.step() > 50 && kept.step() < 5_000_000, "the step keeps what it reached: " + kept.step());
        assertTrue(!robot.lookup("#tour-progress").query().getParent().isVisible(), "no progress once skipped");
    }

    @Test
    void untilAMetricStopsWhenItIsReached() throws Exception {
        Tour t = new Tour("metric", "Metric", null, List.of(new TourStep("Until", "li-blob-small-net", null, null,
                new TourStep.Train(null, "loss", 0.3, null, 50_000L), "Train until. Watch.", null)));
        fxRun(() -> window.openTour(t));
        Snapshot at = awaitVisit(0);
        assertTrue(at.loss() < 0.3, "stopped after the loss went below 0.3: " + at.loss());
        assertTrue(at.step() < 50_000, "well before the limit: " + at.step());
    }

    @Test
    void aSavedTourStepAppendsToTheTeachersFile() throws Exception {
        Path f = dir.resolve("lecture.json");
        fxRun(() -> window.openTour(twoRuns()));
        awaitVisit(0);
        TourStep one = new TourStep("Mine", "li-blob-small-net", "transformed", List.of(), null, "First. Look.", null);
        Tour first = fx(() -> TourLibrary.appendStep(one, f));
        assertEquals("lecture", first.id());
        TourStep two = new TourStep("Mine too", "moon-small-net", "units", List.of("confidence"), TourStep.Train.to(40),
                "Second. Look.", "loss-chart");
        fx(() -> TourLibrary.appendStep(two, f));
        Tour read = TourLibrary.read(f);
        assertEquals(List.of(one, two), read.steps());
        // a damaged file is not overwritten
        java.nio.file.Files.writeString(f, "{ not json");
        assertTrue(fx(() -> {
            try {
                TourLibrary.appendStep(one, f);
                return false;
            } catch (java.io.IOException e) {
                return e.getMessage().contains("lecture.json");
            }
        }), "the error names the file");
        assertEquals("{ not json", java.nio.file.Files.readString(f));
    }
}
