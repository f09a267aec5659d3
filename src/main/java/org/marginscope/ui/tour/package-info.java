/**
 * A tour beside the views: a step's preset, view, overlays and highlight, Back restoring a step exactly, and the
 * window's state saved as a step. What is not JavaFX (the tour file and its editing) lives in {@code experiment}.
 *
 * <ul>
 * <li>{@code TourHost}: the Tours menu and panel in the window; applies a step.</li>
 * <li>{@code TourPlayer}: the tour's position and the state each step restores.</li>
 * <li>{@code TourPanel}: step n of m, the step's title and narration, the training progress with Skip, and
 *     Back / Next / Restart.</li>
 * <li>{@code TourStepDialog}: a new step's title and narration; the rest of the step is the window's state.</li>
 * </ul>
 */
package org.marginscope.ui.tour;
