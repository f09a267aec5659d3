package org.marginscope.train;

import java.util.Map;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * The state of a run after {@code step} updates: the weights and the measures taken at those
 * weights. Immutable; safe to hand to any thread.
 *
 * @param spec           the architecture the weights belong to (so a view never pairs them with another)
 * @param decisionOffset added to the single logit before taking its sign (Nar's Eq 8 bias for the
 *                       differential loss; 0 otherwise)
 * @param metrics        further measures by name (docs/cli.md keys, e.g. misclassified_area)
 * @param retiredParameters after Li et al.'s retraining of the last layer (Fig 3): the network as it
 *                       was before, whose last layer the views compare with the new one; null otherwise.
 *                       One object shared by all later snapshots, so {@link #bytes()} leaves it out.
 * @param companions     the networks trained beside this one, at the same step (empty when there are none)
 */
public record Snapshot(
        long step,
        NetworkSpec spec,
        Parameters parameters,
        double loss,
        double trainAccuracy,
        double testAccuracy,
        double[] weightNorms,
        double[] gradientNorms,
        double decisionOffset,
        double seconds,
        Map<String, Double> metrics,
        Parameters retiredParameters,
        java.util.List<CompanionState> companions) {

    public Snapshot(long step, NetworkSpec spec, Parameters parameters, double loss, double trainAccuracy,
                    double testAccuracy, double[] weightNorms, double[] gradientNorms, double decisionOffset,
                    double seconds, Map<String, Double> metrics, Parameters retiredParameters) {
        this(step, spec, parameters, loss, trainAccuracy, testAccuracy, weightNorms, gradientNorms, decisionOffset,
                seconds, metrics, retiredParameters, java.util.List.of());
    }

    public Snapshot {
        companions = companions == null ? java.util.List.of() : java.util.List.copyOf(companions);
        weightNorms = weightNorms.clone();
        gradientNorms = gradientNorms.clone();
        metrics = Map.copyOf(metrics);
    }

    @Override
    public double[] weightNorms() {
        return weightNorms.clone();
    }

    @Override
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    public double metric(String key) {
        Double v = metrics.get(key);
        return v == null ? Double.NaN : v;
    }

    /** Approximate heap bytes held. */
    public long bytes() {
        long c = 0;
        for (CompanionState cs : companions) {
            c += cs.parameters().bytes() + 64;
        }
        return c + parameters.bytes() + 16L * (weightNorms.length + gradientNorms.length) + 96L * metrics.size() + 128;
    }

    /** The product of the layers' weight norms (Poggio et al.'s complexity measure). */
    public double normProduct() {
        double p = 1;
        for (double n : weightNorms) {
            p *= n;
        }
        return p;
    }
}
