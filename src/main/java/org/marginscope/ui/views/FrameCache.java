package org.marginscope.ui.views;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginscope.data.Dataset;
import org.marginscope.render.TransformedFrame;
import org.marginscope.train.Snapshot;

/**
 * The transformed frames of recently shown snapshots, so that scrubbing back and forth costs no forward
 * pass and no SVM fit. Frames belong to one dataset: a new one empties the cache. Worker thread only.
 */
final class FrameCache {
    static final int CAPACITY = 96;
    private final Map<Key, TransformedFrame> frames = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TransformedFrame> eldest) {
            return size() > CAPACITY;
        }
    };
    private Dataset data;

    /** Snapshots are compared by identity: two runs can reach equal steps with different weights. */
    private record Key(Snapshot s) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.s == s;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(s);
        }
    }

    TransformedFrame get(Snapshot s, Dataset d) {
        return d == data ? frames.get(new Key(s)) : null;
    }

    void put(Snapshot s, Dataset d, TransformedFrame f) {
        if (d != data) {
            frames.clear();
            data = d;
        }
        frames.put(new Key(s), f);
    }
}
