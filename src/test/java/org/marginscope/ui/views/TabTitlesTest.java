package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * The view tabs' titles: whole where they fit (the default window cut "Transformed space" although the pane had
 * room for all three), the short ones whole and the long ones cut alike where they do not, and always in sight.
 */
class TabTitlesTest extends AppWindowTest {
    @Test
    void titlesAreCutOnlyAsFarAsThePaneNeeds() {
        double[] natural = {120, 55, 150};
        assertEquals(Double.MAX_VALUE, TabTitles.maxTitleWidth(325, natural), "all fit");
        assertEquals(125, TabTitles.maxTitleWidth(300, natural), 1e-9, "55 and 120 whole, 150 gets the 125 left");
        assertEquals(100, TabTitles.maxTitleWidth(255, natural), 1e-9, "the short one whole, two of 100");
        assertEquals(50, TabTitles.maxTitleWidth(150, natural), 1e-9, "all three cut alike");
    }

    /** Each view tab's title as drawn (cut ones end with an ellipsis) and where its header is on screen. */
    private List<String> shownTitles(FxRobot robot, List<Bounds> where) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> shown = new ArrayList<>();
            for (String id : new String[] {"#tab-transformed", "#tab-neurons", "#tab-regions"}) {
                Node header = robot.lookup(id).query();
                Labeled label = (Labeled) header.lookup(".tab-label");
                shown.add(((Text) label.lookup(".text")).getText());
                where.add(header.localToScreen(header.getLayoutBounds()));
            }
            return shown;
        }).get(10, TimeUnit.SECONDS);
    }

    private static TabPane viewTabs(FxRobot robot) {
        Node n = robot.lookup("#tab-neurons").query();
        while (!(n instanceof TabPane)) {
            n = n.getParent();
        }
        return (TabPane) n;
    }

    @Test
    void atTheDefaultSizeEveryTitleIsWholeAndNarrowerTheyAreCutInSight(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TabPane pane = viewTabs(robot);
        List<String> whole = pane.getTabs().stream().map(javafx.scene.control.Tab::getText).toList();
        assertEquals(whole, shownTitles(robot, new ArrayList<>()), "at 1400 x 860");

        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().setWidth(900)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> where = new ArrayList<>();
        List<String> shown = shownTitles(robot, where);
        assertTrue(!shown.get(0).equals(whole.get(0)) && shown.get(0).endsWith("..."), "at 900 px the first is cut: " + shown);
        assertEquals(whole.get(1), shown.get(1), "the short title stays whole");
        assertInSight(pane, where, shown);

        // a larger font, and with it the headers' padding (presentation mode's style does this): cut, not scrolled
        WaitForAsyncUtils.asyncFx(() -> {
            pane.setStyle("-fx-font-size: 22px;");
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        where.clear();
        shown = shownTitles(robot, where);
        assertTrue(shownFont(pane) > 20, "the style took");
        assertInSight(pane, where, shown);
    }

    private static double shownFont(TabPane pane) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Labeled) pane.lookup(".tab-label")).getFont().getSize())
                .get(10, TimeUnit.SECONDS);
    }

    private static void assertInSight(TabPane pane, List<Bounds> where, List<String> shown) {
        Bounds area = pane.localToScreen(pane.getLayoutBounds());
        double right = area.getMinX() - 0.5;
        for (Bounds b : where) {
            assertTrue(b.getMinX() >= right && b.getMaxX() <= area.getMaxX() + 0.5, "tab headers at " + where
                    + " not in order inside the pane (" + area.getMinX() + ".." + area.getMaxX() + "): " + shown);
            right = b.getMaxX() - 0.5;
        }
    }
}
