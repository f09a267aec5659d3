/**
 * Frames and paintings: what a view shows of one snapshot, computed off the FX thread, and the drawing calls that
 * put it on screen and into files alike. It imports {@code analysis}, {@code model} and {@code data}: a renderer
 * sees weights and numbers, not the training that made them (a companion is a {@code CompanionNet}, not
 * {@code train}'s {@code CompanionState}), and no JavaFX. A painter draws through {@link org.marginscope.render.Pen},
 * whose JavaFX backend is {@code ui.views.FxPen} (the screen) and whose Java2D backend is
 * {@link org.marginscope.render.Java2DPen} (PNG, SVG, PDF); a new view's frame and painter go here or, when they
 * need presets or probes, in {@code experiment}.
 *
 * <ul>
 * <li>{@code BoundaryRenderer}, {@code BoundaryFrame}: the original plane: one batched pass of the network over a
 *     viewport's grid, shaded ARGB pixels, the boundary as segments, the companions' boundaries, and the overlays
 *     built from the same snapshot: {@code LinearRegime} (Sarussi's classifier and Thm 5.1's cones) and
 *     {@code TwoPointLimit} (Nar Thm 1's closed-form limit and the SVM on two points). {@code FieldPixels}: the
 *     field resampled to the plot's pixels on the view's worker, so the screen copies it.</li>
 * <li>{@code OriginalPainter}: a boundary frame drawn through {@code Pen}, overlays, legend and confidence bar
 *     included: the original view on screen and in Export view.</li>
 * <li>{@code LatestRequestWorker}: every view's worker: one build at a time, the newest request replaces a pending
 *     one (a stale request is never built), each view's own pacing, failures reported, clean shutdown.</li>
 * <li>{@code TransformedRenderer}, {@code TransformedFrame}, {@code WarpedGrid}: Li et al.'s transformed space of one
 *     snapshot: the points through the last hidden layer (PCA when wider than 2), the last layer's shading, the
 *     SVM, the original plane's grid carried through, a retired last layer.</li>
 * <li>{@code TransformedPainter}, {@code MarkerSprites}: a transformed frame's plot area as a Java2D raster, off the
 *     FX thread.</li>
 * <li>{@code RegionRaster}: linear regions as pixels shaded by slope or pattern, and their edges.</li>
 * <li>{@code Pen}, {@code Java2DPen}: the drawing calls a view's painter makes, and their Java2D backend.</li>
 * <li>{@code Figure}, {@code StackedFigure}: a fixed-size Java2D picture; figures one above the other.</li>
 * <li>{@code PaperFigure}: Li et al. Fig 2 composed (A data, B boundary, C SVM and D network in the transformed
 *     space), or one panel alone; its {@code Maker} reuses renderers for animation frames.</li>
 * <li>{@code ChartFigure}: chart panels on log steps, for export.</li>
 * <li>{@code PresetThumbnail}: the gallery's picture of a preset.</li>
 * <li>{@code CompanionNet}: a network drawn beside the main one: label, spec, weights, offset.</li>
 * <li>{@code Shading}, {@code FieldShading}, {@code FieldColours}, {@code Palette}, {@code MarkerGlyph}: colour maps
 *     (class probability, confidence, scalar fields), Okabe-Ito class colours and marker shapes.</li>
 * <li>{@code Contours}, {@code NiceTicks}, {@code Ellipsis}: marching squares, axis ticks, a header line cut to a
 *     width.</li>
 * </ul>
 */
package org.marginscope.render;
