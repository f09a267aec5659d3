/**
 * Data sets and their files: immutable labelled point sets, the generators of the papers' toy sets, and CSV
 * reading and writing by the grammar of docs/datasets.md. The bottom layer: it imports nothing of ours and no
 * ND4J, because a file format needs no native library and reading a CSV or a project must not load one. A new
 * generator is a {@link org.marginscope.data.DatasetGenerator} registered in {@link org.marginscope.data.Generators};
 * a new file format or check of a file goes here too.
 *
 * <ul>
 * <li>{@code Dataset}: n training points of dimension d with labels 0..K-1, an optional test part, class names and,
 *     for generated 2-D data, a {@code GroundTruth}; coordinates flat and row-major, never shared.</li>
 * <li>{@code GroundTruth}: the true class of every point of a generated set's domain (the misclassified area,
 *     gradient fields).</li>
 * <li>{@code Bounds}, {@code Viewport}: a rectangle of the plane, and the part a view shows with its grid's pixel
 *     size.</li>
 * <li>{@code DatasetGenerator}, {@code Generators}, {@code GeneratorParams}, {@code Scale}: a named recipe (n,
 *     noise, seed, natural or [0,1] range) and every recipe by name.</li>
 * <li>{@code LiGenerators}: Li, Ding, Gao 2018's 2-D sets (Fig 2, Fig 5), after the authors' code.</li>
 * <li>{@code GaussianGenerators}: the Gaussian classes of Nar et al. 2019 and Sarussi et al. 2021.</li>
 * <li>{@code StripGenerator}: van den Berg 2014 Sec 5.1's strip [-6,6] x [-1,1] split by the y-axis.</li>
 * <li>{@code ClassicGenerators}: XOR, two circles, two spirals.</li>
 * <li>{@code Gaussian}: normal draws that depend only on the random stream.</li>
 * <li>{@code CsvDatasetReader}, {@code CsvDatasetWriter}: a dataset from and to CSV; the reader streams with
 *     progress ({@code LoadProgress}, {@code CountingInputStream}) and cancel.</li>
 * <li>{@code CsvGrammar}, {@code CsvLines}, {@code CsvLabels}, {@code CsvLimits}: the reader's parts: numbers and
 *     names, records, the label column, size limits checked before anything is allocated.</li>
 * <li>{@code DatasetFormatException}: a file that cannot be read, with its line and column.</li>
 * <li>{@code AtomicFiles}: every save of the app (projects, tours, figures, CSV, metrics) as temporary file,
 *     force, rename.</li>
 * </ul>
 */
package org.marginscope.data;
