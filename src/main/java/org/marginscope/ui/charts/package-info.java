/**
 * The charts over log time. A chart reads the session's snapshots and their probes' metrics, never a view's
 * frame, so a reset cannot leave a stale curve ({@code LayeringTest}: charts do not import {@code ui.views}).
 * A new curve is a probe's metric key in {@code experiment.probes} and a series here.
 *
 * <ul>
 * <li>{@code TrainingCharts}: loss, accuracy and the papers' charts of a run over log time, thinned in log time,
 *     each with a cursor at the scrubbed step.</li>
 * <li>{@code MetricChart}: a chart of some of a snapshot's measures, shown only for the runs it is about.</li>
 * <li>{@code BandChart}, {@code SeedBand}: a band over seeds behind a chart's live curves.</li>
 * <li>{@code LogAxis}: a base-10 logarithmic axis for the charts.</li>
 * </ul>
 */
package org.marginscope.ui.charts;
