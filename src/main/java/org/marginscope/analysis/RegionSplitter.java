package org.marginscope.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginscope.data.Bounds;

/**
 * The work of {@link LinearRegions#compute}: splits the viewport layer by layer, each polygon by the lines
 * of the units that cross it (a binary space partition, depth first), carrying on every polygon its bits and
 * the affine map of the next layer's pre-activations. A first-layer cell goes through the deeper layers as
 * soon as it is found, so what is held is each layer's depth-first stack, never the finished regions (the
 * sink decides what to keep). Not thread-safe; one per computation.
 */
final class RegionSplitter {
    private static final int ON = 1;
    private static final int OFF = -1;
    private static final int CROSS = 0;
    private static final int SPLIT = 2;

    /** A polygon still to split by the lines cand[from..to) (the others are settled in bits and map). */
    private record Node(double[] xs, double[] ys, int[] cand, int from, int to, long[] bits, double[] map) {
    }

    private final LinearRegions.Net net;
    private final Bounds viewport;
    /** Per hidden layer, its units 0..width-1: every polygon starts with all of them to test. */
    private final int[][] units;
    private final double distTol;
    private final double areaTol;
    private final int words;
    // the two pieces of the last split, and scratch for vertex values
    private double[] px, py, nx, ny;
    private double[] values = new double[16];
    private double[] ax = new double[16], ay = new double[16], bx = new double[16], by = new double[16];
    /** Per hidden layer, its depth-first stack (empty between polygons: layer k + 1 finishes within a leaf of k). */
    private final List<ArrayDeque<Node>> stacks = new ArrayList<>();
    /** False where only the count is wanted: no bits are kept or copied. */
    private final boolean trackBits;

    /**
     * @param areaTolerance pieces below this fraction of the viewport's area are not split off
     *                      ({@link LinearRegions#AREA_TOLERANCE}; 0 in tests that want every sliver)
     */
    RegionSplitter(LinearRegions.Net net, Bounds viewport, boolean trackBits, double areaTolerance) {
        this.net = net;
        this.trackBits = trackBits;
        this.viewport = viewport;
        double scale = Math.max(Math.max(Math.abs(viewport.xMin()), Math.abs(viewport.xMax())),
                Math.max(Math.abs(viewport.yMin()), Math.abs(viewport.yMax())));
        scale = Math.max(scale, Math.max(viewport.width(), viewport.height()));
        this.distTol = LinearRegions.DISTANCE_TOLERANCE * scale;
        this.areaTol = areaTolerance * viewport.area();
        int total = 0;
        for (int width : net.widths) {
            total += width;
        }
        this.words = ActivationPattern.words(total);
        units = new int[net.hidden][];
        for (int k = 0; k < net.hidden; k++) {
            units[k] = new int[net.widths[k]];
            Arrays.setAll(units[k], j -> j);
            stacks.add(new ArrayDeque<>());
        }
    }

    /**
     * Receives each finished region: its polygon, bits (null where bits are not tracked), and the logits'
     * map ({a, b, c} per logit), all its own.
     */
    interface Sink {
        void region(double[] xs, double[] ys, long[] bits, double[] logits);
    }

    /** Streams every region to the sink, depth first: a first-layer cell goes through the deeper layers at once. */
    void run(Sink sink) {
        ConvexPolygon box = ConvexPolygon.of(viewport);
        layer(0, 0, box.xs(), box.ys(), trackBits ? new long[words] : null, net.firstLines(), sink);
    }

    /** Splits one polygon by hidden layer k's lines (its map), each piece going on to layer k + 1. */
    private void layer(int k, int offset, double[] xs, double[] ys, long[] bits, double[] lines, Sink sink) {
        if (k == net.hidden) {
            sink.region(xs, ys, bits, lines);
            return;
        }
        double[] wNext = net.w[k + 1], bNext = net.b[k + 1];
        int dNext = bNext.length, nextOffset = offset + net.widths[k];
        double offSlope = net.offSlope[k];
        double[] map = new double[3 * dNext];
        for (int u = 0; u < dNext; u++) {
            map[3 * u + 2] = bNext[u];
        }
        int[] all = units[k];
        Node root = new Node(xs, ys, all, 0, all.length, bits, map);
        if (Double.isNaN(offSlope)) { // a linear layer: no kinks, every unit passes z
            for (int j = 0; j < all.length; j++) {
                settle(root, j, true, offset, lines, wNext, dNext, 1);
            }
            layer(k + 1, nextOffset, xs, ys, bits, map, sink);
            return;
        }
        ArrayDeque<Node> stack = stacks.get(k);
        Node node = root;
        while (node != null) {
            // settle the lines that miss this polygon; keep those that cross it for its children
            int[] crossing = null;
            int m = 0;
            for (int i = node.from; i < node.to; i++) {
                int j = node.cand[i];
                int side = classify(node.xs, node.ys, lines[3 * j], lines[3 * j + 1], lines[3 * j + 2]);
                if (side == CROSS) {
                    if (crossing == null) {
                        crossing = new int[node.to - i];
                    }
                    crossing[m++] = j;
                } else {
                    settle(node, j, side == ON, offset, lines, wNext, dNext, offSlope);
                }
            }
            Node next = null;
            for (int i = 0; i < m; i++) {
                int j = crossing[i];
                int side = split(node.xs, node.ys, lines[3 * j], lines[3 * j + 1], lines[3 * j + 2]);
                if (side == SPLIT) {
                    Node pos = new Node(px, py, crossing, i + 1, m, node.bits, node.map);
                    Node neg = new Node(nx, ny, crossing, i + 1, m, trackBits ? node.bits.clone() : null,
                            node.map.clone());
                    settle(pos, j, true, offset, lines, wNext, dNext, offSlope);
                    settle(neg, j, false, offset, lines, wNext, dNext, offSlope);
                    stack.push(neg);
                    next = pos;
                    break;
                }
                // only a sliver would be cut off: the polygon keeps the larger side
                settle(node, j, side == ON, offset, lines, wNext, dNext, offSlope);
            }
            if (next == null) {
                layer(k + 1, nextOffset, node.xs, node.ys, node.bits, node.map, sink);
                next = stack.poll();
            }
            node = next;
        }
    }

    /** Sets unit j's bit (if on) and adds its term slope * z_j to the next layer's pre-activations. */
    private static void settle(Node node, int j, boolean on, int offset, double[] lines, double[] wNext, int dNext,
                               double offSlope) {
        if (on && node.bits != null) {
            int b = offset + j;
            node.bits[b >>> 6] |= 1L << b;
        }
        double slope = on ? 1 : offSlope;
        if (slope == 0) {
            return;
        }
        double a = slope * lines[3 * j], b = slope * lines[3 * j + 1], c = slope * lines[3 * j + 2];
        double[] map = node.map;
        for (int u = 0, r = j * dNext; u < dNext; u++) {
            double wv = wNext[r + u];
            map[3 * u] += wv * a;
            map[3 * u + 1] += wv * b;
            map[3 * u + 2] += wv * c;
        }
    }

    /** ON or OFF where the line a x + b y + c = 0 leaves the polygon on one side (touching allowed), else CROSS. */
    private int classify(double[] xs, double[] ys, double a, double b, double c) {
        double norm = Math.abs(a) + Math.abs(b);
        if (norm == 0) {
            return c > 0 ? ON : OFF;
        }
        double tol = distTol * norm, sum = 0;
        boolean above = false, below = false;
        for (int i = 0; i < xs.length; i++) {
            double v = a * xs[i] + b * ys[i] + c;
            above |= v > tol;
            below |= v < -tol;
            if (above && below) {
                return CROSS;
            }
            sum += v;
        }
        if (!above && !below) {
            return sum > 0 ? ON : OFF; // the whole polygon hugs the line
        }
        return above ? ON : OFF;
    }

    /**
     * Clips the convex polygon by both half-planes of a x + b y + c = 0 (Sutherland-Hodgman for one edge):
     * SPLIT with the pieces in px, py (z &gt; 0) and nx, ny, or ON / OFF where one piece would be degenerate
     * or below the area tolerance and the polygon stays whole on the side of the larger.
     */
    private int split(double[] xs, double[] ys, double a, double b, double c) {
        int n = xs.length;
        double tol = distTol * (Math.abs(a) + Math.abs(b));
        if (values.length < n) {
            values = new double[2 * n];
        }
        double[] v = values;
        for (int i = 0; i < n; i++) {
            double z = a * xs[i] + b * ys[i] + c;
            v[i] = z > tol || z < -tol ? z : 0; // within the tolerance: on the line, in both pieces
        }
        if (ax.length < n + 2) {
            ax = new double[2 * n + 2];
            ay = new double[2 * n + 2];
            bx = new double[2 * n + 2];
            by = new double[2 * n + 2];
        }
        double[] ax = this.ax, ay = this.ay, bx = this.bx, by = this.by;
        int na = 0, nb = 0;
        for (int i = 0; i < n; i++) {
            int k = i + 1 == n ? 0 : i + 1;
            double vi = v[i], vk = v[k];
            if (vi >= 0) {
                ax[na] = xs[i];
                ay[na++] = ys[i];
            }
            if (vi <= 0) {
                bx[nb] = xs[i];
                by[nb++] = ys[i];
            }
            if ((vi > 0 && vk < 0) || (vi < 0 && vk > 0)) {
                double t = vi / (vi - vk);
                double x = xs[i] + t * (xs[k] - xs[i]), y = ys[i] + t * (ys[k] - ys[i]);
                ax[na] = x;
                ay[na++] = y;
                bx[nb] = x;
                by[nb++] = y;
            }
        }
        if (na < 3 || nb < 3) {
            return na >= 3 ? ON : OFF;
        }
        double areaA = ConvexPolygon.area(ax, ay, na), areaB = ConvexPolygon.area(bx, by, nb);
        if (areaA < areaTol || areaB < areaTol) {
            return areaA >= areaB ? ON : OFF;
        }
        px = Arrays.copyOf(ax, na);
        py = Arrays.copyOf(ay, na);
        nx = Arrays.copyOf(bx, nb);
        ny = Arrays.copyOf(by, nb);
        return SPLIT;
    }
}
