/**
 * Files from finished figures: PNG, SVG, PDF and animated GIF, written atomically. It imports {@code render} (a
 * {@link org.marginscope.render.Figure} is what it writes) and {@code data} (for {@code AtomicFiles}) only: a file
 * is written from a finished figure, never from a network or a run. A new output format goes here.
 *
 * <ul>
 * <li>{@code FigureWriter}: a figure as PNG (scale 1-4, ImageIO), SVG (Batik) or PDF (PDFBox); in SVG and PDF the
 *     points and lines are vectors, shaded fields embedded images, text outlines.</li>
 * <li>{@code GifWriter}: an animated GIF with the JDK's own writer, one frame in memory at a time, cancellable.
 *     No MP4: the pure-Java encoder on Maven Central (JCodec) has had no release since 0.2.5, and the maintained
 *     one (bytedeco's FFmpeg) is LGPL/GPL.</li>
 * </ul>
 */
package org.marginscope.export;
