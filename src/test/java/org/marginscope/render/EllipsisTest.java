package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Header lines cut to a width, measured here as one unit per character. */
class EllipsisTest {
    private static double chars(String s) {
        return s.length();
    }

    @Test
    void aLineThatFitsIsKeptAndALongOneEndsAtAWordNearTheEdge() {
        assertEquals("one two", Ellipsis.fit("one two", EllipsisTest::chars, 7));
        assertEquals("one two\u2026", Ellipsis.fit("one two three four", EllipsisTest::chars, 9));
        // no word boundary in the last quarter: the cut falls inside a word
        assertEquals("one two thr\u2026", Ellipsis.fit("one two three four", EllipsisTest::chars, 12));
        assertEquals("ends here\u2026", Ellipsis.fit("ends here. More follows", EllipsisTest::chars, 11),
                "no full stop before the ellipsis");
    }

    @Test
    void everyCutLineFitsAndStartsTheFullOne() {
        Random r = new Random(22);
        for (int t = 0; t < 500; t++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(60); i >= 0; i--) {
                sb.append(r.nextInt(5) == 0 ? ' ' : (char) ('a' + r.nextInt(26)));
            }
            String text = sb.toString();
            double room = 2 + r.nextInt(50);
            String cut = Ellipsis.fit(text, EllipsisTest::chars, room);
            assertTrue(cut.length() <= Math.max(room, 1), cut + " in " + room);
            if (!cut.equals(text)) {
                assertTrue(cut.endsWith(Ellipsis.MARK));
                assertTrue(text.startsWith(cut.substring(0, cut.length() - 1)), cut + " / " + text);
            }
        }
    }
}
