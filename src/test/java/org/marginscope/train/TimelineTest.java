package org.marginscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.model.Parameters;

class TimelineTest {
    private static final Parameters P = new Parameters(new int[] {2, 16}, new int[] {16, 1},
            new double[][] {new double[32], new double[16]}, new double[][] {new double[16], null});

    private static Snapshot snap(long step) {
        return new Snapshot(step, null, P, 1.0 / (step + 1), 1, Double.NaN, new double[] {1, 1}, new double[] {0, 0}, 0, 0,
                Map.of(), null);
    }

    private static void feed(Timeline t, long steps) {
        for (long s = 0; s <= steps; s++) {
            if (t.wants(s)) {
                t.add(snap(s));
            }
        }
    }

    @Test
    void staysWithinItsCountCapOverAMillionSteps() {
        Timeline t = new Timeline(300, 1L << 40, 64);
        feed(t, 1_000_000);
        assertTrue(t.size() <= 300, "count " + t.size());
        List<Snapshot> s = t.snapshots();
        assertEquals(0, s.get(0).step(), "the first snapshot is kept");
        assertEquals(1_000_000 - 1_000_000 % 16384, s.get(s.size() - 1).step(), "the newest grid step is kept");
        // log-spaced: consecutive kept steps differ by a bounded ratio in the later part
        for (int i = 20; i < s.size(); i++) {
            double ratio = (double) s.get(i).step() / s.get(i - 1).step();
            assertTrue(ratio < 1.15, "gap between " + s.get(i - 1).step() + " and " + s.get(i).step());
        }
    }

    @Test
    void staysWithinItsByteCap() {
        long cap = 60 * snap(0).bytes();
        Timeline t = new Timeline(10_000, cap, 64);
        feed(t, 1_000_000);
        assertTrue(t.bytes() <= cap, t.bytes() + " > " + cap);
        assertTrue(t.size() >= 50, "the cap should still leave ~60 snapshots, has " + t.size());
        long sum = t.snapshots().stream().mapToLong(Snapshot::bytes).sum();
        assertEquals(sum, t.bytes(), "byte accounting");
    }

    @Test
    void keepsEveryStepEarlyThenAFixedNumberPerOctave() {
        Timeline t = new Timeline(100_000, 1L << 40, 32);
        for (long s = 0; s < 64; s++) {
            assertTrue(t.wants(s));
        }
        int inOctave = 0;
        for (long s = 1 << 20; s < 1 << 21; s++) {
            if (t.wants(s)) {
                inOctave++;
            }
        }
        assertEquals(32, inOctave);
    }

    @Test
    void lookupAndTruncate() {
        Timeline t = new Timeline();
        feed(t, 200);
        assertEquals(101, t.atOrBefore(101).step(), "every step up to 128 is kept");
        assertEquals(200, t.atOrBefore(1000).step());
        t.truncateAfter(50);
        assertEquals(50, t.latest().step());
        t.clear();
        assertNull(t.latest());
        assertEquals(0, t.bytes());
    }

    /** Animation frames: the exact count asked for, in order, first and last included, even in log t. */
    @Test
    void logSpacedPicksTheExactCountEvenlyInLogStep() {
        java.util.List<Snapshot> all = new java.util.ArrayList<>();
        for (long t = 0; t <= 10_000; t++) {
            all.add(snap(t));
        }
        List<Snapshot> p = Timeline.logSpaced(all, 0, 10_000, 40);
        assertEquals(40, p.size());
        assertEquals(0, p.get(0).step());
        assertEquals(10_000, p.get(39).step());
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i).step() > p.get(i - 1).step(), "strictly increasing");
        }
        // past the crowded start (steps 0..~10, where one step is a big log gap) the gaps are even:
        // the ideal gap is log(10001)/39 = 0.236
        for (int i = 20; i < p.size(); i++) {
            double gap = Math.log1p(p.get(i).step()) - Math.log1p(p.get(i - 1).step());
            assertEquals(Math.log1p(10_000) / 39, gap, 0.02, "gap before frame " + i);
        }
        assertEquals(5, Timeline.logSpaced(all.subList(0, 5), 0, 100, 40).size(), "no more than there are");
        assertEquals(List.of(snap(50).step()), Timeline.logSpaced(all, 50, 50, 3).stream().map(Snapshot::step).toList());
    }
}
