/**
 * The side panels: data, network and training settings, each field validated as it is typed. They change the
 * session; what they show of a run comes from it.
 *
 * <ul>
 * <li>{@code DataPanel}, {@code NetworkPanel}, {@code TrainingPanel}: the side panels.</li>
 * <li>{@code SarussiNetBuilder}: one click to Sarussi's 2k-unit net.</li>
 * <li>{@code NormProductTable}: Poggio's norm product at a set loss, one row per run (in the training
 *     panel).</li>
 * <li>{@code Fields}: validated input fields and number formatting.</li>
 * </ul>
 */
package org.marginscope.ui.panels;
