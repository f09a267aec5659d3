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
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/**
 * Issue 22: in a narrow layout the transformed view's header lines ran past its right edge. Each line is now cut
 * with an ellipsis to the view's width - checked by measuring the drawn text and by reading the pixels at the
 * right edge of the header - and the tooltip holds the full lines.
 */
class HeaderFitTest extends AppWindowTest {
    @Test
    void aNarrowTransformedViewCutsItsHeaderAndTheTooltipHoldsTheFullText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().setWidth(820)).get(10, TimeUnit.SECONDS);
        TransformedView view = window.transformedView();
        Canvas canvas = robot.lookup("#transformed-canvas").queryAs(Canvas.class);
        waitUntil(() -> view.currentFrame() != null && view.header().fullLines().size() >= 3
                && canvas.getWidth() < 500, "a frame with its header in a narrow view");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> drawn = WaitForAsyncUtils.asyncFx(() -> view.header().drawnLines()).get(10, TimeUnit.SECONDS);
        List<String> full = WaitForAsyncUtils.asyncFx(() -> view.header().fullLines()).get(10, TimeUnit.SECONDS);
        double width = canvas.getWidth();
        Font font = Font.font(12);
        int cut = 0;
        for (int i = 0; i < drawn.size(); i++) {
            String line = drawn.get(i);
            double w = WaitForAsyncUtils.asyncFx(() -> ViewCanvas.textWidth(line, font)).get(10, TimeUnit.SECONDS);
            assertTrue(8 + w <= width, "line " + i + " (" + w + " px) fits the view (" + width + " px): " + drawn.get(i));
            if (!drawn.get(i).equals(full.get(i))) {
                cut++;
                assertTrue(drawn.get(i).endsWith(CanvasHeader.ELLIPSIS), "a cut line ends with an ellipsis: " + drawn.get(i));
                String head = drawn.get(i).substring(0, drawn.get(i).length() - 1);
                assertTrue(full.get(i).startsWith(head), "the cut line is the start of the full one");
            }
        }
        assertTrue(cut > 0, "at " + width + " px some header line is too long to fit: " + full);
        assertEquals(String.join("\n", full), view.header().tooltip().getText(), "the tooltip holds the full header");
        assertTrue(full.get(0).startsWith("Transformed space"), full.get(0));

        // no header text reaches the right edge: the last 6 columns of the header rows are free of dark pixels
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        PixelReader r = img.getPixelReader();
        int dark = 0;
        int w = (int) img.getWidth();
        for (int y = 0; y < 4 + 16 * drawn.size(); y++) {
            for (int x = w - 6; x < w; x++) {
                int argb = r.getArgb(x, y);
                int sum = ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
                dark += sum < 450 ? 1 : 0;
            }
        }
        assertEquals(0, dark, "dark pixels at the header's right edge");
    }
}
