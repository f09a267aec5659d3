package org.marginscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Long SVM fits (issue 23 item 5): progress that only goes up and reaches 1, cancellation that stops the
 * solvers promptly, and the coordinate-descent solver of large fits against LIBSVM and a brute-force bias.
 */
class SvmProgressTest {
    /** Two overlapping Gaussian classes at x = -0.5 and +0.5 (sigma 1): the soft SVM works hard. */
    static double[] overlapping(int n, int[] y, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[2 * i] = gauss(r) + (y[i] == 1 ? 0.5 : -0.5);
            x[2 * i + 1] = gauss(r);
        }
        return x;
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void progressOfALargeFitRisesStepByStepToOne() {
        int n = 60_000;
        int[] y = new int[n];
        double[] x = overlapping(n, y, 3);
        List<Double> seen = new ArrayList<>();
        SvmSolution s = LinearSvm.fit(x, n, 2, y, LinearSvm.HARD_C, seen::add, () -> false);
        assertFalse(s.separable());
        assertTrue(seen.size() >= 5, "several reports on the way, got " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "increasing: " + seen);
        }
        assertTrue(seen.get(0) >= 0 && seen.get(0) < 0.5, "starts low: " + seen);
        assertEquals(1.0, seen.get(seen.size() - 1), "ends at 1");
        long middle = seen.stream().filter(f -> f > 0.1 && f < 0.9).count();
        assertTrue(middle >= 3, "reports in between, not just start and end: " + seen);
    }

    @Test
    void cancellingALargeFitStopsItWithin300Ms() throws Exception {
        int n = 400_000;
        int[] y = new int[n];
        double[] x = overlapping(n, y, 5);
        assertCancelsPromptly(x, n, y, 300);
    }

    @Test
    void cancellingALibsvmFitStopsItAtItsNextHeartbeat() throws Exception {
        int n = 15_000; // below LinearSvm.LARGE: LIBSVM, which takes seconds here
        assertTrue(n <= LinearSvm.LARGE);
        int[] y = new int[n];
        double[] x = overlapping(n, y, 7);
        assertCancelsPromptly(x, n, y, 1500);
    }

    private static void assertCancelsPromptly(double[] x, int n, int[] y, long boundMs) throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<SvmSolution> fit = CompletableFuture.supplyAsync(() -> LinearSvm.fit(x, n, 2, y,
                LinearSvm.HARD_C, f -> {
                }, cancel::get));
        Thread.sleep(400); // well inside the solver (the whole fit takes seconds)
        assertFalse(fit.isDone(), "the fit takes longer than this test's wait");
        long t0 = System.nanoTime();
        cancel.set(true);
        ExecutionException e = assertThrows(ExecutionException.class, () -> fit.get(10, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getCause() instanceof CancellationException, "cancelled, not " + e.getCause());
        assertTrue(ms < boundMs, "stopped " + ms + " ms after the cancel, bound " + boundMs + " ms");
    }

    @Test
    void coordinateDescentReachesLibsvmsObjective() {
        int n = 5_000;
        int[] y = new int[n];
        double[] x = PowerOfTwoScale.of(overlapping(n, y, 11)).down(overlapping(n, y, 11));
        SvmSolution libsvm = LinearSvm.binary(x, n, 2, y, 1.0);
        SvmSolution dcd = DualCoordinateDescentSvm.fit(x, n, 2, y, 1.0, SvmTask.NONE);
        double a = objective(libsvm, x, n, y, 1.0), b = objective(dcd, x, n, y, 1.0);
        assertEquals(a, b, 1e-6 * a, "primal objectives");
        assertEquals(libsvm.weights()[0][0], dcd.weights()[0][0], 1e-2 * Math.abs(libsvm.weights()[0][0]));
    }

    @Test
    void theRefittedBiasMinimisesTheHingeSum() {
        SplittableRandom r = new SplittableRandom(13);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(30);
            int[] y = new int[n];
            double[] x = new double[2 * n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                x[2 * i] = r.nextInt(7) - 3; // integers: ties and flat bottoms
                x[2 * i + 1] = r.nextDouble() * 4 - 2;
            }
            double[] w = {r.nextDouble() * 2 - 1, r.nextInt(3) == 0 ? 0 : r.nextDouble()};
            double start = r.nextDouble() * 6 - 3;
            double b = DualCoordinateDescentSvm.bestBias(w, x, n, 2, y, start);
            double best = Double.POSITIVE_INFINITY;
            // the minimum of a piecewise linear function is at a breakpoint 1 - f_i or -1 - f_i
            for (int i = 0; i < n; i++) {
                double f = w[0] * x[2 * i] + w[1] * x[2 * i + 1];
                best = Math.min(best, Math.min(hinge(w, 1 - f, x, n, y), hinge(w, -1 - f, x, n, y)));
            }
            assertEquals(best, hinge(w, b, x, n, y), 1e-9, "trial " + trial);
        }
    }

    private static double hinge(double[] w, double b, double[] x, int n, int[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double f = w[0] * x[2 * i] + w[1] * x[2 * i + 1] + b;
            s += Math.max(0, 1 - (y[i] == 1 ? 1 : -1) * f);
        }
        return s;
    }

    private static double objective(SvmSolution s, double[] x, int n, int[] y, double c) {
        double[] w = s.weights()[0];
        return 0.5 * (w[0] * w[0] + w[1] * w[1]) + c * hinge(w, s.bias(), x, n, y);
    }
}
