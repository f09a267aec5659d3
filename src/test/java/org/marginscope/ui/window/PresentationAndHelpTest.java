package org.marginscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.TourLibrary;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.Theme;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.ViewCanvas;

/** Presentation mode, themes and the Help menu, driven like a user drives them. */
class PresentationAndHelpTest extends AppWindowTest {
    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** The largest font of the tick labels of the loss chart's axes (what the back row must read). */
    private double tickFont() throws Exception {
        return fx(() -> window.scene().getRoot().lookup("#loss-chart").lookupAll(".axis").stream()
                .flatMap(a -> ((javafx.scene.Parent) a).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof Text).mapToDouble(n -> ((Text) n).getFont().getSize()).max().orElse(0));
    }

    private double narrationFont(FxRobot robot) {
        return robot.lookup("#tour-narration").queryAs(Label.class).getFont().getSize();
    }

    @Test
    void presentationModeAt1920x1080HasLargerTextAndOnlyTheViews(FxRobot robot) throws Exception {
        System.setProperty("marginscope.windowedPresentation", "true");
        try {
            Stage stage = (Stage) window.scene().getWindow();
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1920);
                stage.setHeight(1080);
                window.openTour(TourLibrary.byId("li"));
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            double normalText = narrationFont(robot), normalTicks = tickFont();
            assertTrue(robot.lookup("#toolbar").tryQuery().isPresent(), "the toolbar is there in normal mode");
            robot.clickOn("#tour-narration").type(KeyCode.F11);
            waitUntil(() -> window.presentationProperty().get(), "F11 enters presentation mode");
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(400); // a layout pass applies the style sheet
            WaitForAsyncUtils.waitForFxEvents();
            double bigText = narrationFont(robot), bigTicks = tickFont();
            assertTrue(bigText >= 1.5 * normalText, "narration " + normalText + " -> " + bigText);
            assertTrue(bigTicks >= 1.3 * normalTicks, "axis ticks " + normalTicks + " -> " + bigTicks);
            assertTrue(robot.lookup("#toolbar").tryQuery().isEmpty(), "controls are folded away");
            assertTrue(robot.lookup("#menu-bar").tryQuery().isEmpty(), "the menus too");
            assertTrue(robot.lookup("#play").tryQuery().isEmpty());
            assertTrue(robot.lookup("#tour-panel").query().isVisible(), "the narration stays");
            assertTrue(window.view().presentationScale() > 1.5, "markers and lines grow with the text");
            // the screenshot: the window's own snapshot function at 1920 x 1080
            Path shot = Path.of("target", "presentation-1920x1080.png");
            Files.createDirectories(shot.getParent());
            WaitForAsyncUtils.asyncFx(() -> {
                try {
                    window.saveScreenshot(shot, null, 1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(shot.toFile());
            assertEquals(1920, img.getWidth());
            assertEquals(1080, img.getHeight());
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> !window.presentationProperty().get(), "Esc leaves it");
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#toolbar").tryQuery().isPresent(), "the controls come back");
            assertEquals(normalText, narrationFont(robot), 0.01);
        } finally {
            System.clearProperty("marginscope.windowedPresentation");
        }
    }

    @Test
    void theShortcutListIsTheKeysTheWindowActuallyBinds(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        String text = robot.lookup("#shortcuts-text").queryAs(TextArea.class).getText();
        for (KeyBindings.Binding b : window.keyBindings().all()) {
            assertTrue(text.contains(b.description()), "lists " + b.description());
        }
        for (String accel : new String[] {"Ctrl+Z", "Ctrl+Shift+S", "Ctrl+E", "F1"}) {
            assertTrue(text.contains(accel), "lists the menu accelerator " + accel);
        }
        assertTrue(text.contains("Edit > Undo") && text.contains("File > Save project"), text);
        robot.type(KeyCode.ESCAPE);
        // each key the list names does what the list says: read the key off the list, press it
        String erase = text.lines().filter(l -> l.contains("tool: erase points")).findFirst().orElseThrow();
        String add = text.lines().filter(l -> l.contains("tool: add points")).findFirst().orElseThrow();
        robot.clickOn("#tab-transformed");
        robot.type(KeyCode.valueOf(erase.strip().split("\\s+")[0]));
        waitUntil(() -> window.view().toolProperty().get() == BoundaryView.Tool.ERASE, erase);
        robot.type(KeyCode.valueOf(add.strip().split("\\s+")[0]));
        waitUntil(() -> window.view().toolProperty().get() == BoundaryView.Tool.ADD, add);
    }

    @Test
    void aboutNamesTheVersionsTheBackendAndThePapers(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("About MarginScope");
        String v = robot.lookup("#about-versions").queryAs(Label.class).getText();
        assertTrue(v.contains("ND4J 1.0.0-M2.1"), v);
        assertTrue(v.contains("JavaFX 21"), v);
        assertTrue(v.contains("backend: CPU") || v.contains("backend: CUDA"), v);
        assertTrue(v.contains("Java " + Runtime.version().feature()), v);
        assertFalse(v.contains("unknown"), "the build filled in every version: " + v);
        long papers = robot.lookup("#about-dialog").queryAs(javafx.scene.control.DialogPane.class).lookupAll(".hyperlink")
                .stream().filter(n -> n instanceof Hyperlink).count();
        assertEquals(5, papers, "a link to each paper");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theDarkThemeAppliesAndIsRememberedForTheNextRun(FxRobot robot) throws Exception {
        try {
            robot.clickOn("View").clickOn("Theme").clickOn("Dark");
            waitUntil(() -> window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")), "dark sheet");
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            Button reset = robot.lookup("#reset").queryAs(Button.class);
            javafx.scene.paint.Paint bg = fx(() -> reset.getBackground().getFills().get(reset.getBackground().getFills().size() - 1).getFill());
            double brightness = bg instanceof javafx.scene.paint.Color c ? c.getBrightness()
                    : ((javafx.scene.paint.LinearGradient) bg).getStops().get(0).getColor().getBrightness();
            assertTrue(brightness < 0.5, "a dark button: " + bg);
            assertEquals(Theme.DARK, Theme.saved(), "persisted for the next start");
        } finally {
            fx(() -> {
                window.themeProperty().set(Theme.LIGHT);
                return null;
            });
        }
        assertEquals(Theme.LIGHT, Theme.saved());
        assertNull(fx(() -> window.highlighted()));
    }

    /**
     * JavaFX draws a region with several background fills from a cached image stretched in nine slices,
     * which its software pipeline does slowly; under the views that made every scrub's repaint ~3x
     * slower (docs/performance.md, "Scrubbing"). Every region the views sit in keeps to one fill.
     */
    @Test
    void theViewsSitOnRegionsWithOneBackgroundFillInEveryTheme() throws Exception {
        try {
            for (Theme t : Theme.values()) {
                java.util.List<String> heavy = fx(() -> {
                    window.themeProperty().set(t);
                    window.scene().getRoot().applyCss();
                    java.util.List<String> found = new java.util.ArrayList<>();
                    for (javafx.scene.Node view : new javafx.scene.Node[] {window.view(), window.transformedView()}) {
                        for (javafx.scene.Parent p = view.getParent(); p != null; p = p.getParent()) {
                            if (p instanceof javafx.scene.layout.Region r && r.getBackground() != null
                                    && r.getBackground().getFills().size() > 1) {
                                found.add(r.getClass().getSimpleName() + r.getStyleClass());
                            }
                        }
                    }
                    return found;
                });
                assertTrue(heavy.isEmpty(), t + ": regions under the views with several fills: " + heavy);
            }
        } finally {
            fx(() -> {
                window.themeProperty().set(Theme.LIGHT);
                return null;
            });
        }
    }

    /**
     * Under a view's plot the tick labels hang from 7 px below the axis (text top there) and the axis name
     * stands on the canvas's bottom edge (text bottom there): at every text size the views use, normal to
     * presentation mode's, the ink of the two, measured in the real font, stays apart in proportion to the text.
     */
    @Test
    void theAxisNameClearsTheTickLabelsAtEveryTextSize() throws Exception {
        for (double scale : new double[] {1, 1.25, 1.8}) {
            double size = ViewCanvas.axisFontSize(scale);
            double[] ink = fx(() -> {
                Text ticks = new Text("0123456789.-");
                ticks.setFont(javafx.scene.text.Font.font(size));
                ticks.setTextOrigin(javafx.geometry.VPos.TOP);
                ticks.setBoundsType(javafx.scene.text.TextBoundsType.VISUAL);
                Text name = new Text("x\u2081 x\u2082 \u03b4\u2081 \u03b4\u2082 PC 1");
                name.setFont(javafx.scene.text.Font.font(size));
                name.setTextOrigin(javafx.geometry.VPos.BOTTOM);
                name.setBoundsType(javafx.scene.text.TextBoundsType.VISUAL);
                return new double[] {ticks.getLayoutBounds().getMaxY(), name.getLayoutBounds().getMinY()};
            });
            double margin = ViewCanvas.bottomMargin(34, size); // both views' base room under the plot
            double ticksEnd = 7 + ink[0], nameStart = margin - 1 + ink[1];
            // at 12 px the two are 0.65 em apart; cramped below 0.4 em (3 px at 15 px read as one line)
            assertTrue(nameStart - ticksEnd >= 0.4 * size, "at " + size + " px: tick labels' ink ends " + ticksEnd
                    + " px below the axis, the axis name's starts at " + nameStart);
        }
    }
}
