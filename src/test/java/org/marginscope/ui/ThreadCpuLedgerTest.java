package org.marginscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench --ui's account of CPU by kind of thread. */
class ThreadCpuLedgerTest {
    @Test
    void theTwoThreadsLinuxNamesAlikeAreToldApartByTheirNiceValue() {
        // "marginscope-trainer" and "marginscope-transformed" both read "marginscope-tra" in /proc
        assertEquals("trainer", ThreadCpuLedger.role("marginscope-tra", 0));
        assertEquals("transformed view", ThreadCpuLedger.role("marginscope-tra", 10));
        assertEquals("original view", ThreadCpuLedger.role("marginscope-ren", 10));
        assertEquals("pool", ThreadCpuLedger.role("ForkJoinPool.co", 0));
        assertEquals("jit", ThreadCpuLedger.role("C2 CompilerThre", 0));
        assertEquals("jit", ThreadCpuLedger.role("C1 CompilerThre", 0));
        assertEquals("gc", ThreadCpuLedger.role("GC Thread#0", 0));
        assertEquals("gc", ThreadCpuLedger.role("G1 Conc#0", 0));
        assertEquals("fx renderer", ThreadCpuLedger.role("QuantumRenderer", 0));
        assertEquals("fx thread", ThreadCpuLedger.role("JavaFX Applicat", 0));
        assertEquals("other", ThreadCpuLedger.role("Signal Dispatch", 0));
    }

    @Test
    void aThreadThatComputesIsChargedAboutTheCpuItUsed() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        ThreadCpuLedger ledger = ThreadCpuLedger.begin();
        // a thread named like the original view's worker spins for 300 ms of wall time: its role gets about that
        long[] sink = {0};
        Thread spinner = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                sink[0] += System.nanoTime() & 1;
            }
            // read while the thread still exists: /proc lists live threads only
            Map<String, Double> used = ledger.secondsByRole();
            double view = used.getOrDefault("original view", 0.0);
            // it may lose the core now and then (CI machines are busy) but cannot use more than it spun
            assertTrue(view > 0.1 && view < 0.45, "CPU " + view + " s of a 0.3 s spin; all: " + used);
        }, "marginscope-render-test");
        Throwable[] failed = {null};
        spinner.setUncaughtExceptionHandler((t, e) -> failed[0] = e);
        spinner.start();
        spinner.join();
        if (failed[0] != null) {
            throw new AssertionError(failed[0]);
        }
    }
}
