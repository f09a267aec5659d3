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
import org.marginscope.render.Palette;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Sarussi's neuron view: opens with a sarussi preset, draws both clusters' colours, follows the scrubber. */
class NeuronViewTest extends AppWindowTest {
    @Override
    protected String preset() {
        return "sarussi-fig1-small-init";
    }

    private int pixels(FxRobot robot, int rgb) throws Exception {
        Canvas c = robot.lookup("#neuron-canvas").queryAs(Canvas.class);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> c.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        int n = 0;
        for (int y = 80; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                int p = img.getPixelReader().getArgb(x, y) & 0xFFFFFF;
                boolean near = true;
                for (int s = 0; s <= 16; s += 8) {
                    near &= Math.abs(((p >> s) & 0xFF) - ((rgb >> s) & 0xFF)) <= 30;
                }
                n += near ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void showsBothClustersAndFollowsTheScrubber(FxRobot robot) throws Exception {
        window.session().trainer().step(2000);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.neuronView().current() != null
                && window.neuronView().current().snapshot().step() == 2000);
        var d = window.neuronView().current();
        assertNull(d.why());
        assertEquals(100, d.neurons().length);
        assertTrue(d.clusters().maxAngleDeg() < 20, "small init: tight clusters, " + d.clusters().maxAngleDeg());
        int pos = pixels(robot, Palette.colour(1) & 0xFFFFFF), neg = pixels(robot, Palette.colour(0) & 0xFFFFFF);
        assertTrue(pos > 100 && neg > 100, "both clusters drawn: " + pos + " / " + neg);

        assertEquals(org.marginscope.analysis.NeuronPlane.Mode.DIRECTION_AND_LENGTH, d.plane().mode(),
                "with the bias trick a neuron is drawn by its direction in the data plane and its length");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.charts().showsClusters());
        assertTrue(window.charts().showsClusters(), "the cluster chart replaces the SVM angle chart");
        // the regime chart plots the test points' share and the PAR shares of the snapshots
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.charts().clusterValues("nonlinear_fraction_test").size()).get() > 3);
        var latest = window.session().trainer().latest();
        for (String key : new String[]{"nonlinear_fraction_test", "par_share_pos", "par_share_neg"}) {
            // the charts take the last snapshot on the FX thread a moment after the trainer has it
            java.util.concurrent.Callable<java.util.List<Double>> chart = () -> window.charts().clusterValues(key);
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    var v = WaitForAsyncUtils.asyncFx(chart).get();
                    return !v.isEmpty() && v.get(v.size() - 1) == latest.metric(key);
                });
            } catch (java.util.concurrent.TimeoutException e) {
                // asserted below, with the values
            }
            var values = WaitForAsyncUtils.asyncFx(chart).get(5, TimeUnit.SECONDS);
            assertEquals(latest.metric(key), values.get(values.size() - 1), 1e-12, key + " follows the snapshots");
        }
        // Thm 5.1 overlay on the original view: after training, part of the points lie outside the cones
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.view().currentFrame() != null
                && window.view().currentFrame().step() == 2000 && window.view().pointsInsideCones()[0] >= 0);
        int trainedInside = window.view().pointsInsideCones()[0];
        assertTrue(trainedInside < 40, "some of the 40 training points are in the linear regime: " + trainedInside);

        robot.type(javafx.scene.input.KeyCode.HOME);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.neuronView().current().snapshot().step() == 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.view().currentFrame().step() == 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.view().pointsInsideCones()[0] == 40);
        assertEquals(40, window.view().pointsInsideCones()[0], "at initialisation R/|w| is large: every point is inside");
        WaitForAsyncUtils.asyncFx(() -> window.view().showLinearRegimeProperty().set(false)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.view().pointsInsideCones()[0] == -1);
        assertTrue(window.neuronView().current().clusters().maxAngleDeg() > 60,
                "at initialisation the neurons point everywhere: " + window.neuronView().current().clusters().maxAngleDeg());
    }

    @Test
    void digitPairsShowTheWeightsPrincipalComponents(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("sarussi-digits-0v1")))
                .get(5, TimeUnit.SECONDS);
        window.session().trainer().step(3000);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.neuronView().current() != null
                && window.neuronView().current().snapshot().step() == 3000);
        var d = window.neuronView().current();
        assertNull(d.why());
        assertEquals(org.marginscope.analysis.NeuronPlane.Mode.PRINCIPAL, d.plane().mode());
        assertTrue(d.plane().explained() > 0.9, "clustered neurons lie near a plane: " + d.plane().explained());
        int pos = pixels(robot, Palette.colour(1) & 0xFFFFFF), neg = pixels(robot, Palette.colour(0) & 0xFFFFFF);
        assertTrue(pos > 15 && neg > 15, "both (tight) clusters drawn: " + pos + " / " + neg);
    }

    @Test
    void otherNetsShowEachHiddenLayerByItsWeights(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("li-blob-small-net")))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn("Neurons");
        window.session().trainer().step(5);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.neuronView().current() != null
                && window.neuronView().current().map() != null && window.neuronView().current().snapshot().step() == 5);
        var first = window.neuronView().current();
        assertNull(first.why());
        assertTrue(!first.sarussi(), "li-blob-small-net is no Sarussi net");
        assertEquals(org.marginscope.analysis.NeuronPlane.Mode.DIRECTION_AND_LENGTH, first.map().plane().mode());
        assertTrue(!robot.lookup("#show-par").query().isVisible(), "Thm 6.2's box is for Sarussi's nets");
        // the second hidden layer (2 units of 32 weights and a bias) on its principal axes
        javafx.scene.control.ChoiceBox<?> layers = robot.lookup("#neuron-layer").queryAs(javafx.scene.control.ChoiceBox.class);
        assertTrue(layers.isVisible() && layers.getItems().size() == 2, "two hidden layers to choose from");
        WaitForAsyncUtils.asyncFx(() -> window.neuronView().showLayer(1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.neuronView().current().map().layer() == 1);
        var second = window.neuronView().current();
        assertEquals(2, second.units());
        assertEquals(org.marginscope.analysis.NeuronPlane.Mode.PRINCIPAL, second.map().plane().mode());
        assertEquals(33, second.map().vectors()[0].length);
        int pos = pixels(robot, Palette.colour(1) & 0xFFFFFF) + pixels(robot, Palette.colour(0) & 0xFFFFFF);
        assertTrue(pos > 20, "the two units drawn: " + pos);
        assertTrue(!window.charts().showsClusters(), "other nets keep the SVM angle chart");
    }

    @Test
    void parPredictionOnDemandPointsNearTheLearnedClustersOnSymmetricData(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().loadPreset(PresetLibrary.byName("sarussi-fig4-par")))
                .get(5, TimeUnit.SECONDS);
        window.session().trainer().step(20000);
        window.session().trainer().awaitIdle();
        long last = window.session().trainer().latest().step();
        robot.clickOn("#show-par");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.neuronView().current() != null
                && window.neuronView().current().snapshot().step() == last && window.neuronView().current().par() != null);
        var d = window.neuronView().current();
        assertTrue(d.par().separable());
        double angle = d.par().angleDeg(d.clusters().wPos(), d.clusters().wNeg());
        assertTrue(angle < 10, "the learned clusters sit within 10 deg of Thm 6.2's prediction: " + angle);
        int purple = pixels(robot, 0x7a1fa2);
        assertTrue(purple > 50, "the predicted directions are drawn: " + purple);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view().parLineDrawn());
        assertTrue(window.view().parLineDrawn(), "and the predicted boundary in the original plane");
    }

    /** File > Export view > Neurons: the view as on screen, each neuron a vector shape in the SVG. */
    @Test
    void exportsTheNeuronViewAsOnScreenWithVectorNeurons(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        window.session().trainer().step(500);
        window.session().trainer().awaitIdle();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.neuronView().current() != null
                && window.neuronView().current().snapshot().step() == 500);
        WaitForAsyncUtils.waitForFxEvents();
        var figure = WaitForAsyncUtils.asyncFx(() -> window.neuronView().figure()).get(10, TimeUnit.SECONDS);
        Canvas c = robot.lookup("#neuron-canvas").queryAs(Canvas.class);
        assertEquals((int) Math.ceil(c.getWidth()), figure.width(), "the page is the view's size");
        double same = ScreenAndFigure.agreement(c, figure);
        assertTrue(same > 0.9, "the figure shows what the screen shows: " + same + " of the samples agree");
        java.nio.file.Path svg = dir.resolve("neurons.svg");
        org.marginscope.export.FigureWriter.writeSvg(figure, svg);
        int shapes = ScreenAndFigure.svgElements(svg, "circle") + ScreenAndFigure.svgElements(svg, "ellipse")
                + ScreenAndFigure.svgElements(svg, "path");
        assertTrue(shapes >= 100, "the 100 neurons, the arrows and the axes as vector shapes: " + shapes);
        assertEquals(0, ScreenAndFigure.svgElements(svg, "text"), "text as outlines, as every export");
    }
}
