package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.RegionsFigure;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * Issue 22: the Regions tab's header lines ran past its right edge in a narrow window. They are cut with an
 * ellipsis as the transformed view's are - checked by measuring each drawn line in its font and by reading the
 * pixels at the right edge of the header - and the tooltip holds the full lines.
 */
class RegionsHeaderFitTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "li-blob-small-net";
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNarrowRegionsTabCutsItsHeaderAndTheTooltipHoldsTheFullText(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        robot.clickOn("Regions (van den Berg)");
        fx(() -> {
            window.regionsView().setMode(RegionsFigure.Mode.LINEAR);
            window.scene().getWindow().setWidth(760);
            return null;
        });
        RegionsView view = window.regionsView();
        Canvas canvas = robot.lookup("#regions-canvas").queryAs(Canvas.class);
        waitUntil(() -> view.current() != null && view.current().linear() != null
                && view.current().linear().regions() != null && canvas.getWidth() < 500, "a linear-regions frame, narrow");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> full = fx(() -> view.header().fullLines());
        assertEquals(2, full.size(), "the heading and the count go through the header: " + full);
        List<String> drawn = fx(() -> view.header().drawnLines());
        List<Font> fonts = fx(() -> view.header().fonts());
        double width = canvas.getWidth();
        assertTrue(full.get(1).matches("[\\d,]+ linear regions? over the view; [\\d,]+ holds? training points"), full.get(1));
        int cut = 0;
        for (int i = 0; i < drawn.size(); i++) {
            String line = drawn.get(i);
            Font font = fonts.get(i);
            double w = fx(() -> ViewCanvas.textWidth(line, font));
            assertTrue(12 + w <= width, "line " + i + " (" + w + " px) fits the view (" + width + " px): " + line);
            if (!line.equals(full.get(i))) {
                cut++;
                assertTrue(line.endsWith(CanvasHeader.ELLIPSIS), "a cut line ends with an ellipsis: " + line);
                assertTrue(full.get(i).startsWith(line.substring(0, line.length() - 1)), "the cut line starts the full one");
            }
        }
        double fullWidth = fx(() -> ViewCanvas.textWidth(full.get(1), fonts.get(1)));
        assertTrue(12 + fullWidth > width, "the test needs a view (" + width + " px) narrower than the count line ("
                + fullWidth + " px)");
        assertTrue(cut > 0, "at " + width + " px the count line is cut: " + drawn);
        assertEquals(String.join("\n", full), view.header().tooltip().getText(), "the tooltip holds the full header");

        // no header text reaches the right edge: the last 6 columns of the header rows hold no dark pixels
        WritableImage img = fx(() -> canvas.snapshot(null, null));
        PixelReader r = img.getPixelReader();
        int dark = 0, w = (int) img.getWidth();
        for (int y = 0; y < 40; y++) {
            for (int x = w - 6; x < w; x++) {
                int argb = r.getArgb(x, y);
                dark += ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF) < 450 ? 1 : 0;
            }
        }
        assertEquals(0, dark, "dark pixels at the header's right edge");
    }
}
