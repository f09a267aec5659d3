package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.experiment.NeuronFigure;
import org.marginscope.model.Parameters;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * The neuron view of the default net (not Sarussi-shaped): hovering a unit's dot draws that unit's hyperplane
 * on the original view, leaving it takes it away, a click pins it, and the Regions tab's unit maps ring its map.
 */
class NeuronHighlightTest extends AppWindowTest {
    /** Pixels of the canvas within 40 of the highlight colour in every channel. */
    private static int highlightPixels(Canvas c) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        int n = 0, want = NeuronFigure.HIGHLIGHT;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                int p = img.getPixelReader().getArgb(x, y);
                boolean near = true;
                for (int s = 0; s <= 16; s += 8) {
                    near &= Math.abs(((p >> s) & 0xFF) - ((want >> s) & 0xFF)) <= 40;
                }
                n += near ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void hoveringAUnitDrawsItsHyperplaneAndAClickPinsItForTheRegionsTab(FxRobot robot) throws Exception {
        window.session().trainer().step(200);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.asyncFx(() -> window.showTab("Neurons")).get(5, TimeUnit.SECONDS);
        NeuronView nv = window.neuronView();
        waitUntil(() -> nv.current() != null && nv.current().map() != null && nv.current().snapshot().step() == 200
                && nv.screenPoint(0) != null, "the neuron view's frame of step 200");
        var frame = nv.current();
        assertNull(frame.why(), "any net gets a neuron view");
        assertEquals(32, frame.units(), "li-blob-small-net's first layer");
        Parameters p = frame.snapshot().parameters();
        Bounds b = window.view().windowProperty().get();
        // a unit whose line crosses the view and whose dot is farthest from every other dot
        int unit = -1;
        double room = 0;
        for (int i = 0; i < frame.units(); i++) {
            double a = p.weight(0, 0, i), bb = p.weight(0, 1, i), c = p.bias(0, i);
            double[] corners = {a * b.xMin() + bb * b.yMin() + c, a * b.xMax() + bb * b.yMin() + c,
                    a * b.xMin() + bb * b.yMax() + c, a * b.xMax() + bb * b.yMax() + c};
            boolean crosses = java.util.Arrays.stream(corners).min().getAsDouble() < 0
                    && java.util.Arrays.stream(corners).max().getAsDouble() > 0;
            double[] at = nv.screenPoint(i);
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < frame.units(); j++) {
                if (j != i) {
                    double[] o = nv.screenPoint(j);
                    nearest = Math.min(nearest, Math.hypot(o[0] - at[0], o[1] - at[1]));
                }
            }
            if (crosses && nearest > room) {
                room = nearest;
                unit = i;
            }
        }
        assertTrue(unit >= 0 && room > 4, "a hoverable unit whose hyperplane crosses the view: " + unit + ", " + room);
        Canvas field = window.view().fieldCanvas();
        int before = highlightPixels(field);

        Canvas canvas = robot.lookup("#neuron-canvas").queryAs(Canvas.class);
        double[] dot = nv.screenPoint(unit);
        Point2D onScreen = canvas.localToScreen(dot[0], dot[1]);
        robot.moveTo(onScreen);
        final int u = unit;
        waitUntil(() -> window.view().highlightedPlane() != null, "a hyperplane on the original view");
        // the unit's pre-activation w1 x + w2 y + b, read from the snapshot's weights
        assertArrayEquals(new double[] {p.weight(0, 0, u), p.weight(0, 1, u), p.bias(0, u)},
                window.view().highlightedPlane(), 1e-12);
        assertEquals(new NeuronView.Unit(0, u), nv.highlightProperty().get());
        waitUntil(() -> {
            try {
                return highlightPixels(field) > before + 200;
            } catch (Exception e) {
                return false;
            }
        }, "the highlighted line drawn across the original view (" + before + " pixels before)");

        // leaving the dot for empty space takes the line away
        robot.moveTo(canvas.localToScreen(canvas.getWidth() - 4, 4));
        waitUntil(() -> window.view().highlightedPlane() == null, "the line goes when the mouse leaves the unit");
        waitUntil(() -> {
            try {
                return highlightPixels(field) <= before + 20;
            } catch (Exception e) {
                return false;
            }
        }, "no highlighted line left on the original view");

        // a click pins it: it stays when the mouse moves on, and the Regions tab's unit maps ring its map
        robot.moveTo(onScreen).clickOn(MouseButton.PRIMARY);
        robot.moveTo(canvas.localToScreen(canvas.getWidth() - 4, 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.view().highlightedPlane(), "a clicked unit stays highlighted");
        WaitForAsyncUtils.asyncFx(() -> window.showRegions("units")).get(5, TimeUnit.SECONDS);
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().highlightedPanel() != null,
                "the unit maps ring the pinned unit's map");
        Canvas ring = robot.lookup("#regions-hover").queryAs(Canvas.class);
        double[] panel = window.regionsView().highlightedPanel();
        assertTrue(highlightPixels(ring) > 4 * panel[2], "a frame around the map: " + highlightPixels(ring)
                + " pixels for a side of " + panel[2]);
    }
}
