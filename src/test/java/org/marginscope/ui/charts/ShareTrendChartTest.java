package org.marginscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.DecadeTrend;
import org.marginscope.experiment.probes.ClusterTrend;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Sarussi Fig 1 in the app: the regime chart draws the non-linear share's per-decade trend and names it in its title. */
class ShareTrendChartTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "sarussi-fig1-small-init";
    }

    @Test
    void regimeChartShowsTheTrendOfTheLastTwoDecades(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        window.session().trainer().step(3000);
        window.session().trainer().awaitIdle();
        Snapshot s = window.session().trainer().latest();
        DecadeTrend expected = ClusterTrend.shareTrend(window.session().trainer().timeline().snapshots(), s.step());
        waitUntil(() -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> window.charts().regimeTitle().contains("/decade")
                        && window.charts().maxPlottedStep() == s.step()).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return false;
            }
        }, "the regime chart up to step " + s.step());
        List<Double> line = WaitForAsyncUtils.asyncFx(() -> window.charts().shareTrendValues()).get(5, TimeUnit.SECONDS);
        String title = WaitForAsyncUtils.asyncFx(() -> window.charts().regimeTitle()).get(5, TimeUnit.SECONDS);
        assertEquals(2, line.size());
        assertEquals(expected.at(expected.toStep()), line.get(1), 1e-9);
        assertTrue(title.contains(String.format(java.util.Locale.ROOT, "%+.3f/decade", expected.slopePerDecade())), title);
    }
}
