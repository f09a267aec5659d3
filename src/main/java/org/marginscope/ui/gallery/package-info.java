/**
 * File &gt; Examples: every preset with a picture, fed by previews on a low-priority thread.
 *
 * <ul>
 * <li>{@code GalleryWindow}, {@code GalleryCard}: the examples window and one preset's card.</li>
 * <li>{@code PreviewWorker}: the previews, on {@code marginscope-gallery} at minimum priority.</li>
 * <li>{@code PresetPace}: a loaded preset's expected duration.</li>
 * </ul>
 */
package org.marginscope.ui.gallery;
