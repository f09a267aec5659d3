package org.marginscope.train;

import java.util.List;
import java.util.Map;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;

/**
 * A measure taken on the weights of one snapshot, whenever the engine makes one (e.g. the misclassified
 * area). Every number a chart, a view header, {@code run} or {@code sweep} shows over time comes from a
 * probe; which probes a run has is decided in one place ({@code experiment.probes.ProbePolicy}).
 */
@FunctionalInterface
public interface MetricProbe {
    /**
     * What a probe sees: the network at {@code step} (exclusive use: runs on the trainer thread), its data,
     * the decision offset, the companions' weights at the same step, and whether the snapshot was asked for
     * explicitly ({@code recorded}: a pause, the end of a run) rather than taken on the timeline's schedule -
     * probes too costly for every snapshot measure those and a thinned schedule of the others.
     */
    record Moment(long step, Network network, Dataset data, double decisionOffset, List<CompanionState> companions,
                  boolean recorded) {
    }

    /** Writes this probe's measures into {@code out}. */
    void measure(Moment m, Map<String, Double> out);
}
