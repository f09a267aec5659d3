package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.render.Palette;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.views.BoundaryView;

/** The main window driven like a user drives it: clicks, keys, menus; pixels read back. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, PresetLibrary.byName(MarginScopeApp.DEFAULT_PRESET));
        stage.setWidth(1280);
        stage.setHeight(820);
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().hide()).get(10, TimeUnit.SECONDS);
    }

    private Session session() {
        return window.session();
    }

    /** Screen point of a data coordinate in the view. */
    private Point2D screen(double x, double y) {
        BoundaryView v = window.view();
        return v.localToScreen(v.sx(x), v.sy(y));
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, cond::getAsBoolean);
        assertTrue(cond.getAsBoolean(), what);
    }

    @Test
    void clickAddsAPointOfTheSelectedClassAndUndoRemovesIt(FxRobot robot) throws Exception {
        Dataset before = session().dataset();
        robot.clickOn("#class-2");
        Point2D p = screen(0.5, 0.15);
        robot.moveTo(p).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Dataset after = session().dataset();
        assertEquals(before.size() + 1, after.size());
        assertEquals(2, after.trainLabel(after.size() - 1));
        assertEquals(0.5, after.trainCoord(after.size() - 1, 0), 0.01);
        assertEquals(0.15, after.trainCoord(after.size() - 1, 1), 0.01);
        assertEquals(3, after.numClasses());
        // the point is on screen in its class colour (a filled triangle at the click)
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> window.view().snapshotImage()).get(10, TimeUnit.SECONDS);
        BoundaryView v = window.view();
        // the marker's fill, somewhere in the 5 x 5 pixels around the click (its size follows the view's, and a small
        // triangle's dark rim can sit on the centre's pixel)
        int expected = Palette.colour(2);
        int cx = (int) Math.round(v.sx(0.5)), cy = (int) Math.round(v.sy(0.15) + 1);
        double nearest = Double.POSITIVE_INFINITY;
        int argb = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int px = img.getPixelReader().getArgb(cx + dx, cy + dy);
                if (colourDistance(px, expected) < nearest) {
                    nearest = colourDistance(px, expected);
                    argb = px;
                }
            }
        }
        assertTrue(nearest < 60, String.format("pixel %08X, class colour %08X", argb, expected));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, session().dataset(), "undo restores the very data set");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.size() + 1, session().dataset().size(), "redo");
    }

    private static double colourDistance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF), dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF), db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void anEraserDragIsOneUndoStepAndUndoKeysWorkAfterTheMenuWasOpened(FxRobot robot) throws Exception {
        robot.clickOn("Edit");
        robot.type(KeyCode.ESCAPE);
        Dataset before = session().dataset();
        robot.type(KeyCode.E);
        robot.moveTo(screen(0.05, 0.05)).press(MouseButton.PRIMARY).moveTo(screen(0.15, 0.15)).moveTo(screen(0.25, 0.25))
                .moveTo(screen(0.3, 0.15)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int removed = before.size() + before.testSize() - session().dataset().size() - session().dataset().testSize();
        assertTrue(removed >= 3, "the eraser removed points along the drag: " + removed);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, session().dataset(), "one Ctrl+Z undoes the whole eraser stroke");
    }

    @Test
    void dragSpraysPointsAsOneUndoableEditAndRightClickErases(FxRobot robot) throws Exception {
        Dataset before = session().dataset();
        robot.moveTo(screen(0.5, 0.5)).press(MouseButton.PRIMARY).moveTo(screen(0.6, 0.55)).moveTo(screen(0.7, 0.6))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int added = session().dataset().size() - before.size();
        assertTrue(added >= 3, "a drag sprays several points, got " + added);
        Dataset sprayed = session().dataset();
        double x = sprayed.trainCoord(sprayed.size() - 1, 0), y = sprayed.trainCoord(sprayed.size() - 1, 1);
        robot.moveTo(screen(x, y)).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(sprayed.size() - 1, session().dataset().size(), "right-click removes one point");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, session().dataset(), "two undos: the erase, then the whole spray stroke");
    }

    @Test
    void playMakesTheStepCountGrowAndSpacePauses(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitUntil(() -> session().trainer().latest() != null && session().trainer().latest().step() > 50, "training runs");
        robot.clickOn(window.view()).type(KeyCode.SPACE);
        waitUntil(() -> !session().trainer().isRunning(), "Space pauses");
        long at = session().trainer().latest().step();
        Thread.sleep(200);
        assertEquals(at, session().trainer().latest().step());
        robot.clickOn("#step-10");
        waitUntil(() -> session().trainer().latest().step() == at + 10, "+10 trains ten steps");
        waitUntil(() -> window.view().currentFrame() != null && window.view().currentFrame().step() == at + 10,
                "a boundary frame of the new step arrives");
        assertTrue(window.view().currentFrame().boundary().size() > 10, "the boundary is drawn");
    }

    @Test
    void malformedCsvShowsTheLineAndKeepsTheData(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y,label\n1,2,0\n3,oops,1\n");
        Dataset before = session().dataset();
        WaitForAsyncUtils.asyncFx(() -> window.loadCsv(bad)).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertNotNull(dialog, "an error dialog opens");
        assertTrue(dialog.getContentText().contains("line 3") && dialog.getContentText().contains("column 2"),
                dialog.getContentText());
        assertTrue(dialog.getContentText().contains("unchanged"));
        assertSame(before, session().dataset(), "the current data stay");
        robot.clickOn("OK");
    }

    @Test
    void aGoodCsvLoadsAsAnUndoableEdit(FxRobot robot) throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n");
        Dataset before = session().dataset();
        WaitForAsyncUtils.asyncFx(() -> window.loadCsv(good)).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, session().dataset().size());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, session().dataset());
    }

    @Test
    void highDimensionalDataTrainAndTheViewSaysWhyItShowsNoPoints(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.loadCsv(Path.of("datasets/iris.csv"))).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, session().dataset().dim());
        assertEquals("4-32-2-3", session().specProperty().get().toString(), "input and output fitted to the data");
        assertTrue(session().messageProperty().get().contains("reset"), session().messageProperty().get());
        // iris's raw features (up to 7.9) kill the 2-unit bottleneck at the default lr 0.3 within two steps (reported
        // as a divergence since issue 23): train it at a rate it survives (0.03 still kills it; 0.01 trains)
        WaitForAsyncUtils.asyncFx(() -> session().setConfig(session().configProperty().get().withLearningRate(0.01)))
                .get(10, TimeUnit.SECONDS);
        robot.clickOn("#step-10");
        waitUntil(() -> session().trainer().latest().step() == 10 && session().trainer().latest().parameters().in(0) == 4,
                "the fitted network trains on the 4 features");
    }

    @Test
    void wheelZoomsAroundTheCursorAndShiftDragPans(FxRobot robot) throws Exception {
        org.marginscope.data.Bounds before = window.view().windowProperty().get();
        robot.moveTo(screen(0.25, 0.25)).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        org.marginscope.data.Bounds one = window.view().windowProperty().get();
        robot.scroll(6, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        org.marginscope.data.Bounds other = window.view().windowProperty().get();
        // (Monocle's robot and a desktop wheel disagree on the sign, so only ask that the two
        // directions zoom opposite ways, by 10% a notch)
        assertTrue((one.width() - before.width()) * (other.width() - one.width()) < 0, before + " " + one + " " + other);
        double ratio = one.width() / before.width();
        assertTrue(Math.abs(ratio - Math.pow(0.9, 3)) < 1e-6 || Math.abs(ratio - Math.pow(0.9, -3)) < 1e-6, "ratio " + ratio);
        org.marginscope.data.Bounds zoomed = other;
        // the point under the cursor stays put
        double fx = (0.25 - zoomed.xMin()) / zoomed.width(), fxBefore = (0.25 - before.xMin()) / before.width();
        assertEquals(fxBefore, fx, 0.02);
        int points = session().dataset().size();
        Point2D from = screen(0.5, 0.5);
        robot.press(KeyCode.SHIFT).moveTo(from).press(MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY)
                .release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        org.marginscope.data.Bounds panned = window.view().windowProperty().get();
        assertTrue(panned.xMin() < zoomed.xMin(), "dragging right shows what lies left: " + zoomed + " -> " + panned);
        assertEquals(zoomed.width(), panned.width(), 1e-9);
        assertEquals(points, session().dataset().size(), "panning adds no point");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, window.view().windowProperty().get(), "Ctrl+0 fits the data again");
    }

    @Test
    void generatorReplacesTheData(FxRobot robot) throws Exception {
        robot.clickOn("#generator");
        robot.clickOn("moon");
        robot.clickOn("#generate");
        waitUntil(() -> session().dataset().name().startsWith("moon"), "generated off the FX thread, then applied");
        assertEquals(5000, session().dataset().size() + session().dataset().testSize());
    }

    @Test
    void presetMenuLoadsDataNetworkAndTraining(FxRobot robot) throws Exception {
        robot.clickOn("Presets");
        robot.clickOn("Other examples"); // the presets of no paper have their own sub-menu
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("moon-small-net")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("moon-small-net", session().presetProperty().get().name());
        assertEquals("2-32-32-1", session().specProperty().get().toString());
        assertTrue(session().messageProperty().get().contains("moon-small-net"));
    }

    /** A long preset (300,000 steps) says how long its run should take, measured, before Play is pressed. */
    @Test
    void aLongPresetSaysItsMeasuredDurationBeforeItRuns(FxRobot robot) throws Exception {
        // what the Presets menu's item and the gallery's card call (the menu itself: presetMenuLoadsDataNetworkAndTraining)
        WaitForAsyncUtils.asyncFx(() -> window.loadChosenPreset(
                org.marginscope.experiment.PresetLibrary.byName("vdberg-fig14-norm10"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("vdberg-fig14-norm10", session().presetProperty().get().name());
        assertFalse(session().trainer().isRunning(), "loaded paused");
        waitUntil(() -> String.valueOf(session().messageProperty().get()).contains("expected about"),
                "the expected duration in the status line");
        String m = session().messageProperty().get();
        assertTrue(m.startsWith("vdberg-fig14-norm10: 300,000 steps, expected about "), m);
        assertTrue(m.contains("stop rule"), "the preset stops at zero area, so it may end sooner: " + m);
    }

    @Test
    void changingTheArchitectureResetsTheModelAndSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("Network");
        robot.clickOn("#add-layer");
        robot.clickOn("#apply-network");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2-32-2-16-1", session().specProperty().get().toString());
        assertTrue(session().messageProperty().get().contains("reset"), session().messageProperty().get());
        waitUntil(() -> session().trainer().latest().parameters().layers() == 4, "the trainer runs the new network");
        assertEquals(0, session().trainer().latest().step());
    }

    @Test
    void badLearningRateIsMarkedAndNotApplied(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText("Training"))
                .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        double before = session().configProperty().get().learningRate();
        javafx.scene.control.TextField f = robot.lookup("#learning-rate").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(f);
        WaitForAsyncUtils.waitForFxEvents();
        // Monocle since JavaFX 20 never reports its window focused (TestFX issue 749), so check the
        // scene's focus owner, which is where typed keys go
        assertSame(f, f.getScene().getFocusOwner(), "the click gives the field the keyboard");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("-3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, session().configProperty().get().learningRate());
        assertTrue(f.getStyleClass().contains("invalid"), "text '" + f.getText() + "'");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("0.05").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.05, session().configProperty().get().learningRate());
        assertFalse(f.getStyleClass().contains("invalid"));
    }

    /** Every view tab stays on screen whichever is selected (TabTitlesTest: where the titles are cut). */
    @Test
    void everyViewTabStaysInSightWhicheverIsSelected(FxRobot robot) throws Exception {
        String[] ids = {"#tab-regions", "#tab-neurons", "#tab-transformed"};
        for (String selected : ids) {
            robot.clickOn(selected);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node header = robot.lookup(selected).query();
            javafx.scene.Parent pane = header.getParent();
            while (!(pane instanceof javafx.scene.control.TabPane)) {
                pane = pane.getParent();
            }
            javafx.geometry.Bounds area = pane.localToScreen(pane.getLayoutBounds());
            double previousRight = Double.NEGATIVE_INFINITY;
            for (String id : new String[] {"#tab-transformed", "#tab-neurons", "#tab-regions"}) {
                javafx.scene.Node h = robot.lookup(id).query();
                javafx.geometry.Bounds b = h.localToScreen(h.getLayoutBounds());
                assertTrue(b.getMinX() >= area.getMinX() - 0.5 && b.getMaxX() <= area.getMaxX() + 0.5,
                        id + " inside the pane (" + area.getMinX() + ".." + area.getMaxX() + ") with " + selected
                                + " selected: " + b.getMinX() + ".." + b.getMaxX());
                assertTrue(b.getMinX() >= previousRight - 0.5, id + " after the tab before it");
                previousRight = b.getMaxX();
            }
        }
    }
}
