package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginscope.train.Snapshot;

/** Seeds as an axis: what --vary changes, and the in-process sweep the app can call. */
class SweepTest {
    @TempDir
    Path dir;

    private static final Preset SARUSSI = PresetLibrary.byName("sarussi-fig4-par");

    private static Snapshot start(SeedVariation v, long seed, ExperimentRun[] keep) {
        ExperimentRun r = new ExperimentRun(SARUSSI, 0L, seed, v);
        keep[0] = r;
        return r.run(null);
    }

    @Test
    void varyTrainKeepsTheDataAndChangesTheInitialWeights() {
        ExperimentRun[] a = new ExperimentRun[1], b = new ExperimentRun[1];
        Snapshot sa = start(SeedVariation.TRAIN, 5, a), sb = start(SeedVariation.TRAIN, 7, b);
        assertArrayEquals(a[0].dataset().trainX(), b[0].dataset().trainX(), 0.0);
        assertArrayEquals(a[0].dataset().trainY(), b[0].dataset().trainY());
        assertFalse(Arrays.equals(sa.weightNorms(), sb.weightNorms()));
    }

    @Test
    void varyDataKeepsTheInitialWeightsAndChangesTheData() {
        ExperimentRun[] a = new ExperimentRun[1], b = new ExperimentRun[1];
        Snapshot sa = start(SeedVariation.DATA, 5, a), sb = start(SeedVariation.DATA, 7, b);
        assertFalse(Arrays.equals(a[0].dataset().trainX(), b[0].dataset().trainX()));
        assertArrayEquals(sa.weightNorms(), sb.weightNorms(), 0.0);
        assertNotEquals(sa.loss(), sb.loss());
    }

    @Test
    void varyBothIsWhatASeedOverrideAlwaysDid() {
        ExperimentRun[] a = new ExperimentRun[1], b = new ExperimentRun[1];
        Snapshot sa = start(SeedVariation.BOTH, 5, a);
        ExperimentRun old = new ExperimentRun(SARUSSI, 0L, 5L);
        Snapshot so = old.run(null);
        assertArrayEquals(a[0].dataset().trainX(), old.dataset().trainX(), 0.0);
        assertArrayEquals(sa.weightNorms(), so.weightNorms(), 0.0);
        Snapshot other = start(SeedVariation.BOTH, 7, b);
        assertFalse(Arrays.equals(a[0].dataset().trainX(), b[0].dataset().trainX()));
        assertFalse(Arrays.equals(sa.weightNorms(), other.weightNorms()));
    }

    @Test
    void inProcessSweepWritesWhatItSummarises() throws Exception {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        Sweep.Outcome o = Sweep.run(SARUSSI, List.of(1L, 2L, 3L), SeedVariation.TRAIN, 30L, 2, dir,
                (seed, failure, done, total) -> {
                    assertNull(failure);
                    assertEquals(3, total);
                    seen.add(seed);
                }, null);
        assertEquals(3, seen.size());
        assertTrue(o.failures().isEmpty());
        assertEquals(List.of(1L, 2L, 3L), o.summary().seeds());
        assertTrue(o.runsSeconds() > 0 && o.wallSeconds() > 0);
        // the files it wrote summarise to the same numbers as the runs it kept in memory
        List<SweepSummary.RunData> fromFiles = new ArrayList<>();
        for (long s = 1; s <= 3; s++) {
            fromFiles.add(SweepSummary.readRun(s, dir.resolve(Long.toString(s))));
        }
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        o.summary().writeCsv(a);
        SweepSummary.of(fromFiles).writeCsv(b);
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals(30, o.summary().atEnd().get("step").median());
        List<Path> figs = Sweep.writeOutputs(dir, o.summary(), java.util.Map.of("preset", SARUSSI.name()),
                Sweep.caption(SARUSSI.name(), 3, SeedVariation.TRAIN));
        // loss, train_accuracy and Sarussi's nonlinear_fraction_train, PNG and SVG
        assertEquals(6, figs.size(), figs.toString());
        assertTrue(Files.size(dir.resolve("nonlinear_fraction_train.png")) > 1000);
        assertTrue(Files.size(dir.resolve("loss.svg")) > 1000 && Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void aCancelledSweepStartsNothing() throws Exception {
        Sweep.Outcome o = Sweep.run(SARUSSI, List.of(1L, 2L), SeedVariation.TRAIN, 30L, 1, null, null, () -> true);
        assertTrue(o.cancelled());
        assertNull(o.summary());
        assertEquals(List.of(new Sweep.Failure(1, "cancelled"), new Sweep.Failure(2, "cancelled")), o.failures());
    }
}
