package org.marginscope.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The Linux nice value of the calling thread. A JVM ignores Java thread priorities on Linux unless started with
 * {@code -XX:ThreadPriorityPolicy=1}, which as root also raises the JVM's own threads (GC, compilers) above
 * everything else; so a drawing worker lowers only itself, through {@code renice} on its own thread id (Linux
 * gives each thread its own nice value, and any user may raise a thread's nice value). Elsewhere, or without
 * {@code renice}, nothing changes and the worker's pacing alone limits its share.
 */
public final class ThreadNice {
    /** A view's worker against the trainer on one core: CFS weights 110 : 1024, about a tenth of the core. */
    public static final int DRAWING = 10;

    private ThreadNice() {
    }

    /** Raises the calling thread's nice value to {@code nice} where it can; true when the thread now has it. */
    public static boolean lowerThisThread(int nice) {
        OptionalInt tid = threadId();
        if (tid.isEmpty()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Integer.toString(tid.getAsInt()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                return false;
            }
        } catch (IOException e) {
            return false; // no renice: the pacing alone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return ofThisThread().orElse(0) == nice;
    }

    /** The calling thread's nice value (Linux's /proc), empty elsewhere. */
    public static OptionalInt ofThisThread() {
        try {
            return OptionalInt.of(ProcStat.parse(Files.readString(Path.of("/proc/thread-self/stat"))).nice());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt threadId() {
        try {
            // "/proc/thread-self" links to "PID/task/TID"
            return OptionalInt.of(Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
