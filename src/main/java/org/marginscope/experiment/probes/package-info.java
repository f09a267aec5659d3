/**
 * The probes: every number shown over time (a chart's curve, a view header, a tour's target, the metrics of
 * {@code run}, {@code sweep} and {@code claims}) is a probe's measure on a snapshot. Each probe is a
 * {@code train.MetricProbe} that wraps a measure of {@code analysis} and owns its metric keys as constants; which
 * probes a run has is one function of the preset, {@link org.marginscope.experiment.probes.ProbePolicy#forPreset},
 * called by the app's {@code ui.Session} and by {@code experiment.ExperimentRun} alike, so a preset gives the same
 * metrics at the same steps in the window and on the command line. A new measure over time is a probe here, added
 * to {@code ProbePolicy} and to the metric keys of docs/cli.md; no other class spells its keys.
 *
 * <ul>
 * <li>{@code ProbePolicy}: the probes of a preset: always the shape-bound ones (clusters, ensemble, square-loss
 *     floor), the costly ones where the preset lists them.</li>
 * <li>{@code SvmAlignmentProbe}: Li et al. 2018: the last layer against the SVM of the transformed points, on a
 *     thinned schedule (every step to 16, then 8 per doubling, and every explicit record).</li>
 * <li>{@code ClusterProbe}: Sarussi et al. 2021's cluster measures and PAR prediction; silent for other
 *     shapes.</li>
 * <li>{@code ClusterTrend}: Sarussi's R/|w| and non-linear share per decade of t, from a timeline.</li>
 * <li>{@code CompanionProbes}: Poggio et al.'s ensemble spread, Nar et al.'s margins and angles, the mean
 *     confidence.</li>
 * <li>{@code SquareFloorProbe}: Poggio et al.'s square-loss floor: each copy's limit and the spread of the
 *     limits.</li>
 * <li>{@code VandenBergProbes}: van den Berg's misclassified area (on at most 2,400 cells) and
 *     hyperplane-to-sample distances.</li>
 * <li>{@code LinearRegionsProbe}: the number of exact linear regions, and of those holding training points.</li>
 * </ul>
 */
package org.marginscope.experiment.probes;
