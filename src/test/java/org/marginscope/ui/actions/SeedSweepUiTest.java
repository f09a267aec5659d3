package org.marginscope.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.SeedVariation;
import org.marginscope.experiment.claims.ClaimLibrary;
import org.marginscope.experiment.claims.Verdict;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;
import org.marginscope.ui.Session;
import org.marginscope.ui.charts.BandChart;
import org.marginscope.ui.charts.SeedBand;
import org.marginscope.ui.charts.TrainingCharts;

/**
 * Model > Run over seeds, used as a person would: the dialog from the menu, a few seeds of Nar's quick preset, the
 * bands in the charts checked against the same seeds trained here and summarised by a quantile computed here; the
 * View menu's toggle, Reset, and Cancel (which stops the worker and leaves the model alone).
 */
class SeedSweepUiTest extends AppWindowTest {
    private static final long STEPS = 300;

    @Override
    protected String preset() {
        return "nar-fig2";
    }

    private SeedSweepDialog dialog(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        for (var m : bar.getMenus()) {
            for (MenuItem mi : m.getItems()) {
                if ("seed-sweep".equals(mi.getId())) {
                    return (SeedSweepDialog) mi.getUserData();
                }
            }
        }
        throw new AssertionError("no Run over seeds item in the menus");
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static void waitLong(java.util.function.BooleanSupplier cond, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, cond::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 120 s: " + what, e);
        }
    }

    /** R-7 (Hyndman and Fan type 7), written out here: h = (n - 1) p between the order statistics. */
    private static double r7(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        double h = (v.length - 1) * p;
        int lo = (int) h;
        return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    }

    /** A run's value of a measure at a step: its last snapshot at or before it with a value (the summary's rule). */
    private static double at(List<Snapshot> run, long step, ToDoubleFunction<Snapshot> f) {
        double v = Double.NaN;
        for (Snapshot s : run) {
            if (s.step() <= step && !Double.isNaN(f.applyAsDouble(s))) {
                v = f.applyAsDouble(s);
            }
        }
        return v;
    }

    private static void assertBandIsTheSeedsSpread(SeedBand band, List<List<Snapshot>> runs, ToDoubleFunction<Snapshot> f,
                                                   String what) {
        assertNotNull(band, what + ": a band");
        assertEquals(runs.size(), band.seeds());
        assertTrue(band.size() >= 5, what + ": log-spaced steps, got " + band.size());
        assertEquals(STEPS + 1.0, band.x()[band.size() - 1], 0, what + ": the band reaches the last step");
        for (int i = 0; i < band.size(); i++) {
            long step = Math.round(band.x()[i] - 1);
            double[] v = runs.stream().mapToDouble(r -> at(r, step, f)).toArray();
            String where = what + " at step " + step + " " + Arrays.toString(v);
            double tol = 1e-9 * (1 + Arrays.stream(v).map(Math::abs).max().orElse(0));
            assertEquals(r7(v, 0.5), band.median()[i], tol, where);
            assertEquals(r7(v, 0.25), band.q1()[i], tol, where);
            assertEquals(r7(v, 0.75), band.q3()[i], tol, where);
            assertEquals(Arrays.stream(v).min().getAsDouble(), band.min()[i], tol, where);
            assertEquals(Arrays.stream(v).max().getAsDouble(), band.max()[i], tol, where);
        }
    }

    @Test
    void runsSeedsFromTheMenuAndDrawsTheirSpreadUntilReset(FxRobot robot) throws Exception {
        Session session = window.session();
        Object[] before = fx(() -> new Object[] {session.presetProperty().get(), session.dataset(),
                session.specProperty().get(), session.configProperty().get(), session.generation()});
        robot.clickOn("Model").clickOn(SeedSweepDialog.MENU_TEXT);
        SeedSweepDialog d = dialog(robot);
        assertEquals(Long.toString(PresetLibrary.byName("nar-fig2").steps()),
                robot.lookup("#seeds-steps").queryTextInputControl().getText(), "steps default to the preset's");
        type(robot, "#seeds-from", "1");
        type(robot, "#seeds-to", "3");
        type(robot, "#seeds-steps", Long.toString(STEPS));
        robot.clickOn("#seeds-run");
        waitLong(() -> d.finished() != null, "the three runs finish");
        SeedSweepDialog.Finished f = d.finished();
        assertEquals(3, f.outcome().runs().size(), "failures: " + f.outcome().failures());
        assertTrue(f.bands().containsAll(List.of("loss", "train_accuracy", "ce_margin", "mean_confidence")),
                "bands for " + f.bands());
        assertFalse(f.bands().contains("weight_norm_1"), "Poggio's norms chart is not shown for Nar's preset");
        String progressText = robot.lookup("#seeds-progress-text").queryAs(Label.class).getText();
        assertTrue(progressText.startsWith("3 of 3 runs done"), progressText);

        // the same seeds trained here, summarised with a quantile written out here
        List<List<Snapshot>> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            ExperimentRun r = new ExperimentRun(PresetLibrary.byName("nar-fig2"), STEPS, seed, SeedVariation.BOTH);
            r.run(null);
            runs.add(r.engine().timeline().snapshots());
        }
        TrainingCharts charts = window.charts();
        assertBandIsTheSeedsSpread(fx(() -> charts.seedBand("loss-chart")), runs, Snapshot::loss, "loss");
        assertBandIsTheSeedsSpread(fx(() -> charts.seedBand("accuracy-chart")), runs, Snapshot::trainAccuracy, "accuracy");
        assertBandIsTheSeedsSpread(fx(() -> charts.seedBand("margins-chart")), runs, s -> s.metric("ce_margin"), "ce margin");

        // on screen with its key, in the colour of the live curve of the same metric
        List<String> keys = fx(charts::visibleSeedBandKeys);
        assertTrue(keys.size() >= 3 && keys.stream().allMatch("median of 3 seeds (IQR, range)"::equals), keys.toString());
        fx(() -> { window.play(); return null; }); // the live curves beside the bands
        waitUntil(() -> charts.paperChart("margins-chart") != null && !charts.paperChart("margins-chart").points("ce").isEmpty(),
                "the live ce margin is plotted");
        BandChart margins = fx(() -> charts.paperChart("margins-chart").chart);
        int ce = fx(() -> margins.getData().stream().map(javafx.scene.chart.XYChart.Series::getName).toList().indexOf("ce"));
        assertTrue(ce >= 0);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.paint.Color.web(BandChart.SERIES_COLOURS[ce]), fx(margins::bandColour));

        // the claims: one row per claim, its verdict from these runs beside the recorded one
        for (var claim : ClaimLibrary.of("nar-fig2")) {
            String shown = fx(() -> d.shownVerdict(claim.id()));
            var judged = f.claims().stream().filter(r -> r.claim().id().equals(claim.id())).findFirst().orElseThrow();
            assertEquals(judged.verdict().words(), shown, claim.id());
            assertTrue(Arrays.stream(Verdict.values()).anyMatch(v -> v.words().equals(shown)));
        }

        // the live model was not touched (it trained on, as it was told)
        Object[] after = fx(() -> new Object[] {session.presetProperty().get(), session.dataset(),
                session.specProperty().get(), session.configProperty().get(), session.generation()});
        for (int i = 0; i < before.length; i++) {
            assertTrue(before[i] == after[i] || before[i].equals(after[i]), "session state " + i + " changed");
        }

        robot.clickOn("View").clickOn("#show-seed-bands");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(charts::visibleSeedBandKeys), "View > Seed bands hides them");
        assertFalse(fx(() -> d.finished() == null), "the dialog keeps its result");
        robot.clickOn("View").clickOn("#show-seed-bands");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(charts::visibleSeedBandKeys).isEmpty(), "and shows them again");
        // the window as it looks, for a person to check
        fx(() -> {
            PngWriter.write(PngWriter.snapshot(window.scene().getRoot(), 1), java.nio.file.Path.of("target", "seed-bands.png"));
            return null;
        });

        robot.clickOn("Model").clickOn("Reset model");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> charts.seedBand("loss-chart")), "Reset removes the bands");
        assertNull(fx(() -> charts.seedBand("margins-chart")));
        assertEquals(List.of(), fx(charts::visibleSeedBandKeys));
    }

    @Test
    void aResetWhileTheSeedsRunOrAnotherPresetLeavesNoBand(FxRobot robot) throws Exception {
        robot.clickOn("Model").clickOn(SeedSweepDialog.MENU_TEXT);
        SeedSweepDialog d = dialog(robot);
        type(robot, "#seeds-from", "1");
        type(robot, "#seeds-to", "2");
        type(robot, "#seeds-steps", "20000");
        robot.clickOn("#seeds-run");
        assertTrue(d.running());
        fx(() -> {
            window.session().reset(); // what Model > Reset model does, while the seeds train
            return null;
        });
        waitLong(() -> d.finished() != null, "the two runs finish");
        assertEquals(2, d.finished().outcome().runs().size());
        assertNull(fx(() -> window.charts().seedBand("loss-chart")), "runs of the model before the reset draw nothing");
        String status = robot.lookup("#seeds-status").queryAs(Label.class).getText();
        assertTrue(status.contains("reset") && status.contains("none were drawn"), status);

        type(robot, "#seeds-steps", "100");
        robot.clickOn("#seeds-run");
        waitLong(() -> d.finished() != null && d.finished().steps() == 100, "two short runs finish");
        assertNotNull(fx(() -> window.charts().seedBand("loss-chart")), "now the band is drawn");
        fx(() -> {
            window.session().loadPreset(PresetLibrary.byName("li-blob-small-net"));
            return null;
        });
        assertNull(fx(() -> window.charts().seedBand("loss-chart")), "another preset removes it");
        assertEquals(List.of(), fx(window.charts()::visibleSeedBandKeys));
    }

    @Test
    void cancelStopsTheWorkerAndLeavesTheModelAlone(FxRobot robot) throws Exception {
        Session session = window.session();
        fx(() -> { window.play(); return null; });
        waitUntil(() -> session.trainer().latest() != null && session.trainer().latest().step() > 50, "the live model trains");
        Snapshot first = session.trainer().timeline().snapshots().get(0);
        Object[] before = fx(() -> new Object[] {session.presetProperty().get(), session.dataset(),
                session.specProperty().get(), session.configProperty().get(), session.generation()});
        robot.clickOn("Model").clickOn(SeedSweepDialog.MENU_TEXT);
        SeedSweepDialog d = dialog(robot);
        type(robot, "#seeds-from", "1");
        type(robot, "#seeds-to", "4");
        type(robot, "#seeds-steps", "50000000");
        robot.clickOn("#seeds-run");
        waitUntil(() -> robot.lookup("#seeds-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress() > 0,
                "the runs make progress");
        assertTrue(d.running());
        fx(() -> {
            PngWriter.write(PngWriter.snapshot(robot.lookup("#seed-sweep-window").query().getScene().getRoot(), 1),
                    java.nio.file.Path.of("target", "seed-sweep-running.png"));
            return null;
        });
        robot.clickOn("#seeds-cancel");
        waitUntil(() -> !d.worker().isAlive(), "Cancel stops the worker");
        waitUntil(() -> d.finished() != null, "and the dialog says so");
        assertTrue(d.finished().outcome().cancelled());
        assertEquals(0, d.finished().outcome().runs().size(), "no run of 50M steps finished");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("marginscope-sweep") && t.isAlive()),
                "no sweep thread left");
        String status = robot.lookup("#seeds-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Cancelled") && status.contains("at least 2 finished seeds"), status);
        assertNull(fx(() -> window.charts().seedBand("loss-chart")), "no band from no run");
        Object[] after = fx(() -> new Object[] {session.presetProperty().get(), session.dataset(),
                session.specProperty().get(), session.configProperty().get(), session.generation()});
        for (int i = 0; i < before.length; i++) {
            assertTrue(before[i] == after[i] || before[i].equals(after[i]), "session state " + i + " changed");
        }
        assertSame(first, session.trainer().timeline().snapshots().get(0), "the live timeline is the same run");
        long step = session.trainer().latest().step();
        waitUntil(() -> session.trainer().latest().step() > step, "the live model keeps training");

        // bad input: a worded error, nothing starts
        type(robot, "#seeds-to", "x");
        robot.clickOn("#seeds-run");
        WaitForAsyncUtils.waitForFxEvents();
        String error = robot.lookup("#seeds-status").queryAs(Label.class).getText();
        assertTrue(error.contains("last seed") && error.contains("'x'"), error);
        assertFalse(d.running());
    }
}
