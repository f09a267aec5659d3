/**
 * The papers' claims as data, measured over seeds and judged: what {@code claims} prints, docs/claims.md records
 * and the app shows under the views. Headless, like the rest of {@code experiment}. A new claim is a row of the
 * resource {@code org/marginscope/claims/claims.json} naming its preset, metric, comparison, horizon and seeds;
 * code changes only for a new kind of comparison.
 *
 * <ul>
 * <li>{@code Claim}: a paper's claim as a preset illustrates it: the statement, the metric, the comparison at the
 *     horizon, the seeds.</li>
 * <li>{@code ClaimLibrary}: the built-in claims, each checked against its preset.</li>
 * <li>{@code ClaimCheck}: runs the claims' presets over seeds on a thread pool (claims of one preset and horizon
 *     share their runs) and judges each.</li>
 * <li>{@code Verdict}: holds, holds for some seeds, trending, does not hold, not meaningful.</li>
 * <li>{@code ClaimsReport}: the verdicts as docs/claims.md and as the record the app shows.</li>
 * </ul>
 */
package org.marginscope.experiment.claims;
