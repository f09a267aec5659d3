package org.marginscope.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An immutable labelled point set: n training points of dimension d with labels 0..K-1, an optional
 * test part, the class names and, for generated 2D data, the ground-truth label function.
 * Coordinates are stored flat and row-major; the arrays never leave this class uncopied.
 */
public final class Dataset {
    private final String name;
    private final int dim;
    private final double[] trainX;
    private final int[] trainY;
    private final double[] testX;
    private final int[] testY;
    private final List<String> classNames;
    private final GroundTruth groundTruth;

    public Dataset(String name, int dim, double[] trainX, int[] trainY, double[] testX, int[] testY,
                   List<String> classNames, GroundTruth groundTruth) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dim);
        }
        Objects.requireNonNull(trainX, "trainX");
        Objects.requireNonNull(trainY, "trainY");
        testX = testX == null ? new double[0] : testX;
        testY = testY == null ? new int[0] : testY;
        if (trainX.length != (long) trainY.length * dim || testX.length != (long) testY.length * dim) {
            throw new IllegalArgumentException("coordinate count does not match labels x dimension");
        }
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one class name");
        }
        checkLabels(trainY, classNames.size());
        checkLabels(testY, classNames.size());
        checkFinite(trainX);
        checkFinite(testX);
        if (groundTruth != null && dim != 2) {
            throw new IllegalArgumentException("a ground truth is only defined for 2D data");
        }
        this.name = name == null ? "data" : name;
        this.dim = dim;
        this.trainX = trainX.clone();
        this.trainY = trainY.clone();
        this.testX = testX.clone();
        this.testY = testY.clone();
        this.classNames = List.copyOf(classNames);
        this.groundTruth = groundTruth;
    }

    /** A dataset with default class names "0".."K-1" where K = max label + 1 (at least 2). */
    public static Dataset of(String name, int dim, double[] x, int[] y) {
        int k = Math.max(2, Arrays.stream(y).max().orElse(0) + 1);
        return new Dataset(name, dim, x, y, null, null, defaultClassNames(k), null);
    }

    public static List<String> defaultClassNames(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static void checkLabels(int[] y, int k) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException("label " + y[i] + " of point " + i + " is outside 0.." + (k - 1));
            }
        }
    }

    private static void checkFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("coordinate " + i + " is not a finite number: " + x[i]);
            }
        }
    }

    public String name() {
        return name;
    }

    public int dim() {
        return dim;
    }

    public int size() {
        return trainY.length;
    }

    public int testSize() {
        return testY.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public Optional<GroundTruth> groundTruth() {
        return Optional.ofNullable(groundTruth);
    }

    /** A copy of the training coordinates, row-major n x d. */
    public double[] trainX() {
        return trainX.clone();
    }

    public int[] trainY() {
        return trainY.clone();
    }

    public double[] testX() {
        return testX.clone();
    }

    public int[] testY() {
        return testY.clone();
    }

    public double trainCoord(int point, int feature) {
        return trainX[point * dim + feature];
    }

    public int trainLabel(int point) {
        return trainY[point];
    }

    public double testCoord(int point, int feature) {
        return testX[point * dim + feature];
    }

    public int testLabel(int point) {
        return testY[point];
    }

    /** The classes (labels) that have at least one training or test point, in increasing order. */
    public int[] presentClasses() {
        boolean[] seen = new boolean[numClasses()];
        for (int y : trainY) {
            seen[y] = true;
        }
        for (int y : testY) {
            seen[y] = true;
        }
        return java.util.stream.IntStream.range(0, seen.length).filter(c -> seen[c]).toArray();
    }

    /** Per class number, whether it has a training or test point (an empty class keeps its number and output). */
    public boolean[] classesWithPoints() {
        boolean[] has = new boolean[numClasses()];
        for (int c : presentClasses()) {
            has[c] = true;
        }
        return has;
    }

    /** Number of training points per class. */
    public int[] classCounts() {
        int[] c = new int[numClasses()];
        for (int y : trainY) {
            c[y]++;
        }
        return c;
    }

    /** Bounds of all (train and test) points of a 2D dataset, widened by a relative margin. */
    public Bounds extent(double margin) {
        if (dim != 2) {
            throw new IllegalStateException("extent is defined for 2D data only");
        }
        double[] all = Arrays.copyOf(trainX, trainX.length + testX.length);
        System.arraycopy(testX, 0, all, trainX.length, testX.length);
        return Bounds.enclosing(all, margin);
    }

    public Dataset withName(String newName) {
        return new Dataset(newName, dim, trainX, trainY, testX, testY, classNames, groundTruth);
    }

    public Dataset withGroundTruth(GroundTruth truth) {
        return new Dataset(name, dim, trainX, trainY, testX, testY, classNames, truth);
    }

    /**
     * Moves a random fraction of all points (train and test together) into the test part,
     * stratified by nothing but the seed: the same seed gives the same split.
     */
    public Dataset split(double testFraction, long seed) {
        if (testFraction < 0 || testFraction >= 1) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        int n = trainY.length + testY.length;
        double[] allX = Arrays.copyOf(trainX, n * dim);
        System.arraycopy(testX, 0, allX, trainX.length, testX.length);
        int[] allY = Arrays.copyOf(trainY, n);
        System.arraycopy(testY, 0, allY, trainY.length, testY.length);
        int[] order = permutation(n, seed);
        int nTest = (int) Math.round(n * testFraction);
        int nTrain = n - nTest;
        double[] tx = new double[nTrain * dim], sx = new double[nTest * dim];
        int[] ty = new int[nTrain], sy = new int[nTest];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            if (i < nTrain) {
                System.arraycopy(allX, src * dim, tx, i * dim, dim);
                ty[i] = allY[src];
            } else {
                System.arraycopy(allX, src * dim, sx, (i - nTrain) * dim, dim);
                sy[i - nTrain] = allY[src];
            }
        }
        return new Dataset(name, dim, tx, ty, sx, sy, classNames, groundTruth);
    }

    /** A dataset with more training points: xy holds (x, y, ...) rows of this dimension, labels one per row. */
    public Dataset withPoints(double[] xy, int[] labels) {
        if (xy.length != labels.length * dim) {
            throw new IllegalArgumentException("coordinates do not match labels x dimension");
        }
        double[] x = Arrays.copyOf(trainX, trainX.length + xy.length);
        System.arraycopy(xy, 0, x, trainX.length, xy.length);
        int[] y = Arrays.copyOf(trainY, trainY.length + labels.length);
        System.arraycopy(labels, 0, y, trainY.length, labels.length);
        int k = classNames.size();
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        List<String> names = new ArrayList<>(classNames);
        for (int i = names.size(); i < k; i++) {
            names.add(Integer.toString(i));
        }
        return new Dataset(name, dim, x, y, testX, testY, names, groundTruth);
    }

    /** The same data with training point i at new coordinates (a drag of the move tool). */
    public Dataset withTrainPointMoved(int i, double[] to) {
        if (i < 0 || i >= trainY.length || to.length != dim) {
            throw new IllegalArgumentException("no training point " + i + " of dimension " + to.length);
        }
        double[] x = trainX.clone();
        System.arraycopy(to, 0, x, i * dim, dim);
        return new Dataset(name, dim, x, trainY, testX, testY, classNames, groundTruth);
    }

    /** A dataset without the given training and test points (indices into each part). */
    public Dataset withoutPoints(java.util.Set<Integer> train, java.util.Set<Integer> test) {
        double[] x = new double[(trainY.length - train.size()) * dim];
        int[] y = new int[trainY.length - train.size()];
        for (int i = 0, o = 0; i < trainY.length; i++) {
            if (!train.contains(i)) {
                System.arraycopy(trainX, i * dim, x, o * dim, dim);
                y[o++] = trainY[i];
            }
        }
        double[] sx = new double[(testY.length - test.size()) * dim];
        int[] sy = new int[testY.length - test.size()];
        for (int i = 0, o = 0; i < testY.length; i++) {
            if (!test.contains(i)) {
                System.arraycopy(testX, i * dim, sx, o * dim, dim);
                sy[o++] = testY[i];
            }
        }
        return new Dataset(name, dim, x, y, sx, sy, classNames, groundTruth);
    }

    /** The same class names (and ground truth) without any point. */
    public Dataset cleared() {
        return new Dataset(name, dim, new double[0], new int[0], null, null, classNames, groundTruth);
    }

    /** A Fisher-Yates permutation of 0..n-1 from the given seed. */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " train + " + testSize() + " test points, d=" + dim + ", K=" + numClasses() + ")";
    }
}
