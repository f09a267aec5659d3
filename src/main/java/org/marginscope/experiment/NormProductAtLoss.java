package org.marginscope.experiment;

import java.util.List;
import org.marginscope.train.Snapshot;

/**
 * Poggio et al.'s complexity measure for comparing minimisers: the product of the layers' Frobenius
 * norms at the first kept snapshot whose training loss is at or below a set small value (comparing
 * nets at the same loss, since the product grows without bound as the loss goes to zero).
 */
public record NormProductAtLoss(long step, double loss, double product, double[] norms) {
    /** The first snapshot of the timeline at or below the loss level, or null when the run has not got there. */
    public static NormProductAtLoss first(List<Snapshot> timeline, double level) {
        for (Snapshot s : timeline) {
            if (Double.isFinite(s.loss()) && s.loss() <= level) {
                return new NormProductAtLoss(s.step(), s.loss(), s.normProduct(), s.weightNorms().clone());
            }
        }
        return null;
    }
}
