package org.marginscope.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A named recipe for a 2D dataset with a ground truth. Subclasses draw clean points in the natural
 * domain; this class applies n, noise and the small-range mapping in one place. Recipes are
 * documented in docs/datasets.md.
 */
public abstract class DatasetGenerator {
    private final String name;
    private final String description;
    private final int defaultN;
    private final Bounds domain;
    private final List<String> classNames;

    protected DatasetGenerator(String name, String description, int defaultN, Bounds domain, List<String> classNames) {
        this.name = name;
        this.description = description;
        this.defaultN = defaultN;
        this.domain = domain;
        this.classNames = List.copyOf(classNames);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int defaultN() {
        return defaultN;
    }

    /** The natural (large-range) domain. */
    public Bounds domain() {
        return domain;
    }

    public int classes() {
        return classNames.size();
    }

    /** Draws clean point i of n into xy (length 2) and returns its class. */
    protected abstract int draw(int i, int n, SplittableRandom rnd, double[] xy);

    /** The true class at (x, y) in natural coordinates (-1 where undefined). */
    protected abstract int trueClass(double x, double y);

    public Dataset generate(GeneratorParams p) {
        int n = p.n() == 0 ? defaultN : p.n();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        SplittableRandom noiseRnd = rnd.split();
        double[] x = new double[2 * n];
        int[] y = new int[n];
        double[] xy = new double[2];
        double jitter = p.noise() * domain.width();
        for (int i = 0; i < n; i++) {
            y[i] = draw(i, n, rnd, xy);
            x[2 * i] = xy[0] + (jitter > 0 ? jitter * Gaussian.draw(noiseRnd) : 0);
            x[2 * i + 1] = xy[1] + (jitter > 0 ? jitter * Gaussian.draw(noiseRnd) : 0);
        }
        GroundTruth truth = new GroundTruth(domain, this::trueClass);
        if (p.scale() == Scale.SMALL) {
            double s = Math.max(domain.width(), domain.height());
            double x0 = domain.xMin(), y0 = domain.yMin();
            for (int i = 0; i < n; i++) {
                x[2 * i] = (x[2 * i] - x0) / s;
                x[2 * i + 1] = (x[2 * i + 1] - y0) / s;
            }
            Bounds small = new Bounds(0, domain.width() / s, 0, domain.height() / s);
            truth = new GroundTruth(small, (a, b) -> trueClass(x0 + a * s, y0 + b * s));
        }
        String label = name + (p.scale() == Scale.SMALL ? "-small" : "");
        return new Dataset(label, 2, x, y, null, null, classNames, truth);
    }

    /** A point drawn uniformly from the bounds. */
    protected static void uniform(Bounds b, SplittableRandom rnd, double[] xy) {
        xy[0] = b.xMin() + rnd.nextDouble() * b.width();
        xy[1] = b.yMin() + rnd.nextDouble() * b.height();
    }
}
