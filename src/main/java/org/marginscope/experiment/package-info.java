/**
 * Experiments as data and headless runs: presets, runs, sweeps over seeds, projects, tours, and the paintings of
 * the views that the window and the command line share. It imports every layer below it but no JavaFX and not
 * {@code cli}: presets, runs, probes and projects are headless, so the command line runs them without a window and
 * the window uses them unchanged. What the window shares with the command line lives here (e.g.
 * {@code BenchmarkCases}, {@code ViewId}). A new paper figure is a preset (JSON under {@code
 * org/marginscope/presets/}); a new measure over time is a probe in {@code experiment.probes}; a claim of a paper
 * is a row of {@code claims.json} ({@code experiment.claims}).
 *
 * <ul>
 * <li>{@code Preset}, {@code DatasetRecipe}, {@code PresetLibrary}: a named recipe (data, network, training,
 *     steps, stop rule, metrics, views) and the built-in ones.</li>
 * <li>{@code ExperimentRun}: a preset trained headless on a {@code train.TrainingEngine} with the probes of
 *     {@code probes.ProbePolicy}: final metrics, metrics.csv, figures.</li>
 * <li>{@code MetricsCsv}, {@code MetricsJson}, {@code MetricsTable}, {@code WeightsJson}: a run's files: one row per
 *     snapshot, the final metrics as one JSON line, metrics.csv read back, weights as plain JSON.</li>
 * <li>{@code Sweep}, {@code SweepSummary}, {@code SweepFigures}, {@code SeedVariation}: a preset over seeds on a
 *     thread pool, the median and quartiles over seeds, their figures; which seed a sweep varies.</li>
 * <li>{@code NeuronFigure}: the Neurons tab's frame and painting through {@code render.Pen} (Sarussi et al.'s view
 *     for their nets, {@code analysis.NeuronMap}'s for any other).</li>
 * <li>{@code RegionsFigure}, {@code LinearRegionsFigure}: the Regions tab's frames and paintings (van den Berg's
 *     unit maps, gradient heatmaps, Fig 17; the exact linear regions), for the window and {@code run --views}
 *     alike.</li>
 * <li>{@code SnapshotFigures}, {@code TrainingChartsFigure}: the paper figure of a snapshot and of animation
 *     frames; a run's charts as one figure.</li>
 * <li>{@code Project}, {@code ProjectFile}, {@code ProjectCheck}, {@code ProjectFileException}: {@code .msproj}
 *     files: data, spec, settings, view toggles, weights, optional timeline; the format version checked first,
 *     every part after.</li>
 * <li>{@code Tour}, {@code TourStep}, {@code TourLibrary}: guided tours as JSON data, checked on reading; appending
 *     a step to a teacher's file (docs/tours.md).</li>
 * <li>{@code ViewId}: the views by the names presets, tour steps and {@code gui --regions-mode} spell them.</li>
 * <li>{@code PaperReferences}, {@code PresetGroups}, {@code PresetHeadline}: the five papers, the presets by paper,
 *     a preset in one line.</li>
 * <li>{@code PresetPreview}, {@code PresetPreviewCache}: a short headless run for the gallery (thumbnail, pace,
 *     expected duration), cached on disk by the preset's JSON.</li>
 * <li>{@code NormProductAtLoss}: Poggio et al.'s product of the layers' norms at a set training loss.</li>
 * <li>{@code BenchmarkCases}: the nets and data {@code bench} and {@code bench --ui} time.</li>
 * <li>{@code Json}, {@code JsonProblems}: the one strict Jackson mapper, and its errors in a user's words.</li>
 * </ul>
 */
package org.marginscope.experiment;
