package org.marginscope.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, what a view's pacing counts: a worker at a lower priority waits for a core
 * while the trainer has it, and a frame's wall time would count that wait as the frame's cost (and pace the view
 * down twice). Wall time where the JVM does not measure a thread's CPU time.
 */
public final class ThreadCpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private ThreadCpuClock() {
    }

    /** Nanoseconds of CPU this thread has used (only differences mean anything). */
    public static long nanos() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
