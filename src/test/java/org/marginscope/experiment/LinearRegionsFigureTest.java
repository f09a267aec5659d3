package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.marginscope.analysis.ActivationPattern;

/** The hover text of the linear-regions mode: units numbered from 1, per layer, long lists cut short. */
class LinearRegionsFigureTest {
    private static ActivationPattern pattern(int[] widths, int... on) {
        long[] bits = new long[1];
        for (int b : on) {
            bits[0] |= 1L << b;
        }
        return new ActivationPattern(bits, widths);
    }

    @Test
    void listsTheUnitsOnLayerByLayer() {
        // layer 1: units 0, 2, 6 on (bits 0, 2, 6); layer 2 (bits 8, 9): none
        assertEquals("layer 1: units 1, 3, 7 (3 of 8 active); layer 2: none (0 of 2 active)",
                LinearRegionsFigure.activeUnits(pattern(new int[] {8, 2}, 0, 2, 6)));
        assertEquals("layer 1: unit 2 (1 of 3 active); layer 2: unit 1 (1 of 1 active)",
                LinearRegionsFigure.activeUnits(pattern(new int[] {3, 1}, 1, 3)));
    }

    @Test
    void aLongListEndsInHowManyMore() {
        int[] on = new int[20];
        for (int i = 0; i < on.length; i++) {
            on[i] = i;
        }
        assertEquals("layer 1: units 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 8 more (20 of 32 active)",
                LinearRegionsFigure.activeUnits(pattern(new int[] {32}, on)));
    }
}
