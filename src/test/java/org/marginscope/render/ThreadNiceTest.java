package org.marginscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A view's worker lowers itself and only itself (issue 24): Linux keeps a nice value per thread, and a JVM
 * started without -XX:ThreadPriorityPolicy=1 leaves Java priorities out of it.
 */
class ThreadNiceTest {

    private static void assumeLinuxWithRenice() {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux's /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")), "renice");
        assumeTrue(ThreadNice.ofThisThread().orElse(99) < ThreadNice.DRAWING, "the test JVM is not already niced");
    }

    @Test
    void aDrawingWorkerBuildsAtNiceTenWhileTheThreadsAroundItKeepTheirs() throws Exception {
        assumeLinuxWithRenice();
        int mine = ThreadNice.ofThisThread().getAsInt();
        BlockingQueue<OptionalInt> drawing = new ArrayBlockingQueue<>(1), plain = new ArrayBlockingQueue<>(1);
        try (LatestRequestWorker<Integer, OptionalInt> w = new LatestRequestWorker<>(
                LatestRequestWorker.Options.drawing("test-drawing"), (r, s) -> ThreadNice.ofThisThread(), drawing::add,
                e -> { });
             LatestRequestWorker<Integer, OptionalInt> n = new LatestRequestWorker<>(
                LatestRequestWorker.Options.of("test-plain", Thread.NORM_PRIORITY), (r, s) -> ThreadNice.ofThisThread(),
                plain::add, e -> { })) {
            w.submit(1);
            n.submit(1);
            assertEquals(OptionalInt.of(ThreadNice.DRAWING), drawing.poll(10, TimeUnit.SECONDS));
            assertEquals(OptionalInt.of(mine), plain.poll(10, TimeUnit.SECONDS), "a worker of normal priority is left as is");
        }
        assertEquals(OptionalInt.of(mine), ThreadNice.ofThisThread(), "renice touched one thread, not the process");
    }

    @Test
    void theNiceValueIsReadFromTheStatLineEvenWhenTheThreadNameHasSpacesAndParentheses() throws Exception {
        assumeLinuxWithRenice();
        OptionalInt[] seen = new OptionalInt[2];
        Thread t = new Thread(() -> {
            seen[0] = ThreadNice.ofThisThread();
            ThreadNice.lowerThisThread(7);
            seen[1] = ThreadNice.ofThisThread();
        }, "a (b) c");
        t.start();
        t.join();
        assertEquals(ThreadNice.ofThisThread(), seen[0]);
        assertEquals(OptionalInt.of(7), seen[1]);
    }
}
