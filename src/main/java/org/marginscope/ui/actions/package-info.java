/**
 * What the menus start that reads or writes files or runs long: CSV and project files, exports, the seed sweep
 * and the gradient-variance window. Work runs on its own thread and reports back on the FX thread; failures go
 * to an error dialog.
 *
 * <ul>
 * <li>{@code CsvActions}: CSV open, save and drop, loading on its own thread with progress and Cancel, shown on
 *     the {@code LoadProgressView} the window hands in (the status bar's load indicator): an action imports
 *     nothing of {@code ui.window}, which opens the actions.</li>
 * <li>{@code ProjectActions}: projects, recent files and autosave.</li>
 * <li>{@code ExportViewDialog}, {@code FigureExportAction}, {@code AnimationExportAction}: File &gt; Export view,
 *     Export paper figure and the GIF, on background threads. {@code PngWriter}: a node saved as PNG.</li>
 * <li>{@code SeedSweepDialog}: Model &gt; Run over seeds.</li>
 * <li>{@code GradientVarianceWindow}: Model &gt; Gradient variance (van den Berg Fig 18).</li>
 * </ul>
 */
package org.marginscope.ui.actions;
