package org.marginscope.render;

import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * A network drawn beside the main one in the original view (an ensemble copy, another loss, another
 * architecture): only what a boundary needs, so rendering does not depend on how it was trained.
 *
 * @param decisionOffset Nar's Eq 8 bias when it trains with the differential loss, else 0
 */
public record CompanionNet(String label, NetworkSpec spec, Parameters parameters, double decisionOffset) {
}
