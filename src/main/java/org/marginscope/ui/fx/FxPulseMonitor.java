package org.marginscope.ui.fx;

/**
 * Measures how long the app's own code holds the FX thread in one tick: every {@link FxTicker} of the window
 * reports its handler's duration under the tick's timestamp. For the benchmark.
 */
public final class FxPulseMonitor {
    private static long currentPulse = -1;
    private static long currentNanos;
    private static volatile long maxNanos;
    private static long lastPulse = -1;
    private static volatile long maxGapNanos;

    private FxPulseMonitor() {
    }

    /** Called on the FX thread with the tick's timestamp and the nanoseconds a handler took. */
    private static final java.util.Map<String, Long> MAX_BY_SOURCE = new java.util.concurrent.ConcurrentHashMap<>();

    public static void record(String source, long pulse, long nanos) {
        MAX_BY_SOURCE.merge(source, nanos, Math::max);
        record(pulse, nanos);
    }

    /** The longest single run of each handler, in ms. */
    public static java.util.Map<String, Double> maxBySourceMillis() {
        java.util.Map<String, Double> m = new java.util.TreeMap<>();
        MAX_BY_SOURCE.forEach((k, v) -> m.put(k, v / 1e6));
        return m;
    }

    static void record(long pulse, long nanos) {
        if (pulse != currentPulse) {
            if (lastPulse >= 0) {
                maxGapNanos = Math.max(maxGapNanos, pulse - lastPulse);
            }
            lastPulse = pulse;
            currentPulse = pulse;
            currentNanos = 0;
        }
        currentNanos += nanos;
        maxNanos = Math.max(maxNanos, currentNanos);
    }

    public static void reset() {
        MAX_BY_SOURCE.clear();
        maxNanos = 0;
        maxGapNanos = 0;
        lastPulse = -1;
    }

    /** The most time the app's handlers took in one tick, in ms. */
    public static double maxPulseMillis() {
        return maxNanos / 1e6;
    }

    /** The longest time between two ticks, in ms (33 at FxTicker's 30 Hz when nothing stalls). */
    public static double maxGapMillis() {
        return maxGapNanos / 1e6;
    }
}
