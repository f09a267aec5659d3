/**
 * The command line: picocli commands over the headless layers. It imports {@code experiment} and everything below
 * it, never JavaFX, because the command line runs without a display; the names, files and metric keys it prints
 * are a contract scripts depend on (docs/cli.md). A new command is a class here registered in
 * {@code MarginScopeCommand}; what it computes belongs in {@code experiment} or below, so the window can use it
 * too.
 *
 * <ul>
 * <li>{@code MarginScopeCommand}: the root command, its exit codes and one-line errors.</li>
 * <li>{@code PresetsCommand}, {@code GenCommand}, {@code RunCommand}, {@code SvmCommand}, {@code SweepCommand},
 *     {@code ClaimsCommand}, {@code BenchCommand}: {@code presets}, {@code gen}, {@code run}, {@code svm},
 *     {@code sweep} (seeds in worker processes), {@code claims}, {@code bench}.</li>
 * <li>{@code Benchmarks}, {@code PlainJavaMlp}: the {@code bench} figures; a plain-Java net to compare the ND4J
 *     path's per-call cost with.</li>
 * <li>{@code ProgressBar}, {@code JsonLine}: a one-line progress bar on stderr; one-line JSON on stdout.</li>
 * </ul>
 */
package org.marginscope.cli;
