/**
 * Measures on a network and its data: the quantities the five papers reason about, each class citing the
 * equations it computes. It imports {@code model} and {@code data} only: a measure reads a network and data, so
 * the app and the command line compute it alike, and it knows nothing of training threads, snapshots' schedules
 * or pictures. A new measure goes here as a plain class with a test against the paper's numbers or a closed form;
 * to see it over time, wrap it in a probe in {@code experiment.probes}.
 *
 * <ul>
 * <li>{@code LinearSvm}, {@code SvmSolution}: the project's linear SVM (LIBSVM's C-SVC for two classes, LIBLINEAR's
 *     Crammer-Singer for K); binary fits of many points by {@code DualCoordinateDescentSvm} (Hsieh et al. 2008) or
 *     {@code ActiveSetHardMargin}; progress and cancel through {@code SvmTask}.</li>
 * <li>{@code LastLayerAlignment}: Li, Ding, Gao 2018 Thms 1-2: the angle and bias gap between the last layer and the
 *     SVM of the transformed points, both margins.</li>
 * <li>{@code TransformRank}: sigma_2/sigma_1 of the transformed points and dead units: when Li's angle means
 *     nothing.</li>
 * <li>{@code PenalisedBiasSvm}: min |w|^2 + b^2, cross-entropy's limit with a trained bias (Nar et al. 2019), as
 *     the least-norm point of the signed points' hull by {@code MinNormPoint} (Wolfe's algorithm).</li>
 * <li>{@code NarTwoPoint}: Nar et al. 2019 Thm 1's closed-form limit for two points.</li>
 * <li>{@code Confidence}: Nar et al. Remark 2: the predicted confidence max_c p(c | x).</li>
 * <li>{@code NeuronClusters}: Sarussi, Brutzkus, Globerson 2021: w+, w-, the radius R, cluster angles, Thm 5.1's
 *     cones, the PAR share.</li>
 * <li>{@code ParPrediction}: Sarussi et al. Thm 6.2's predicted limit in the Perfect Agreement Regime.</li>
 * <li>{@code NeuronMap}, {@code NeuronPlane}, {@code OutgoingTone}, {@code DirectionClusters}: any net's hidden
 *     layer as points for the Neurons tab: where each unit goes, its colour and size, its direction cluster.</li>
 * <li>{@code EnsembleSpread}: Poggio et al. 2018: the largest pairwise angle of an ensemble's normalised
 *     layers.</li>
 * <li>{@code SquareLossLimit}: Poggio et al. 2018 Sec 3: the square loss's limit on fixed features, the
 *     least-squares fit nearest the start.</li>
 * <li>{@code UnitMaps}, {@code GradientField}: van den Berg 2014 Figs 2-12: every unit's output over the plane; the
 *     largest gradient entry per layer over the plane.</li>
 * <li>{@code PartialBackprop}: van den Berg Sec 5.3 (Fig 17): the lowest layer the error reaches under the
 *     thresholds of Eqs 14-15.</li>
 * <li>{@code GradientVariance}: van den Berg Sec 5.4 (Fig 18): the mini-batch gradient's coefficient of variation
 *     against the batch size and the weights' scale.</li>
 * <li>{@code MisclassifiedArea}, {@code MisclassifiedAreaTracker}: van den Berg Figs 13-14: the area where the
 *     network disagrees with the ground truth; the tracker re-evaluates only the cells that can have flipped.</li>
 * <li>{@code HyperplaneDistance}: van den Berg Fig 13(f): each first-layer hyperplane's distance to its nearest
 *     sample.</li>
 * <li>{@code LinearRegions}, {@code RegionSplitter}, {@code ConvexPolygon}, {@code ActivationPattern}: the exact
 *     partition of a rectangle into a piecewise linear net's linear regions.</li>
 * <li>{@code DecadeTrend}: a least-squares line against log10 t over a curve's last two decades.</li>
 * <li>{@code PowerOfTwoScale}: the power-of-two rescaling {@code LinearSvm} fits on, exact both ways (tiny or huge
 *     coordinates).</li>
 * </ul>
 */
package org.marginscope.analysis;
