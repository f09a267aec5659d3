package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Poggio Fig 3 in the app: the spectrum chart appears for a wide last hidden layer and plots the frame's PCA. */
class SpectrumChartTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "moon-small-net"; // two tanh layers of 32: the transformed space is 32-D
    }

    @Test
    void theChartPlotsTheShownFramesCumulativeVarianceAndHidesForAPlane(FxRobot robot) throws Exception {
        var tr = window.session().trainer();
        tr.step(300);
        tr.awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().step() == tr.latest().step(), "the frame of step 300");
        Node chart = robot.lookup("#spectrum-chart").query();
        waitUntil(chart::isVisible, "shown for a 32-D transformed space");
        double[] c = window.transformedView().currentFrame().spectrum();
        assertEquals(32, c.length);
        waitUntil(() -> {
            try {
                List<Double> v = WaitForAsyncUtils.asyncFx(() -> window.charts().spectrumValues()).get(5, TimeUnit.SECONDS);
                return v.size() == 32 && v.get(0) == c[0] && v.get(31) == c[31];
            } catch (Exception e) {
                return false;
            }
        }, "the chart plots the frame's spectrum");
        for (int i = 1; i < c.length; i++) {
            assertTrue(c[i] >= c[i - 1] - 1e-12, "cumulative: non-decreasing");
        }
        assertEquals(1, c[c.length - 1], 1e-9, "all components hold all the variance");
        assertTrue(c[0] > 0 && c[0] < 1, "a first component with part of it: " + c[0]);
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("li-blob-small-net")))
                .get(10, TimeUnit.SECONDS);
        tr.step(50);
        tr.awaitIdle();
        waitUntil(() -> window.transformedView().currentFrame() != null
                && window.transformedView().currentFrame().spectrum() == null, "a 2-D transformed space");
        waitUntil(() -> !chart.isVisible(), "no spectrum for a plane");
    }
}
