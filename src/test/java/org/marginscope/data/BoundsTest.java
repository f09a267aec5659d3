package org.marginscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void enclosingAddsTheMarginOnEachSide() {
        Bounds b = Bounds.enclosing(new double[] {0, 0, 10, 4}, 0.1);
        assertEquals(-1, b.xMin(), 1e-12);
        assertEquals(11, b.xMax(), 1e-12);
        assertEquals(-0.4, b.yMin(), 1e-12);
        assertEquals(4.4, b.yMax(), 1e-12);
    }

    /** Points on a horizontal line (a dead unit in the transformed plane): the flat axis spans a fifth of the other. */
    @Test
    void aFlatAxisIsCentredAndSpansAFifthOfTheOther() {
        Bounds b = Bounds.enclosing(new double[] {0, 3, 10, 3, 5, 3}, 0);
        assertEquals(2, b.height(), 1e-12);
        assertEquals(3, (b.yMin() + b.yMax()) / 2, 1e-12);
        assertEquals(10, b.width(), 1e-12);
    }
}
