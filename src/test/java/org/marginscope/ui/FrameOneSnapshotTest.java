package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.LinearRegime;
import org.marginscope.render.OriginalPainter;
import org.marginscope.train.Snapshot;

/**
 * A frame of the original view is built from one snapshot, overlays included (Sarussi's cones here): its overlay is
 * the one of that snapshot, and it paints the same picture after the session has moved on to another one.
 */
class FrameOneSnapshotTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "sarussi-fig1-small-init";
    }

    private BufferedImage paint(BoundaryFrame f) {
        var area = new OriginalPainter.PlotArea(52, 12, 400, 300, f.viewport().bounds());
        var style = new OriginalPainter.Style(true, true, 1, "this network");
        return FigureWriter.raster(OriginalPainter.figure(470, 350, area, f, style, null, window.session().dataset(), 7,
                12), 1);
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aFrameBuiltFromSnapshotAPaintsTheSameAfterTheSessionMovesToB() throws Exception {
        var tr = window.session().trainer();
        var data = window.session().dataset();
        tr.pause();
        Snapshot a = tr.latest();
        waitUntil(() -> window.view().currentFrame() != null && window.view().currentFrame().step() == a.step()
                && window.view().currentFrame().linearRegime() != null, "the frame of snapshot A with its cones");
        BoundaryFrame f = window.view().currentFrame();
        LinearRegime fromA = LinearRegime.of(a.spec(), a.parameters(), data, null);
        assertArrayEquals(fromA.classifierLine(), f.linearRegime().classifierLine(), 1e-12, "the frame's cones are A's");
        assertArrayEquals(fromA.inside(), f.linearRegime().inside());
        int[] before = pixels(paint(f));

        tr.step(2000);
        tr.awaitIdle();
        Snapshot b = tr.latest();
        waitUntil(() -> window.session().shown() == b && window.view().currentFrame().step() == b.step(),
                "the session and the view at snapshot B");
        LinearRegime fromB = LinearRegime.of(b.spec(), b.parameters(), data, null);
        assertNotNull(fromB);
        assertFalse(Arrays.equals(fromA.inside(), fromB.inside()) && Arrays.equals(fromA.classifierLine(),
                fromB.classifierLine()), "B's cones differ from A's, so a picture mixing the two would show");
        assertArrayEquals(fromB.inside(), window.view().currentFrame().linearRegime().inside(), "the new frame is B's");
        assertTrue(Arrays.equals(before, pixels(paint(f))), "frame A painted again, after the move to B: the same pixels");
    }
}
