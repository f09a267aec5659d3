package org.marginscope.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.data.GroundTruth;
import org.marginscope.data.DatasetFormatException;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.Scale;

/**
 * How a preset makes its data: a generator with its parameters, or a CSV (a dataset shipped with the
 * app, by file name, or a file path) with an optional choice of classes; then an optional test split.
 *
 * @param classes for a CSV: the classes kept, in this order (they become 0, 1, ...); empty keeps all
 * @param featureScale every coordinate (and a generator's ground truth with them) is multiplied by this
 *                     (e.g. 1/16 maps the 8x8 digits' 0..16 pixels to 0..1, as MNIST is usually fed); 0 in
 *                     JSON means 1
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record DatasetRecipe(String generator, int n, double noise, long seed, String range, double testFraction,
                            String csv, List<Integer> classes, double featureScale) {
    /** Where the datasets shipped with the app live on the class path. */
    static final String BUNDLED = "/org/marginscope/datasets/";

    public DatasetRecipe {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (!(featureScale > 0) || Double.isInfinite(featureScale)) {
            throw new IllegalArgumentException("featureScale must be a positive number, not " + featureScale);
        }
    }

    public DatasetRecipe(String generator, int n, double noise, long seed, String range, double testFraction,
                         String csv, List<Integer> classes) {
        this(generator, n, noise, seed, range, testFraction, csv, classes, 1);
    }

    public DatasetRecipe(String generator, int n, double noise, long seed, String range, double testFraction) {
        this(generator, n, noise, seed, range, testFraction, null, List.of(), 1);
    }

    @JsonCreator
    public static DatasetRecipe fromJson(@JsonProperty("generator") String generator, @JsonProperty("n") Integer n,
                                         @JsonProperty("noise") Double noise, @JsonProperty("seed") Long seed,
                                         @JsonProperty("range") String range,
                                         @JsonProperty("testFraction") Double testFraction,
                                         @JsonProperty("csv") String csv,
                                         @JsonProperty("classes") List<Integer> classes,
                                         @JsonProperty("featureScale") Double featureScale) {
        if ((generator == null) == (csv == null)) {
            throw new IllegalArgumentException("a dataset recipe needs either a generator name or a csv, not both");
        }
        return new DatasetRecipe(generator, n == null ? 0 : n, noise == null ? 0 : noise, seed == null ? 1 : seed,
                range == null ? "large" : range, testFraction == null ? 0 : testFraction, csv, classes,
                featureScale == null || featureScale == 0 ? 1 : featureScale);
    }

    public Dataset build() {
        Dataset d = csv != null ? fromCsv()
                : Generators.byName(generator).generate(new GeneratorParams(n, noise, seed, Scale.parse(range)));
        if (featureScale != 1) {
            // the ground truth moves with the points: its domain scaled, its labels read at x / featureScale
            GroundTruth truth = d.groundTruth().map(t -> new GroundTruth(new Bounds(t.domain().xMin() * featureScale,
                    t.domain().xMax() * featureScale, t.domain().yMin() * featureScale, t.domain().yMax() * featureScale),
                    (x, y) -> t.classOf(x / featureScale, y / featureScale))).orElse(null);
            d = new Dataset(d.name(), d.dim(), scaled(d.trainX()), d.trainY(), scaled(d.testX()), d.testY(),
                    d.classNames(), truth);
        }
        return testFraction > 0 ? d.split(testFraction, seed + 1) : d;
    }

    private double[] scaled(double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= featureScale;
        }
        return out;
    }

    private Dataset fromCsv() {
        Dataset all;
        try (InputStream bundled = DatasetRecipe.class.getResourceAsStream(BUNDLED + csv)) {
            if (bundled != null) {
                all = CsvDatasetReader.read(new InputStreamReader(bundled, StandardCharsets.UTF_8), csv, baseName());
            } else if (Files.isRegularFile(Path.of(csv))) {
                all = CsvDatasetReader.read(Path.of(csv));
            } else {
                throw new IllegalArgumentException("no dataset '" + csv + "': neither shipped with the app nor a file");
            }
        } catch (DatasetFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes.isEmpty() ? all : keepClasses(all);
    }

    private String baseName() {
        String b = csv.replaceAll(".*/", "");
        return b.endsWith(".csv") ? b.substring(0, b.length() - 4) : b;
    }

    /** Only the listed classes' points, relabelled 0, 1, ... in the listed order (training points only). */
    private Dataset keepClasses(Dataset all) {
        int dim = all.dim();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int at = classes.indexOf(all.trainLabel(i));
            if (at >= 0) {
                double[] row = new double[dim];
                for (int j = 0; j < dim; j++) {
                    row[j] = all.trainCoord(i, j);
                }
                xs.add(row);
                ys.add(at);
            }
        }
        if (ys.isEmpty()) {
            throw new IllegalArgumentException("no points of classes " + classes + " in " + csv);
        }
        double[] x = new double[xs.size() * dim];
        int[] y = new int[ys.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(xs.get(i), 0, x, i * dim, dim);
            y[i] = ys.get(i);
        }
        List<String> names = new ArrayList<>();
        for (int c : classes) {
            names.add(c < all.classNames().size() ? all.classNames().get(c) : String.valueOf(c));
        }
        StringBuilder name = new StringBuilder(baseName());
        for (int c : classes) {
            name.append(name.length() == baseName().length() ? "-" : "").append(c);
        }
        return new Dataset(name.toString(), dim, x, y, null, null, names, null);
    }

    public DatasetRecipe withSeed(long s) {
        return new DatasetRecipe(generator, n, noise, s, range, testFraction, csv, classes, featureScale);
    }
}
