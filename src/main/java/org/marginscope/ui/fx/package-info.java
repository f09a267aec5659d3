/**
 * JavaFX helpers that every room uses and that know nothing of MarginScope: it imports no other {@code ui}
 * package.
 *
 * <ul>
 * <li>{@code Nodes}: layout helpers (show or hide with the room a node takes; a menu item).</li>
 * <li>{@code ErrorDialogs}: error dialogs.</li>
 * <li>{@code FxRead}: reading FX-owned state from another thread.</li>
 * <li>{@code FxTicker}: polling on the FX thread 30 times a second without keeping JavaFX's pulse going.</li>
 * <li>{@code FxPulseMonitor}: time spent per tick (for {@code bench --ui} and the status bar).</li>
 * </ul>
 */
package org.marginscope.ui.fx;
