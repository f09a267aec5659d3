/**
 * Training: the engine that steps a network on a dataset, the thread that runs it in the app, and the immutable
 * snapshots it produces. It imports {@code model} and {@code data} only: what is measured on a snapshot (the
 * probes) and what is drawn of it are decided above, and reach the engine only as
 * {@link org.marginscope.train.MetricProbe}s. A new optimiser goes into {@code Optimiser}; a new training schedule
 * (like Li's retraining, Nar's differential mode, Poggio's perturbation) is a small collaborator working through
 * the engine's narrow API (its network, config, {@code setConfig}, {@code restartOptimiser}), not a field another
 * class writes.
 *
 * <ul>
 * <li>{@code TrainingEngine}: trains one network synchronously: forward, loss, backward, snapshot when the
 *     timeline wants the step, update; refuses a step that turns anything non-finite. The command line calls it
 *     directly. {@code WeightBackup} (the weights before an update, to undo it) and {@code LayerNorms} (weight
 *     and gradient norms, finiteness) serve its step.</li>
 * <li>{@code Trainer}: runs an engine on the thread {@code marginscope-trainer}; every change is a command applied
 *     between steps; snapshots go to listeners.</li>
 * <li>{@code Snapshot}: the state after t updates: weights, spec, loss, accuracies, norms, the probes' metrics, the
 *     companions' states. Immutable.</li>
 * <li>{@code Timeline}: the snapshots of a run, log-spaced in the step, under a count and a byte cap.</li>
 * <li>{@code MetricProbe}: a measure taken on every snapshot ({@code Moment}: the network at one step, its data,
 *     the companions); {@code StepObserver}: sees every step before its update (stop rules).</li>
 * <li>{@code TrainingConfig}, {@code LayerTraining}, {@code Optimiser}, {@code OptimiserKind}, {@code Dtype}: how a
 *     network trains (learning rate, batches, L2, van den Berg's row-norm bound, freezing; GD, momentum,
 *     Adam; float32 or float64).</li>
 * <li>{@code Companion}, {@code CompanionState}: networks trained in lockstep beside the main one (Poggio's seed
 *     copies, Nar's other loss, another architecture); their states ride in every snapshot. {@code Companions}
 *     builds, steps, resets, forks and rolls them back beside the main engine, each through its own engine's
 *     commands.</li>
 * <li>{@code BatchedEnsemble}: Poggio et al.'s seed copies of one read-out stepped as one computation, each copy
 *     committing its own step through the engine's narrow API.</li>
 * <li>{@code LastLayerSchedule}: Li et al. Fig 3's retraining of a fresh last layer (now or at a step) and Nar et
 *     al. Thm 5's differential training of the last layer, the rest frozen; what they retire, and the config a
 *     reset goes back to.</li>
 * <li>{@code Perturbation}, {@code PerturbationSchedule}: Poggio et al. Fig 5's noise, when it is due, and
 *     adding it.</li>
 * <li>{@code DivergenceWatch}: notices a run gone wrong while its numbers are still finite (a loss grown by
 *     orders of magnitude, weights beyond any training reaches, a dead hidden layer).</li>
 * <li>{@code TrainerEvent}: what the trainer thread tells the user (started, paused, reset, diverged,
 *     failed).</li>
 * </ul>
 */
package org.marginscope.train;
