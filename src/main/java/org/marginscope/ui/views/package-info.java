/**
 * The four views and the timeline that picks their moment. Each view is a thin JavaFX shell (controls, mouse
 * tools, blitting) around a frame builder on a {@link org.marginscope.render.LatestRequestWorker} and a painter
 * that draws one frame, built from one snapshot, through {@link org.marginscope.render.Pen}; {@code FxPen} is
 * that pen on a canvas. A new view gets a frame and a painter in {@code render} or {@code experiment} and its
 * shell here, and a tab in {@code ViewTabs}.
 *
 * <ul>
 * <li>{@code BoundaryView}: the original-space view and data canvas, a shell around
 *     {@code render.OriginalPainter}; View &gt; Linear regions through {@code LinearRegionsOverlay} (its own
 *     worker).</li>
 * <li>{@code RenderService}: the original view's frame builder on a {@code render.LatestRequestWorker}.</li>
 * <li>{@code Markers}: class markers on a canvas. {@code FrameErrors}: a failed frame build reported once on
 *     stderr.</li>
 * <li>{@code TransformedView}: Li's transformed space with the SVM overlay, toggles, SVM-label panel, warped
 *     grid. {@code TransformedFrameBuilder}: its frames, paced unless the look or the moment changed.
 *     {@code FrameCache}: transformed frames per snapshot.</li>
 * <li>{@code NeuronView}: the Neurons tab, painted by {@code experiment.NeuronFigure}; hovering a unit highlights
 *     it in the other views, a click pins it.</li>
 * <li>{@code RegionsView}: van den Berg's Regions tab, painted by {@code experiment.RegionsFigure} and
 *     {@code experiment.LinearRegionsFigure}.</li>
 * <li>{@code FxPen}: {@code render.Pen} on a JavaFX canvas. {@code ViewCanvas}: a canvas view's blank page and
 *     heading style. {@code CanvasHeader}: header lines cut with an ellipsis, the full lines in a tooltip.</li>
 * <li>{@code ViewTabs}, {@code TabTitles}: the tabs beside the original view, and their titles fitted to the
 *     pane.</li>
 * <li>{@code TimelineScrubber}: the log-step axis with the timeline's snapshots as ticks; Live; Continue from
 *     here.</li>
 * </ul>
 */
package org.marginscope.ui.views;
