package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginscope.train.Snapshot;

/** No built-in preset trips the divergence watch (issue 23: no false alarms on the papers' own settings). */
class PresetsDoNotDivergeTest {
    /** Steps per preset: a few hundred, fewer for the costly ones, so all of them take well under a minute. */
    static long stepsFor(Preset p) {
        double cost = (double) p.network().parameterCount() * p.dataset().build().size();
        return cost > 2e7 ? 40 : cost > 2e6 ? 150 : 400;
    }

    @Test
    void everyBuiltInPresetTrainsWithoutADivergenceReport() {
        List<String> timings = new ArrayList<>();
        long start = System.nanoTime();
        for (Preset p : PresetLibrary.builtIn()) {
            long t0 = System.nanoTime();
            long steps = stepsFor(p);
            ExperimentRun run = new ExperimentRun(p, steps, null);
            run.engine().setProbes(List.of()); // the measures play no part in training
            Snapshot last = run.run(null);
            assertNull(run.engine().divergence(), p.name());
            for (var c : last.companions()) {
                assertNull(c.divergence(), p.name() + ": companion " + c.label());
            }
            assertTrue(last.step() > 0, p.name());
            timings.add(String.format("%s %d steps %.1f s", p.name(), last.step(), (System.nanoTime() - t0) * 1e-9));
        }
        System.out.println(String.join("\n", timings));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(seconds < 60, "took " + seconds + " s");
    }
}
