package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginscope.data.Bounds;
import org.marginscope.data.Viewport;
import org.marginscope.model.Parameters;
import org.marginscope.render.FieldShading;
import org.marginscope.train.Snapshot;

/** Which requests make the frame being rendered pointless. */
class RenderServiceTest {
    private static final Parameters P = new Parameters(new int[] {2, 4}, new int[] {4, 1},
            new double[][] {new double[8], new double[4]}, new double[][] {new double[4], null});

    private static Snapshot snap(long step) {
        return new Snapshot(step, null, P, 1, 1, Double.NaN, new double[] {1, 1}, new double[] {0, 0}, 0, 0, Map.of(), null);
    }

    private static RenderService.Request request(Snapshot s, int cells, boolean training, boolean refinement) {
        return new RenderService.Request(null, s, new Viewport(new Bounds(-1, 1, -1, 1), cells, cells), training,
                FieldShading.PROBABILITY, refinement);
    }

    @Test
    void aRefinementIsDroppedForAnotherMomentButNotForAZoomOrAnotherShading() {
        Snapshot a = snap(10), b = snap(20);
        RenderService.Request sharp = request(a, 400, false, true);
        assertTrue(RenderService.supersedes(request(b, 128, false, false), sharp), "a scrub to another step");
        assertFalse(RenderService.supersedes(request(a, 300, false, true), sharp), "a zoom on the same step");
        assertFalse(RenderService.supersedes(null, sharp), "nothing newer");
        // coarse frames and training frames are always finished: a drag asks every pulse
        assertFalse(RenderService.supersedes(request(b, 128, false, false), request(a, 128, false, false)));
        assertFalse(RenderService.supersedes(request(b, 128, true, false), request(a, 128, true, false)));
    }

    @Test
    void aCostlyNetworkTrainsOnACoarserGridWithinTheBudgetAndACheapOneKeepsItsGrid() {
        long budget = RenderService.TRAINING_FRAME_BUDGET_NANOS;
        // a small net: 15 ns a cell, 128 x 128 cells cost 0.25 ms, far inside the budget
        assertEquals(128, RenderService.cellsWithin(budget, 15, 128));
        // no frame timed yet
        assertEquals(128, RenderService.cellsWithin(budget, 0, 128));
        // Li's 2-2000-2 net measured here: about 730 ns a cell (12 ms for 128 x 128)
        int wide = RenderService.cellsWithin(budget, 730, 128);
        assertTrue(wide < 128 && wide % 8 == 0, "coarser, in steps of 8: " + wide);
        assertTrue(730.0 * wide * wide <= budget, "within the budget: " + wide);
        assertTrue(730.0 * (wide + 8) * (wide + 8) > budget || wide + 8 > 128, "the finest that fits: " + wide);
        // however costly, never below the floor, and never above what was asked
        assertEquals(RenderService.MIN_TRAINING_CELLS, RenderService.cellsWithin(budget, 1e6, 128));
        assertEquals(40, RenderService.cellsWithin(budget, 1e6, 40));
    }
}
