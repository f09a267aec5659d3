package org.marginscope.experiment.claims;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A paper's claim as a preset illustrates it, written as data: what the paper says (short, with its place), the
 * metric that measures it, the comparison that would confirm it at the horizon, and the seeds to measure over.
 *
 * @param preset       the preset that illustrates it
 * @param id           a short name, unique within the preset
 * @param statement    the paper's statement, quoted short
 * @param source       paper, section or figure
 * @param metric       the metric key measured at the horizon (a snapshot metric or a run's final one)
 * @param op           {@code <=} or {@code >=}
 * @param value        the threshold: a number, or a factor of {@code relativeTo}'s value
 * @param relativeTo   a metric key the threshold scales (e.g. {@code svm_margin}), or null for a plain number
 * @param limit        a metric key of the theoretical limit to print beside the measure, or null
 * @param meaningfulUnless a metric key that, when 1 (true) on a seed, makes the measure on that seed not
 *                     meaningful (e.g. {@code transform_degenerate}), or null
 * @param horizon      steps of each run
 * @param seeds        runs, with seeds 1..seeds (data and initialisation vary together)
 * @param quick        whether {@code claims --quick} (and the tests) measure it: cheap enough for a few seconds
 * @param note         what the measurements showed beyond the verdict (for docs/claims.md), or null
 */
public record Claim(String preset, String id, String statement, String source, String metric, String op,
                    double value, String relativeTo, String limit, String meaningfulUnless, long horizon, int seeds,
                    boolean quick, String note) {
    @JsonCreator
    public Claim(@JsonProperty("preset") String preset, @JsonProperty("id") String id,
                 @JsonProperty("statement") String statement, @JsonProperty("source") String source,
                 @JsonProperty("metric") String metric, @JsonProperty("op") String op,
                 @JsonProperty("value") double value, @JsonProperty("relativeTo") String relativeTo,
                 @JsonProperty("limit") String limit, @JsonProperty("meaningfulUnless") String meaningfulUnless,
                 @JsonProperty("horizon") long horizon, @JsonProperty("seeds") int seeds,
                 @JsonProperty("quick") boolean quick, @JsonProperty("note") String note) {
        if (!"<=".equals(op) && !">=".equals(op)) {
            throw new IllegalArgumentException("claim " + preset + "/" + id + ": op must be <= or >=, not " + op);
        }
        if (horizon <= 0 || seeds <= 0) {
            throw new IllegalArgumentException("claim " + preset + "/" + id + ": horizon and seeds must be positive");
        }
        this.preset = preset;
        this.id = id;
        this.statement = statement;
        this.source = source;
        this.metric = metric;
        this.op = op;
        this.value = value;
        this.relativeTo = relativeTo;
        this.limit = limit;
        this.meaningfulUnless = meaningfulUnless;
        this.horizon = horizon;
        this.seeds = seeds;
        this.quick = quick;
        this.note = note;
    }

    /** Whether a measure (already divided by {@code relativeTo}'s value where there is one) satisfies it. */
    public boolean satisfiedBy(double measure) {
        return "<=".equals(op) ? measure <= value : measure >= value;
    }

    /** The comparison in words, e.g. {@code ce_margin <= 0.95 x svm_margin}. */
    public String comparison() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e6 ? Long.toString((long) value) : Double.toString(value);
        return metric + " " + op + " " + (relativeTo == null ? v : v + " x " + relativeTo);
    }
}
