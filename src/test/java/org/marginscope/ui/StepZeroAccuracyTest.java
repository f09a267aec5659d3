package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.Snapshot;
import org.testfx.api.FxRobot;
import org.marginscope.ui.views.BoundaryView;

/**
 * Issue 22: at step 0 the status bar showed "train 0.0% test 0.0%" although the untrained net classifies some points
 * right - after a point of class 3 made two-class data a 4-output net, whose untrained output for the empty class 2
 * won everywhere. Predictions are the arg max over the classes with points, so the accuracy shown at step 0 is the
 * untrained net's on those classes, recounted here by a plain forward pass of the snapshot's weights.
 */
class StepZeroAccuracyTest extends AppWindowTest {
    /** Plain loops: the snapshot's layers (in x out weights, biases, the spec's activations) on one point. */
    private static double[] forward(NetworkSpec spec, Parameters p, double[] x) {
        double[] a = x;
        for (int l = 0; l < p.layers(); l++) {
            double[] z = new double[p.out(l)];
            for (int j = 0; j < z.length; j++) {
                double s = p.hasBias(l) ? p.bias(l, j) : 0;
                for (int i = 0; i < p.in(l); i++) {
                    s += p.weight(l, i, j) * a[i];
                }
                z[j] = spec.layers().get(l).activation().apply(s);
            }
            a = z;
        }
        return a;
    }

    /** The sign of one logit, else the arg max over the classes that have points (docs/experiments.md). */
    private static int predicted(double[] out, boolean[] hasPoints) {
        if (out.length == 1) {
            return out[0] > 0 ? 1 : 0;
        }
        int best = -1;
        for (int c = 0; c < out.length; c++) {
            if (hasPoints[c] && (best < 0 || out[c] > out[best])) {
                best = c;
            }
        }
        return best;
    }

    private static String percent(int correct, int n) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * correct / n);
    }

    @Test
    void theStatusBarShowsTheUntrainedNetsAccuracyAtStepZero(FxRobot robot) throws Exception {
        waitUntil(() -> window.session().trainer().latest() != null, "the first snapshot");
        checkStatusAgainstRecount(robot);
    }

    @Test
    void afterAClassThreePointTheResetNetsAccuracyIsMeasured(FxRobot robot) throws Exception {
        waitUntil(() -> window.session().trainer().latest() != null, "the first snapshot");
        BoundaryView v = window.view();
        WaitForAsyncUtils.asyncFx(v::requestFocus).get(10, TimeUnit.SECONDS);
        robot.type(KeyCode.DIGIT4);
        robot.moveTo(v.localToScreen(BoundaryView.LEFT + 0.93 * v.plotW(), BoundaryView.TOP + 0.07 * v.plotH()))
                .clickOn(MouseButton.PRIMARY);
        waitUntil(() -> window.session().trainer().settled() && window.session().trainer().latest() != null
                && window.session().trainer().latest().spec().outputWidth() == 4, "the 4-output net's first snapshot");
        checkStatusAgainstRecount(robot);
    }

    private void checkStatusAgainstRecount(FxRobot robot) throws Exception {
        Snapshot s = window.session().trainer().latest();
        assertEquals(0, s.step());
        Dataset d = window.session().dataset();
        NetworkSpec spec = window.session().specProperty().get();
        boolean[] hasPoints = new boolean[spec.outputWidth() + 1];
        for (int i = 0; i < d.size(); i++) {
            hasPoints[d.trainLabel(i)] = true;
        }
        for (int i = 0; i < d.testSize(); i++) {
            hasPoints[d.testLabel(i)] = true;
        }
        int train = 0, test = 0;
        for (int i = 0; i < d.size(); i++) {
            train += predicted(forward(spec, s.parameters(), new double[] {d.trainCoord(i, 0), d.trainCoord(i, 1)}), hasPoints)
                    == d.trainLabel(i) ? 1 : 0;
        }
        for (int i = 0; i < d.testSize(); i++) {
            test += predicted(forward(spec, s.parameters(), new double[] {d.testCoord(i, 0), d.testCoord(i, 1)}), hasPoints)
                    == d.testLabel(i) ? 1 : 0;
        }
        assertTrue(train > 0 && test > 0, "the untrained net gets some points right: " + train + ", " + test);
        String expected = "train " + percent(train, d.size()) + "  test " + percent(test, d.testSize());
        Label acc = robot.lookup("#status-accuracy").queryAs(Label.class);
        waitUntil(() -> expected.equals(acc.getText()), "the status bar shows '" + expected + "', not '" + acc.getText() + "'");
    }
}
