package org.marginscope.train;

import org.marginscope.model.LossKind;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * A companion network's weights at a snapshot.
 *
 * @param loss           the loss it trains with
 * @param decisionOffset Nar's Eq 8 bias when it trains with the differential loss, else 0
 * @param divergence     why its training stopped (non-finite loss or weights), or null while it trains
 */
public record CompanionState(String label, NetworkSpec spec, LossKind loss, Parameters parameters, double decisionOffset,
                             String divergence) {
}
