package org.marginscope.train;

import java.util.List;
import java.util.Map;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;

/** A measure taken on the current weights whenever a snapshot is made (e.g. the misclassified area). */
public interface MetricProbe {
    /** Writes measures into {@code out}; runs on the trainer thread with exclusive use of the network. */
    void measure(long step, Network network, Dataset data, double decisionOffset, Map<String, Double> out);

    /** The same with the companion networks' weights at this step (ensemble spread, loss comparisons). */
    default void measure(long step, Network network, Dataset data, double decisionOffset,
                         List<CompanionState> companions, Map<String, Double> out) {
        measure(step, network, data, decisionOffset, out);
    }

    /** A probe that reads the companions. */
    interface WithCompanions {
        void measure(long step, Network network, Dataset data, double decisionOffset, List<CompanionState> companions,
                     Map<String, Double> out);
    }

    static MetricProbe withCompanions(WithCompanions m) {
        return new MetricProbe() {
            @Override
            public void measure(long step, Network network, Dataset data, double offset, Map<String, Double> out) {
                m.measure(step, network, data, offset, List.of(), out);
            }

            @Override
            public void measure(long step, Network network, Dataset data, double offset, List<CompanionState> companions,
                                Map<String, Double> out) {
                m.measure(step, network, data, offset, companions, out);
            }
        };
    }
}
