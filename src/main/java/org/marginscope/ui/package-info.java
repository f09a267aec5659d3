/**
 * The JavaFX window, one room per sub-package. This root keeps only the app and what every room shares: the
 * {@code Session} each room reads and changes, the settings and the theme. It imports {@code experiment} and
 * everything below it, not {@code cli}, and is the only package that imports JavaFX.
 *
 * <p>The rooms: {@link org.marginscope.ui.window} (menus, toolbar, keys, status bar, presentation mode),
 * {@link org.marginscope.ui.panels} (the side panels), {@link org.marginscope.ui.views} (the four views and the
 * timeline), {@link org.marginscope.ui.charts} (the charts over log time), {@link org.marginscope.ui.tour}
 * (a tour beside the views), {@link org.marginscope.ui.actions} (files, exports and the dialogs that run work in
 * the background), {@link org.marginscope.ui.gallery} (File &gt; Examples) and {@link org.marginscope.ui.fx}
 * (JavaFX helpers of every room). {@code MainWindow} is the composition root: it builds one of each and wires
 * them, so it imports every room and every room imports {@code Session}.
 *
 * <ul>
 * <li>{@code MarginScopeApp}: the JavaFX application and the {@code gui} options ({@code --preset},
 *     {@code --tab}, {@code --regions-mode}, {@code --screenshot}, {@code --metrics-out}, ...).</li>
 * <li>{@code MainWindow}: the composition root (see "The window" in docs/architecture.md).</li>
 * <li>{@code Session}: data with undo and redo, spec, config, the preset, the {@code Trainer}, the snapshot
 *     shown.</li>
 * <li>{@code Settings}: where persistent settings live.</li>
 * <li>{@code Theme}: light and dark CSS under {@code assets/themes/} (loaded by absolute resource path).</li>
 * <li>{@code UiBenchmark}: {@code bench --ui}.</li>
 * </ul>
 */
package org.marginscope.ui;
