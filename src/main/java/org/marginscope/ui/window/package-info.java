/**
 * The window's frame: the menu bar, the toolbar, the single keys, the status line and presentation mode. These
 * classes hold no state of their own beyond the controls; they call into the session and the other rooms. A new
 * menu item goes to {@code MainMenuBar}, a new key to {@code WindowKeys}.
 *
 * <ul>
 * <li>{@code MainMenuBar}, {@code MainToolBar}: every menu item and toolbar button.</li>
 * <li>{@code WindowKeys}, {@code KeyBindings}: the single-key table and its runner (Help lists the same
 *     table).</li>
 * <li>{@code Icons}: toolbar glyphs as shapes.</li>
 * <li>{@code PresentationMode}: full screen with larger type, folding, scale, theme.</li>
 * <li>{@code StatusBar}, {@code LoadIndicator}: the status line; a CSV load's progress and Cancel (the
 *     {@code ui.actions.LoadProgressView} that {@code CsvActions} reports to).</li>
 * <li>{@code ClaimsBar}: the loaded preset's claims with their verdicts (coloured by
 *     {@code Theme.verdictColour}, as Run over seeds colours them).</li>
 * <li>{@code HelpDialogs}, {@code AboutInfo}: Help &gt; Keyboard shortcuts and About, the version.</li>
 * </ul>
 */
package org.marginscope.ui.window;
