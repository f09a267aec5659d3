/**
 * The entry point, above every layer: it chooses between the desktop app ({@code ui}) and the command line
 * ({@code cli}), so no layer imports this package. {@code gui} and {@code bench --ui} start JavaFX; every other
 * command runs headless.
 *
 * <ul>
 * <li>{@code Main}: no arguments or {@code gui} opens the window, {@code bench --ui} times the window's drawing,
 *     any other command goes to {@code cli.MarginScopeCommand}.</li>
 * <li>{@code JvmRelaunch}: {@code java -jar} starts one child JVM with {@code --add-modules jdk.incubator.vector}
 *     so the vector kernel is there; streams passed through, its exit code returned; nothing when the module is
 *     already resolved, the runtime lacks it, or {@code -Dmarginscope.simd=false}.</li>
 * </ul>
 */
package org.marginscope;
