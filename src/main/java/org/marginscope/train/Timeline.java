package org.marginscope.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The snapshots of a run, log-spaced in the step count: every step while young, then a fixed number
 * per doubling of the step (every 2^k-th step). When the count or byte cap is reached, the snapshot
 * whose neighbours are closest on the log-step axis is dropped, so the kept set stays roughly
 * uniform in log t. The first and newest snapshots are always kept. Thread-safe.
 */
public final class Timeline {
    public static final int DEFAULT_MAX_COUNT = 2000;
    /** 512 MB, or a quarter of the heap where that is less (the desktop app runs in a 768 MB heap). */
    public static final long DEFAULT_MAX_BYTES = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);
    public static final int DEFAULT_PER_OCTAVE = 64;

    private final int maxCount;
    private final long maxBytes;
    private final int log2PerOctave;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private long bytes;

    public Timeline() {
        this(DEFAULT_MAX_COUNT, DEFAULT_MAX_BYTES, DEFAULT_PER_OCTAVE);
    }

    /** @param perOctave snapshots kept per doubling of the step count (rounded down to a power of two) */
    public Timeline(int maxCount, long maxBytes, int perOctave) {
        if (maxCount < 2 || maxBytes <= 0 || perOctave < 1) {
            throw new IllegalArgumentException("timeline caps must be positive (count >= 2)");
        }
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.log2PerOctave = 31 - Integer.numberOfLeadingZeros(perOctave);
    }

    /** Whether a snapshot of this step belongs on the log grid (cheap; ask before building one). */
    public boolean wants(long step) {
        if (step < (2L << log2PerOctave)) {
            return true;
        }
        int octave = 63 - Long.numberOfLeadingZeros(step);
        long stride = 1L << (octave - log2PerOctave);
        return step % stride == 0;
    }

    /** Adds a snapshot (its step must not be older than the newest kept one; an equal step replaces it). */
    public synchronized void add(Snapshot s) {
        if (!snapshots.isEmpty()) {
            Snapshot last = snapshots.get(snapshots.size() - 1);
            if (s.step() < last.step()) {
                throw new IllegalArgumentException("snapshot of step " + s.step() + " is older than " + last.step());
            }
            if (s.step() == last.step()) {
                bytes -= last.bytes();
                snapshots.remove(snapshots.size() - 1);
            }
        }
        snapshots.add(s);
        bytes += s.bytes();
        while (snapshots.size() > 2 && (snapshots.size() > maxCount || bytes > maxBytes)) {
            dropDensest();
        }
    }

    private void dropDensest() {
        int best = -1;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < snapshots.size() - 1; i++) {
            double gap = Math.log1p(snapshots.get(i + 1).step()) - Math.log1p(snapshots.get(i - 1).step());
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        bytes -= snapshots.remove(best).bytes();
    }

    public synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public synchronized int size() {
        return snapshots.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public int maxCount() {
        return maxCount;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public synchronized Snapshot latest() {
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    }

    /** The newest snapshot at or before the step, or the first one if all are later; null when empty. */
    public synchronized Snapshot atOrBefore(long step) {
        Snapshot found = null;
        for (Snapshot s : snapshots) {
            if (s.step() > step) {
                break;
            }
            found = s;
        }
        return found != null ? found : (snapshots.isEmpty() ? null : snapshots.get(0));
    }

    /** Drops every snapshot after the step (forking a run from an earlier moment). */
    public synchronized void truncateAfter(long step) {
        while (!snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).step() > step) {
            bytes -= snapshots.remove(snapshots.size() - 1).bytes();
        }
    }

    public synchronized void clear() {
        snapshots.clear();
        bytes = 0;
    }

    /**
     * {@code min(count, available)} snapshots between the steps {@code from} and {@code to}, spaced evenly in
     * log(1 + step) (training moves like log t): each is the kept one nearest its target, moved on to the
     * next unused one where early targets crowd together, so the count is exact and the order kept.
     */
    public static List<Snapshot> logSpaced(List<Snapshot> kept, long from, long to, int count) {
        List<Snapshot> in = new ArrayList<>();
        for (Snapshot s : kept) {
            if (s.step() >= from && s.step() <= to) {
                in.add(s);
            }
        }
        int n = in.size(), m = Math.min(count, n);
        if (m < 1) {
            return List.of();
        }
        double a = Math.log1p(in.get(0).step()), b = Math.log1p(in.get(n - 1).step());
        List<Snapshot> out = new ArrayList<>(m);
        int j = 0, prev = -1;
        for (int i = 0; i < m; i++) {
            double target = m == 1 ? b : a + (b - a) * i / (m - 1);
            while (j + 1 < n && Math.abs(Math.log1p(in.get(j + 1).step()) - target)
                    <= Math.abs(Math.log1p(in.get(j).step()) - target)) {
                j++;
            }
            int pick = Math.min(Math.max(j, prev + 1), n - (m - i)); // strictly increasing, room for the rest
            out.add(in.get(pick));
            prev = pick;
        }
        return out;
    }
}
