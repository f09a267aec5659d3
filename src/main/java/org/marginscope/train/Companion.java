package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.marginscope.model.LossKind;
import org.marginscope.model.NetworkSpec;

/**
 * A network trained beside the main one, on the same data, in the same steps: a copy from another seed
 * (Poggio et al.'s ensemble), the same net under another loss (Nar et al.'s cross-entropy vs differential
 * training) or another architecture shown for comparison (Sarussi et al. Fig 5's ReLU pair).
 * Layers the architecture fixes (not trainable) are shared with the main network, so copies of a
 * random-feature model differ only in what they train.
 *
 * @param label      the name the views and charts give it
 * @param network    its architecture, or null for the main one's
 * @param loss       its loss, or null for the main one's
 * @param seedOffset its seed is the main run's seed plus this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Companion(String label, NetworkSpec network, LossKind loss, long seedOffset) {

    @JsonCreator
    public Companion(@JsonProperty("label") String label, @JsonProperty("network") NetworkSpec network,
                     @JsonProperty("loss") LossKind loss, @JsonProperty("seedOffset") long seedOffset) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a companion network needs a label");
        }
        this.label = label;
        this.network = network;
        this.loss = loss;
        this.seedOffset = seedOffset;
    }

    /** Copy i of an ensemble (i >= 1; the main network is copy 0). */
    public static Companion seedCopy(int i) {
        return new Companion("seed +" + i, null, null, i);
    }
}
