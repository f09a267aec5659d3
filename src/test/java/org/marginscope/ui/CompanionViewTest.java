package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.marginscope.render.BoundaryFrame;
import org.marginscope.render.Contours;
import org.marginscope.render.FieldShading;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.charts.MetricChart;
import org.marginscope.ui.views.BoundaryView;

/**
 * Nar Fig 2 in the app: the differential-training companion's boundary is drawn beside the network's,
 * the margins and confidence charts follow the snapshots, and the View menu switches the overlay and
 * the confidence shading.
 */
class CompanionViewTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "nar-fig2";
    }

    private Snapshot trained(long steps) throws Exception {
        window.session().trainer().pause();
        window.session().trainer().step(steps);
        window.session().trainer().awaitIdle();
        Snapshot s = window.session().trainer().latest();
        waitUntil(() -> window.view().currentFrame() != null && window.view().currentFrame().step() == s.step()
                && window.view().currentFrame().viewport().nx() > 100, "the full frame of step " + s.step());
        return s;
    }

    private int pixel(double x, double y) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> window.view().snapshotImage()).get(10, TimeUnit.SECONDS);
        BoundaryView v = window.view();
        return img.getPixelReader().getArgb((int) Math.round(v.sx(x)), (int) Math.round(v.sy(y)));
    }

    private static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF), dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** A point of the companion's boundary at least {@code apart} data units from every main-boundary segment. */
    private static double[] companionPointAwayFromMain(BoundaryFrame f, double apart) {
        List<Contours.Segment> main = f.boundary();
        for (Contours.Segment s : f.companions().get(0).segments()) {
            double mx = (s.x0() + s.x1()) / 2, my = (s.y0() + s.y1()) / 2;
            boolean far = main.stream().allMatch(m -> Math.hypot((m.x0() + m.x1()) / 2 - mx, (m.y0() + m.y1()) / 2 - my) > apart);
            if (far && mx > -15 && mx < 60 && my > -5 && my < 70) {
                return new double[] {mx, my};
            }
        }
        return null;
    }

    @Test
    void theDifferentialTrainingBoundaryIsDrawnAndTheMenuHidesIt(FxRobot robot) throws Exception {
        trained(3000);
        BoundaryFrame f = window.view().currentFrame();
        assertEquals(1, f.companions().size());
        assertEquals("differential training", f.companions().get(0).label());
        double[] p = companionPointAwayFromMain(f, 10);
        assertNotNull(p, "the two boundaries part somewhere in the plot");
        int purple = 0xFF7B3294;
        assertTrue(distance(pixel(p[0], p[1]), purple) < 80, String.format("companion line at (%.1f, %.1f): %08X",
                p[0], p[1], pixel(p[0], p[1])));
        robot.clickOn("View").clickOn("Boundaries of the networks trained beside it");
        waitUntil(() -> !window.view().showCompanionsProperty().get(), "the menu switches the overlay off");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the next pulse redraws the field
        assertTrue(distance(pixel(p[0], p[1]), purple) > 80, "no purple line once it is off");
    }

    @Test
    void marginAndConfidenceChartsFollowTheSnapshots(FxRobot robot) throws Exception {
        Snapshot s = trained(5000);
        waitUntil(() -> window.charts().paperChart("margins-chart") != null
                && !window.charts().paperChart("margins-chart").values("ce").isEmpty()
                && window.charts().paperChart("margins-chart").values("ce").size()
                        == window.charts().paperChart("margins-chart").values("diff").size(), "the margins chart");
        waitUntil(() -> {
            var ce = window.charts().paperChart("margins-chart").values("ce");
            return Math.abs(ce.get(ce.size() - 1) - s.metric("ce_margin")) < 1e-9;
        }, "the chart's last ce margin is the snapshot's");
        MetricChart margins = window.charts().paperChart("margins-chart");
        List<Double> diff = margins.values("diff"), ce = margins.values("ce");
        assertTrue(diff.get(diff.size() - 1) > ce.get(ce.size() - 1), "differential training's margin is larger");
        assertTrue(window.charts().paperChart("ensemble-chart") == null, "no ensemble here");
        MetricChart conf = window.charts().paperChart("confidence-chart");
        assertNotNull(conf);
        for (double v : conf.values("mean confidence")) {
            assertTrue(v >= 0.5 && v <= 1, "confidence " + v);
        }
    }

    @Test
    void confidenceShadingDarkensThePlaneAwayFromTheBoundary(FxRobot robot) throws Exception {
        trained(20000);
        robot.clickOn("View").clickOn("Confidence shading (Nar Remark 2)");
        waitUntil(() -> window.view().currentFrame().shading() == FieldShading.CONFIDENCE
                && window.view().currentFrame().viewport().nx() > 100, "a confidence frame");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        // a point far from the boundary (right of the blue class; the corners hold the legend and the colour bar) against a point on the boundary itself
        BoundaryFrame f = window.view().currentFrame();
        Contours.Segment onBoundary = f.boundary().get(f.boundary().size() / 2);
        int far = pixel(62, 30);
        int near = pixel((onBoundary.x0() + onBoundary.x1()) / 2 + 1.5, (onBoundary.y0() + onBoundary.y1()) / 2);
        int dark = 0xFF2F3E62;
        assertTrue(distance(far, dark) < distance(near, dark) - 60, String.format("far %08X, near %08X", far, near));
    }
}
