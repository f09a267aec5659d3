package org.marginscope.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginscope.data.Bounds;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * The exact partition of a rectangle of the input plane into a piecewise linear network's linear regions.
 *
 * <p>A network whose hidden layers are ReLU, Leaky ReLU or linear is a continuous piecewise affine map: on
 * the set of inputs that share one activation pattern (which units are on, {@link ActivationPattern}) every
 * pre-activation, and so every logit, is one affine function of the input, and that set is an intersection
 * of half-planes - a convex polygon (in general dimension a convex polytope; the partition of Serra,
 * Tjandraatmadja and Ramalingam 2018, drawn exactly in 2-D by SplineCam, Humayun et al. 2023). The regions
 * are found layer by layer, as SplineCam does:
 *
 * <ol>
 *   <li>start with the viewport as one polygon, on which the first layer's pre-activations are the affine
 *       functions z_j(x) = w_j . x + c_j (an appended constant input joins c_j);</li>
 *   <li>for each unit of the layer, split every current polygon by its line z_j = 0, clipping the convex
 *       polygon by the two half-planes (Sutherland-Hodgman for one edge), and set the unit's bit on the
 *       side z_j &gt; 0;</li>
 *   <li>once a polygon has met all the layer's units, its pattern fixes the layer's slopes (1 on, 0 or alpha
 *       off, 1 for a linear layer), so the next layer's pre-activations are affine on it: compose them and
 *       go on with the next layer; after the last hidden layer the composed map is the logits'.</li>
 * </ol>
 *
 * <p>For the first layer the cells are those of an arrangement of lines clipped to the rectangle, up to
 * about n^2/2 for n lines. Splitting every polygon by every line would cost units x regions tests; instead
 * each polygon carries the list of the layer's lines that still cross it (a binary space partition):
 * a child tests only the lines that crossed its parent, and a line that misses a polygon is settled there
 * once (its bit set, its term added to the next layer's affine map) for the whole subtree - a line that
 * misses the viewport costs one test in all. With the zone theorem this is O(n^2) tests for an arrangement
 * instead of O(n^3), and the next layer's affine map is built incrementally, one term per settled unit.
 *
 * <p>Tolerances, relative to the viewport: a vertex within 1e-12 of its scale from a line counts as on the
 * line (it goes to both pieces, no new vertex), and a split that would leave a piece of area below 1e-12 of
 * the viewport's is not made: the whole polygon takes the side of the larger piece, so slivers are absorbed,
 * never lost, and the polygons still tile the viewport.
 *
 * <p>Cost: the partition is depth first across the layers (a first-layer cell goes through the deeper layers
 * as soon as it is found), so the work is held in a stack, not in the regions. {@link #compute} keeps at most
 * {@code maxRegions} regions; past it the outcome is {@link Outcome#TOO_MANY_REGIONS} and none are returned,
 * so memory stays bounded. {@link #forEach} and {@link #count} keep none and have no cap. For scale: Li et
 * al.'s 2-2000-2-1 net as the preset li-blob initialises it has about 1.4 million regions over its data
 * square (its 2000 first-layer lines pass within ~10 of the origin, so most pairs meet inside), a 2-32-32-1
 * net under a thousand.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class LinearRegions {
    public static final int DEFAULT_MAX_REGIONS = 200_000;
    /** Vertices this close to a line, relative to the viewport's scale, are on it. */
    static final double DISTANCE_TOLERANCE = 1e-12;
    /** Pieces with less area than this fraction of the viewport's are not split off. */
    static final double AREA_TOLERANCE = 1e-12;

    public enum Outcome { COMPLETE, TOO_MANY_REGIONS }

    /**
     * One linear region: its polygon, its pattern, and the logits' affine map there, logit_k(x, y) =
     * gradients[2k] x + gradients[2k+1] y + offsets[k]. The arrays are the record's own.
     */
    public record Region(ConvexPolygon polygon, ActivationPattern pattern, double[] gradients, double[] offsets) {
        public int outputs() {
            return offsets.length;
        }

        /** {d logit_k / dx, d logit_k / dy}. */
        public double[] gradient(int k) {
            return new double[] {gradients[2 * k], gradients[2 * k + 1]};
        }

        public double offset(int k) {
            return offsets[k];
        }

        public double logit(int k, double x, double y) {
            return gradients[2 * k] * x + gradients[2 * k + 1] * y + offsets[k];
        }
    }

    private final Bounds viewport;
    private final Outcome outcome;
    private final int maxRegions;
    private final List<Region> regions;
    private final Net net;
    private volatile Map<ActivationPattern, Integer> index;

    private LinearRegions(Bounds viewport, Outcome outcome, int maxRegions, List<Region> regions, Net net) {
        this.viewport = viewport;
        this.outcome = outcome;
        this.maxRegions = maxRegions;
        this.regions = regions;
        this.net = net;
    }

    /**
     * Why the regions of this network cannot be computed, or empty where they can: the input must be 2-D
     * (a constant appended input aside) and every hidden layer piecewise linear (ReLU, Leaky ReLU, linear).
     * The output layer's activation does not matter: the regions are the hidden units' patterns.
     */
    public static Optional<String> unsupportedReason(NetworkSpec spec) {
        if (spec.inputDim() != 2) {
            return Optional.of("linear regions are drawn in the input plane: the input must be 2-D, not "
                    + spec.inputDim() + "-D");
        }
        List<LayerSpec> layers = spec.layers();
        for (int k = 0; k < layers.size() - 1; k++) {
            ActivationKind a = layers.get(k).activation().kind();
            if (a != ActivationKind.RELU && a != ActivationKind.LEAKY_RELU && a != ActivationKind.LINEAR) {
                return Optional.of("hidden layer " + (k + 1) + " uses " + a.id() + ", which is not piecewise "
                        + "linear: the network has no linear regions (they need ReLU, Leaky ReLU or linear "
                        + "hidden layers)");
            }
        }
        return Optional.empty();
    }

    public static LinearRegions compute(NetworkSpec spec, Parameters p, Bounds viewport) {
        return compute(spec, p, viewport, DEFAULT_MAX_REGIONS);
    }

    /**
     * The linear regions of the network within the viewport.
     *
     * @param maxRegions past this many regions the outcome is {@link Outcome#TOO_MANY_REGIONS}
     * @throws IllegalArgumentException where {@link #unsupportedReason} gives a reason, or the parameters do
     *                                  not fit the spec
     */
    public static LinearRegions compute(NetworkSpec spec, Parameters p, Bounds viewport, int maxRegions) {
        Optional<String> why = unsupportedReason(spec);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        if (maxRegions < 1) {
            throw new IllegalArgumentException("the region cap must be at least 1, got " + maxRegions);
        }
        checkViewport(viewport);
        Net net = new Net(spec, p);
        List<Region> found = new ArrayList<>();
        try {
            stream(net, viewport, r -> {
                if (found.size() >= maxRegions) {
                    throw new TooManyRegions();
                }
                found.add(r);
            });
        } catch (TooManyRegions e) {
            return new LinearRegions(viewport, Outcome.TOO_MANY_REGIONS, maxRegions, List.of(), net);
        }
        return new LinearRegions(viewport, Outcome.COMPLETE, maxRegions, Collections.unmodifiableList(found), net);
    }

    /**
     * Hands every region to the consumer as it is found, keeping none (memory: a depth-first stack per
     * layer): for a view that draws the polygons, or for counting past any cap.
     *
     * @return the number of regions
     * @throws IllegalArgumentException as {@link #compute}
     */
    public static long forEach(NetworkSpec spec, Parameters p, Bounds viewport, Consumer<Region> regions) {
        Optional<String> why = unsupportedReason(spec);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        checkViewport(viewport);
        long[] n = {0};
        stream(new Net(spec, p), viewport, r -> {
            n[0]++;
            regions.accept(r);
        });
        return n[0];
    }

    /** The number of regions with no cap, no region kept (see {@link #forEach}). */
    public static long count(NetworkSpec spec, Parameters p, Bounds viewport) {
        return count(spec, p, viewport, AREA_TOLERANCE);
    }

    /** {@link #count} with another sliver policy: pieces below this fraction of the viewport are not split off. */
    static long count(NetworkSpec spec, Parameters p, Bounds viewport, double areaTolerance) {
        Optional<String> why = unsupportedReason(spec);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        checkViewport(viewport);
        long[] n = {0};
        new RegionSplitter(new Net(spec, p), viewport, false, areaTolerance).run((xs, ys, bits, logits) -> n[0]++);
        return n[0];
    }

    private static void stream(Net net, Bounds viewport, Consumer<Region> out) {
        int[] widths = net.widths.clone();
        int outs = net.outputs;
        new RegionSplitter(net, viewport, true, AREA_TOLERANCE).run((xs, ys, bits, map) -> {
            double[] g = new double[2 * outs], c = new double[outs];
            for (int k = 0; k < outs; k++) {
                g[2 * k] = map[3 * k];
                g[2 * k + 1] = map[3 * k + 1];
                c[k] = map[3 * k + 2];
            }
            out.accept(new Region(new ConvexPolygon(xs, ys), new ActivationPattern(bits, widths), g, c));
        });
    }

    private static void checkViewport(Bounds viewport) {
        if (!(viewport.width() > 0) || !(viewport.height() > 0)
                || !Double.isFinite(viewport.width()) || !Double.isFinite(viewport.height())) {
            throw new IllegalArgumentException("the viewport needs a positive finite area, got " + viewport);
        }
    }

    /** Stops {@link #compute} at the cap; no stack trace. */
    private static final class TooManyRegions extends RuntimeException {
        TooManyRegions() {
            super(null, null, false, false);
        }
    }

    public Bounds viewport() {
        return viewport;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean complete() {
        return outcome == Outcome.COMPLETE;
    }

    public int maxRegions() {
        return maxRegions;
    }

    /** A line for a status bar or a log: the count, or why there is none. */
    public String message() {
        return complete() ? count() + " linear regions"
                : "too many linear regions: more than " + maxRegions + " in the viewport (zoom in)";
    }

    /** The regions; empty where the outcome is {@link Outcome#TOO_MANY_REGIONS}. */
    public List<Region> regions() {
        return regions;
    }

    /**
     * The number of linear regions in the viewport.
     *
     * @throws IllegalStateException where there were more than {@link #maxRegions()}
     */
    public int count() {
        if (!complete()) {
            throw new IllegalStateException(message());
        }
        return regions.size();
    }

    /** The units on in a region, layer by layer. */
    public List<ActivationPattern.Unit> activeUnits(Region r) {
        return r.pattern().activeUnits();
    }

    /** The pattern a forward pass gives at (x, y), whether or not it lies in the viewport. */
    public ActivationPattern patternAt(double x, double y) {
        return net.pattern(x, y);
    }

    /**
     * The index in {@link #regions()} of the region holding (x, y), or -1 outside the viewport (or where the
     * outcome is {@link Outcome#TOO_MANY_REGIONS}). A point on a border between regions goes to the region
     * of the pattern a forward pass gives there.
     */
    public int indexAt(double x, double y) {
        if (!complete() || x < viewport.xMin() || x > viewport.xMax() || y < viewport.yMin() || y > viewport.yMax()) {
            return -1;
        }
        Integer i = index().get(net.pattern(x, y));
        if (i != null) {
            return i;
        }
        // The pattern of an absorbed sliver (below the area tolerance): the polygon that holds the point.
        double tol = 1e-9 * Math.hypot(viewport.width(), viewport.height());
        for (int k = 0; k < regions.size(); k++) {
            if (regions.get(k).polygon().contains(x, y, tol)) {
                return k;
            }
        }
        return -1;
    }

    /** The region holding (x, y), or null (see {@link #indexAt}). */
    public Region regionAt(double x, double y) {
        int i = indexAt(x, y);
        return i < 0 ? null : regions.get(i);
    }

    /**
     * How many distinct regions hold at least one of the points (x, y interleaved); points outside the
     * viewport count for none. For the data: the regions the training set occupies.
     *
     * @throws IllegalStateException where there were more than {@link #maxRegions()} regions
     */
    public int countContaining(double[] xy, int n) {
        if (!complete()) {
            throw new IllegalStateException(message());
        }
        BitSet seen = new BitSet(regions.size());
        for (int i = 0; i < n; i++) {
            int k = indexAt(xy[2 * i], xy[2 * i + 1]);
            if (k >= 0) {
                seen.set(k);
            }
        }
        return seen.cardinality();
    }

    private Map<ActivationPattern, Integer> index() {
        Map<ActivationPattern, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(regions.size() * 2);
            for (int k = 0; k < regions.size(); k++) {
                m.putIfAbsent(regions.get(k).pattern(), k);
            }
            index = m;
        }
        return m;
    }

    /**
     * The network as plain arrays: hidden layers 0..hidden-1, then the output layer; the first layer's
     * constant input (if any) folded into its bias.
     */
    static final class Net {
        final int hidden;
        final int[] widths;
        /** Per layer (hidden and output), row-major in x out. */
        final double[][] w;
        /** Per layer, the bias (zeros without one). */
        final double[][] b;
        /** Per hidden layer, the slope off (0 ReLU, alpha leaky), or NaN for a linear layer (no kink). */
        final double[] offSlope;
        final int outputs;

        Net(NetworkSpec spec, Parameters p) {
            int layers = spec.layers().size();
            if (p.layers() != layers) {
                throw new IllegalArgumentException("the parameters have " + p.layers() + " layers, the spec " + layers);
            }
            if (p.in(0) != spec.effectiveInputDim()) {
                throw new IllegalArgumentException("the first layer takes " + p.in(0) + " inputs, the spec "
                        + spec.effectiveInputDim());
            }
            if (!p.allFinite()) {
                throw new IllegalArgumentException("the network has non-finite weights: no regions to draw");
            }
            hidden = layers - 1;
            widths = new int[hidden];
            w = new double[layers][];
            b = new double[layers][];
            offSlope = new double[hidden];
            for (int k = 0; k < layers; k++) {
                if (p.out(k) != spec.layers().get(k).width()) {
                    throw new IllegalArgumentException("layer " + (k + 1) + " has " + p.out(k) + " units, the spec "
                            + spec.layers().get(k).width());
                }
                int out = p.out(k);
                b[k] = p.hasBias(k) ? p.biases(k) : new double[out];
                if (k == 0) {
                    double[] all = p.weights(0);
                    w[0] = java.util.Arrays.copyOf(all, 2 * out);
                    if (spec.appendConstantInput()) {
                        for (int j = 0; j < out; j++) {
                            b[0][j] += all[2 * out + j];
                        }
                    }
                } else {
                    w[k] = p.weights(k);
                }
                if (k < hidden) {
                    widths[k] = out;
                    var a = spec.layers().get(k).activation();
                    offSlope[k] = switch (a.kind()) {
                        case RELU -> 0;
                        case LEAKY_RELU -> a.param();
                        default -> Double.NaN;
                    };
                }
            }
            outputs = p.out(layers - 1);
        }

        int out(int layer) {
            return b[layer].length;
        }

        /** The first layer's pre-activations as lines: per unit {a, b, c} with z = a x + b y + c. */
        double[] firstLines() {
            int out = out(0);
            double[] lines = new double[3 * out];
            for (int j = 0; j < out; j++) {
                lines[3 * j] = w[0][j];
                lines[3 * j + 1] = w[0][out + j];
                lines[3 * j + 2] = b[0][j];
            }
            return lines;
        }

        /** A forward pass: a unit is on where z &gt; 0; a linear layer's units are always on. */
        ActivationPattern pattern(double x, double y) {
            int total = 0;
            for (int width : widths) {
                total += width;
            }
            long[] bits = new long[ActivationPattern.words(total)];
            double[] h = {x, y};
            for (int k = 0, o = 0; k < hidden; o += widths[k], k++) {
                int in = h.length, out = widths[k];
                double[] z = b[k].clone();
                for (int i = 0; i < in; i++) {
                    double hi = h[i];
                    if (hi != 0) {
                        for (int j = 0, r = i * out; j < out; j++) {
                            z[j] += hi * w[k][r + j];
                        }
                    }
                }
                boolean linear = Double.isNaN(offSlope[k]);
                for (int j = 0; j < out; j++) {
                    if (linear || z[j] > 0) {
                        bits[(o + j) >>> 6] |= 1L << (o + j);
                    } else {
                        z[j] *= offSlope[k];
                    }
                }
                h = z;
            }
            return new ActivationPattern(bits, widths.clone());
        }
    }
}
