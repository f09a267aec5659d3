package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.marginscope.experiment.PresetLibrary;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** van den Berg's regions tab: unit maps follow the net, click enlarges, gamma sharpens, heatmaps per layer. */
class RegionsViewTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "moon-small-net";
    }

    private org.marginscope.experiment.RegionsFigure.Frame frameAt(long step) throws Exception {
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().current().why() == null
                && window.regionsView().current().snapshot().step() == step, "a regions frame at step " + step);
        return window.regionsView().current();
    }

    private int nonWhite(FxRobot robot) throws Exception {
        Canvas c = robot.lookup("#regions-canvas").queryAs(Canvas.class);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        int n = 0;
        for (int y = 60; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += (img.getPixelReader().getArgb(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void unitMapsShowEveryUnitAndAClickEnlargesOne(FxRobot robot) throws Exception {
        window.session().trainer().pause();
        robot.clickOn("Regions (van den Berg)");
        window.session().trainer().step(20);
        window.session().trainer().awaitIdle();
        long step = window.session().trainer().latest().step();
        org.marginscope.experiment.RegionsFigure.Frame f = frameAt(step);
        assertNull(f.enlarged());
        var spec = f.snapshot().spec();
        assertEquals(spec.layers().size(), f.rows().size(), "one row per layer");
        for (int k = 0; k < spec.layers().size(); k++) {
            assertEquals(Math.min(48, spec.layers().get(k).width()), f.rows().get(k).size(), "one panel per unit");
        }
        int overview = nonWhite(robot);
        assertTrue(overview > 5000, "the thumbnails are drawn: " + overview);
        // a click on the first thumbnail of the first layer enlarges it
        Canvas c = robot.lookup("#regions-canvas").queryAs(Canvas.class);
        var at = c.localToScreen(20, 75);
        robot.clickOn(at.getX(), at.getY());
        waitUntil(() -> window.regionsView().current().enlarged() != null, "the panel is enlarged");
        assertEquals(0, window.regionsView().current().enlarged()[0]);
        assertTrue(nonWhite(robot) > overview, "the enlarged panel covers more of the canvas");
        robot.clickOn(at.getX(), at.getY());
        waitUntil(() -> window.regionsView().current().enlarged() == null, "a second click goes back");
    }

    @Test
    void gammaSharpensTheUnitsAndTheGradientHeatmapsHaveOnePanelPerLayer(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("vdberg-strip-norm1")))
                .get(5, TimeUnit.SECONDS);
        window.session().trainer().pause();
        waitUntil(() -> window.regionsView().isVisible(), "the preset opens the regions tab");
        long step = window.session().trainer().latest().step();
        double plain = frameAt(step).units().transitionShare(0, 0);
        WaitForAsyncUtils.asyncFx(() -> window.regionsView().setGamma(3)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> window.regionsView().current().gamma() == 3, "gamma 3 drawn");
        double sharp = window.regionsView().current().units().transitionShare(0, 0);
        assertTrue(sharp < plain / 2, "gamma 3 narrows the transition region: " + plain + " -> " + sharp);
        assertEquals(step, window.session().trainer().latest().step());
        assertEquals(window.session().trainer().latest().parameters().weights(0)[0],
                window.regionsView().current().snapshot().parameters().weights(0)[0], "the model is unchanged");

        WaitForAsyncUtils.asyncFx(() -> window.regionsView().setMode(org.marginscope.experiment.RegionsFigure.Mode.GRAD_WEIGHTS))
                .get(5, TimeUnit.SECONDS);
        waitUntil(() -> window.regionsView().current().gradients() != null, "gradient heatmaps");
        var g = window.regionsView().current();
        assertEquals(2, g.rows().get(0).size(), "one heatmap per layer");
        assertNotNull(g.note(), "the view says where c(x) comes from");
        assertTrue(g.note().contains("ground truth"), g.note());

        double before = window.session().trainer().latest().parameters().weights(0)[0];
        WaitForAsyncUtils.asyncFx(() -> window.regionsView().setGamma(2)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#apply-gamma");
        waitUntil(() -> Math.abs(window.session().trainer().latest().parameters().weights(0)[0] - 2 * before) < 1e-9,
                "the model takes the scale on request");
        assertEquals(step, window.session().trainer().latest().step(), "at the same step");
    }

    /** The percentages the summary line shows, in order (Frobenius layer 2, layer 1, largest-entry layer 2, layer 1). */
    private static java.util.List<Double> percentages(String text) {
        java.util.List<Double> v = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("layer \\d: (\\d+\\.\\d)%").matcher(text);
        while (m.find()) {
            v.add(Double.parseDouble(m.group(1)));
        }
        return v;
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#pbp-summary").queryAs(javafx.scene.control.Label.class).getText();
    }

    @Test
    void partialBackpropagationShowsFig17sSharesAndTheyShrinkWithGamma(FxRobot robot) throws Exception {
        var preset = PresetLibrary.byName("vdberg-fig12-gamma1");
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(preset)).get(5, TimeUnit.SECONDS);
        window.session().trainer().pause();
        window.session().trainer().awaitIdle();
        waitUntil(() -> window.regionsView().isVisible(), "the preset opens the regions tab");
        assertTrue(!robot.lookup("#pbp-t1").query().getParent().isVisible(), "the thresholds belong to the new mode");
        robot.clickOn("#regions-mode").clickOn("Partial backpropagation (Fig 17)");
        waitUntil(() -> window.regionsView().current() != null && window.regionsView().current().partial() != null
                && window.regionsView().current().gamma() == 1, "a partial-backpropagation frame");
        assertTrue(robot.lookup("#pbp-t1").query().getParent().isVisible());
        org.marginscope.experiment.RegionsFigure.Frame f = window.regionsView().current();
        assertEquals(2, f.rows().get(0).size(), "Fig 17's two rows: Frobenius and largest-entry bounds");
        // the shares shown are the analysis' on the frame's grid, with the paper's thresholds
        var spec = f.snapshot().spec();
        var expected = org.marginscope.analysis.PartialBackprop.compute(spec, f.snapshot().parameters(),
                new org.marginscope.model.Loss(preset.training().loss(), false), window.session().dataset(),
                f.partial().viewport(), 1, new double[]{0.05, 0.01});
        waitUntil(() -> !percentages(summary(robot)).isEmpty(), "the summary line");
        var shown = percentages(summary(robot));
        var P = org.marginscope.analysis.PartialBackprop.Norm.FROBENIUS;
        var E = org.marginscope.analysis.PartialBackprop.Norm.ELEMENTWISE;
        assertEquals(java.util.List.of(100 * expected.share(P, 2), 100 * expected.share(P, 1), 100 * expected.share(E, 2),
                100 * expected.share(E, 1)).stream().map(v -> Double.parseDouble(String.format(java.util.Locale.ROOT,
                "%.1f", v))).toList(), shown, summary(robot));
        assertTrue(nonWhite(robot) > 5000, "the regions are drawn");

        // gamma 3 (Fig 17's right column): smaller regions
        WaitForAsyncUtils.asyncFx(() -> window.regionsView().setGamma(3)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> window.regionsView().current().gamma() == 3 && window.regionsView().current().partial() != null,
                "gamma 3 drawn");
        waitUntil(() -> !percentages(summary(robot)).equals(shown), "the summary follows");
        var sharp = percentages(summary(robot));
        for (int i = 0; i < 4; i++) {
            assertTrue(sharp.get(i) < shown.get(i), "gamma 3 shrinks the regions: " + shown + " -> " + sharp);
        }

        // a threshold that is not a number is refused; a valid one applies
        robot.clickOn("#pbp-t1").type(javafx.scene.input.KeyCode.END).eraseText(12).write("abc")
                .type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.05, window.regionsView().thresholds()[0], 0, "not a number: the threshold stays");
        robot.clickOn("#pbp-t1").type(javafx.scene.input.KeyCode.END).eraseText(12).write("0.5")
                .type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> window.regionsView().current().partial() != null
                && window.regionsView().current().partial().thresholds()[0] == 0.5, "the new threshold is drawn");
        double looser = window.regionsView().current().partial().share(P, 1);
        assertTrue(100 * looser < sharp.get(1) + 0.05, "a larger threshold lets no more reach layer 1");
    }

    /** File > Export view > Regions: the unit maps as on screen, their contours as vector lines. */
    @Test
    void exportsTheRegionsViewAsOnScreen(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        window.session().trainer().pause();
        robot.clickOn("Regions (van den Berg)");
        window.session().trainer().step(30);
        window.session().trainer().awaitIdle();
        frameAt(window.session().trainer().latest().step());
        WaitForAsyncUtils.waitForFxEvents();
        var figure = WaitForAsyncUtils.asyncFx(() -> window.regionsView().figure()).get(10, TimeUnit.SECONDS);
        Canvas c = robot.lookup("#regions-canvas").queryAs(Canvas.class);
        double same = ScreenAndFigure.agreement(c, figure);
        assertTrue(same > 0.9, "the figure shows what the screen shows: " + same + " of the samples agree");
        java.nio.file.Path pdf = dir.resolve("regions.pdf"), svg = dir.resolve("regions.svg");
        org.marginscope.export.FigureWriter.writePdf(figure, pdf);
        org.marginscope.export.FigureWriter.writeSvg(figure, svg);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(figure.width(), doc.getPage(0).getMediaBox().getWidth(), 0.5, "the page is the view's size");
        }
        assertTrue(ScreenAndFigure.svgElements(svg, "image") > 5, "each unit's map embedded as an image");
        assertTrue(ScreenAndFigure.svgElements(svg, "path") + ScreenAndFigure.svgElements(svg, "line") > 100,
                "contours as vector lines");
    }
}
