package org.marginscope.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.marginscope.analysis.GradientVariance;
import org.marginscope.analysis.GradientVariance.Curve;
import org.marginscope.analysis.GradientVariance.Result;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.Settings;

/** van den Berg Fig 18 in the app: Model > Gradient variance plots what the analysis computes for the weights shown. */
class GradientVarianceUiTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "vdberg-fig14-norm1";
    }

    private GradientVarianceWindow tool(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        for (var m : bar.getMenus()) {
            for (MenuItem mi : m.getItems()) {
                if ("gradient-variance".equals(mi.getId())) {
                    return (GradientVarianceWindow) mi.getUserData();
                }
            }
        }
        throw new AssertionError("no Gradient variance item in the menus");
    }

    @Test
    void theMenuOpensTheToolAndItPlotsTheAnalysisResult(FxRobot robot) throws Exception {
        var tr = window.session().trainer();
        tr.sync();
        tr.awaitIdle();
        robot.clickOn("Model");
        robot.clickOn(GradientVarianceWindow.MENU_TEXT);
        GradientVarianceWindow tool = tool(robot);
        waitUntil(() -> tool.resultProperty().get() != null, "the computation finishes");
        Result shown = tool.resultProperty().get();
        // the same computation, here: the plot must carry exactly these numbers
        Snapshot s = window.session().shown();
        GradientVariance.Settings settings = WaitForAsyncUtils.asyncFx(tool::settings).get(5, TimeUnit.SECONDS);
        Result want = GradientVariance.compute(s.spec(), s.parameters(),
                window.session().configProperty().get().lossFunction(), window.session().dataset(), settings, null, null);
        assertEquals(4, want.curves().size(), "factors 1, 2, 4, 8");
        assertEquals(want.sqrtFit(), shown.sqrtFit(), 0);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> cv = robot.lookup("#gv-cv-chart").queryAs(LineChart.class);
        List<XYChart.Series<Number, Number>> series = WaitForAsyncUtils.asyncFx(() -> List.copyOf(cv.getData()))
                .get(5, TimeUnit.SECONDS);
        assertEquals(8, series.size(), "points and fitted line per factor");
        for (int f = 0; f < 4; f++) {
            Curve c = want.curves().get(f);
            var pts = series.get(2 * f).getData();
            assertEquals(c.batchSizes().length, pts.size());
            assertEquals(1024, c.batchSizes()[c.batchSizes().length - 1]);
            for (int i = 0; i < pts.size(); i++) {
                assertEquals(c.batchSizes()[i], pts.get(i).getXValue().intValue());
                assertEquals(c.cv()[i], pts.get(i).getYValue().doubleValue(), 0, "factor " + c.factor() + ", N " + c.batchSizes()[i]);
            }
            var fit = series.get(2 * f + 1).getData();
            assertEquals(c.c(), fit.get(0).getYValue().doubleValue(), 1e-12, "the fitted line at N = 1 is c");
            assertEquals(c.c() / 32, fit.get(1).getYValue().doubleValue(), 1e-12, "and c/32 at N = 1024");
        }
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> cw = robot.lookup("#gv-cw-chart").queryAs(LineChart.class);
        var cPoints = WaitForAsyncUtils.asyncFx(() -> List.copyOf(cw.getData().get(0).getData())).get(5, TimeUnit.SECONDS);
        for (int f = 0; f < 4; f++) {
            assertEquals(want.curves().get(f).weightNorm(), cPoints.get(f).getXValue().doubleValue(), 1e-12);
            assertEquals(want.curves().get(f).c(), cPoints.get(f).getYValue().doubleValue(), 0);
        }
        assertTrue(want.curves().get(3).c() > want.curves().get(0).c(), "c grows with w");
        Label status = robot.lookup("#gv-status").queryAs(Label.class);
        assertTrue(status.getText().contains("\u221aw"), status.getText());
        // the window as it looks, for a person to check (target/gradient-variance.png)
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                PngWriter.write(PngWriter.snapshot(cv.getScene().getRoot(), 1), java.nio.file.Path.of("target", "gradient-variance.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(10, TimeUnit.SECONDS);

        // no data: a clear message instead of a result
        WaitForAsyncUtils.asyncFx(() -> window.session().editData(window.session().dataset().cleared()))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#gv-compute");
        waitUntil(() -> status.getText().contains("no training points"), "the error: " + status.getText());
        assertNotNull(tool.resultProperty().get(), "the last result stays");
    }
}
