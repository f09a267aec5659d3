package org.marginscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.marginscope.ui.AppWindowTest;

/** Each view builds its frames on a worker thread of its own, and closing the window stops them all. */
class ViewWorkersTest extends AppWindowTest {
    private static final Set<String> NAMES = Set.of("marginscope-render", "marginscope-transformed",
            "marginscope-neurons", "marginscope-regions", "marginscope-linear-regions");
    /** View workers alive before this class's window opened (other tests' windows, if any were left open). */
    private static Set<Thread> before;

    @BeforeAll
    static void threadsBefore() {
        before = workers();
    }

    private static Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> NAMES.contains(t.getName()) && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void closingTheWindowStopsEveryViewsWorker() throws Exception {
        Set<Thread> mine = workers();
        mine.removeAll(before);
        assertEquals(NAMES, mine.stream().map(Thread::getName).collect(Collectors.toSet()), "one worker per view");
        WaitForAsyncUtils.asyncFx(() -> window.scene().getWindow().hide()).get(10, TimeUnit.SECONDS);
        waitUntil(() -> mine.stream().noneMatch(Thread::isAlive), "every view's worker stopped: "
                + mine.stream().filter(Thread::isAlive).map(Thread::getName).toList());
    }
}
