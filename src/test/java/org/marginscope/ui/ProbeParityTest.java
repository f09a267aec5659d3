package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.train.Snapshot;

/**
 * One probe policy: every built-in preset trained the app's way (a {@link Session} and its trainer thread,
 * headless) and the command line's way ({@link ExperimentRun}) gives the same metrics - the same keys and the
 * same values - at the same steps. Both runs are deterministic for a seed, so the values must agree exactly.
 */
class ProbeParityTest {
    /**
     * A few hundred steps; Li's nets on 5,000 points 20 (every one of them on the SVM probe's schedule: a LIBSVM
     * fit on 5,000 transformed points each, ~1 s where they do not separate yet), to keep CI short.
     */
    static long stepsFor(Preset p) {
        long params = 0;
        int in = p.network().inputDim();
        for (var l : p.network().layers()) {
            params += (long) in * l.width();
            in = l.width();
        }
        return params * p.dataset().build().size() > 200_000 ? 20 : 300;
    }

    static Stream<String> presets() {
        return PresetLibrary.builtIn().stream().map(Preset::name);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theAppAndTheCommandLineMeasureTheSame(String name) throws Exception {
        Preset p = PresetLibrary.byName(name);
        long steps = stepsFor(p);
        ExperimentRun run = new ExperimentRun(p, steps, null);
        run.run(null);
        Map<Long, Snapshot> cli = byStep(run.engine().timeline().snapshots());
        Map<Long, Snapshot> app;
        try (Session session = new Session(p)) {
            session.trainer().stepTo(steps);
            session.trainer().awaitIdle();
            assertTrue(session.trainer().settled());
            app = byStep(session.trainer().timeline().snapshots());
        }
        assertEquals(cli.keySet(), app.keySet(), "the same steps are kept");
        assertTrue(cli.containsKey(steps), "the last step is kept");
        for (long step : cli.keySet()) {
            Snapshot c = cli.get(step), a = app.get(step);
            String at = name + " step " + step;
            assertEquals(new TreeMap<>(c.metrics()).keySet(), new TreeMap<>(a.metrics()).keySet(), at + ": keys");
            for (String key : c.metrics().keySet()) {
                assertEquals(c.metric(key), a.metric(key), 0, at + ": " + key);
            }
            assertEquals(c.loss(), a.loss(), 0, at + ": loss");
            assertEquals(c.trainAccuracy(), a.trainAccuracy(), 0, at + ": train accuracy");
            assertEquals(c.testAccuracy(), a.testAccuracy(), 0, at + ": test accuracy");
            assertArrayEquals(c.weightNorms(), a.weightNorms(), 0, at + ": weight norms");
            assertArrayEquals(c.gradientNorms(), a.gradientNorms(), 0, at + ": gradient norms");
        }
        if (p.metrics().contains(ExperimentRun.SVM)) {
            assertFalse(Double.isNaN(org.marginscope.experiment.probes.SvmAlignmentProbe.meanAngle(
                    app.get(steps).metrics())), "the app measures Li's angle on the snapshots, at the last step too");
        }
    }

    private static Map<Long, Snapshot> byStep(List<Snapshot> snaps) {
        Map<Long, Snapshot> m = new TreeMap<>();
        for (Snapshot s : snaps) {
            m.put(s.step(), s);
        }
        return m;
    }
}
