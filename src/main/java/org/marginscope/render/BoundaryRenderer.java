package org.marginscope.render;

import org.marginscope.analysis.Confidence;
import org.marginscope.data.Viewport;
import java.util.ArrayList;
import java.util.List;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.model.StableMath;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Evaluates a network on a viewport's grid in one batched pass and colours the result. One
 * instance per thread (it owns a {@link Network} of its own).
 */
public final class BoundaryRenderer {
    private Network net;

    private final java.util.Map<NetworkSpec, Network> companionNets = new java.util.HashMap<>();

    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step) {
        return render(spec, params, decisionOffset, vp, step, List.of(), FieldShading.PROBABILITY);
    }

    /** The field and boundary of the main network, and the boundaries of its companions. */
    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step,
                                List<CompanionNet> companions, FieldShading shading) {
        return render(spec, params, decisionOffset, vp, step, companions, shading, () -> false);
    }

    /** The field and boundary of the main network over the classes marked (null: all), as the original view draws them. */
    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step,
                                boolean[] classes) {
        return render(spec, params, decisionOffset, vp, step, List.of(), FieldShading.PROBABILITY, () -> false, classes);
    }

    /** Gives the outputs of classes not marked (null: all marked) a logit that never wins; k = 1 is left alone. */
    static void maskAbsent(double[] logits, int n, int k, boolean[] classes) {
        if (k == 1 || classes == null) {
            return;
        }
        for (int c = 0; c < k; c++) {
            if (c >= classes.length || !classes[c]) {
                for (int i = 0; i < n; i++) {
                    logits[i * k + c] = ABSENT;
                }
            }
        }
    }

    /** How many of k outputs can win when only the classes marked (null: all) count, for {@link Shading#multi}. */
    static int shownClasses(int k, boolean[] classes) {
        return classes == null ? k : Math.max(2, (int) java.util.stream.IntStream.range(0, Math.min(k, classes.length))
                .filter(c -> classes[c]).count());
    }

    /** Rows of the grid evaluated between two looks at {@code cancelled}. */
    static final int BAND_ROWS = 24;

    /**
     * As above, giving up (null) as soon as {@code cancelled} says so: the grid is evaluated in bands of
     * rows, so a full-resolution frame nobody wants any more (the user scrubbed on) stops within a band.
     */
    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step,
                                List<CompanionNet> companions, FieldShading shading,
                                java.util.function.BooleanSupplier cancelled) {
        return render(spec, params, decisionOffset, vp, step, companions, shading, cancelled, null);
    }

    /** Logit given to a class without points: it never wins the arg max and its softmax share is 0. */
    private static final double ABSENT = -1e30;

    /**
     * As above; with K outputs, {@code classes} (null: all) marks the classes that have points - the others' outputs
     * (kept so classes keep their numbers) are left out of the shading and the boundary, as of the accuracy.
     */
    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step,
                                List<CompanionNet> companions, FieldShading shading,
                                java.util.function.BooleanSupplier cancelled, boolean[] classes) {
        long t0 = System.nanoTime();
        if (net == null || net.spec() != spec) {
            net = new Network(spec, DataType.FLOAT, params);
        } else {
            net.setParameters(params);
        }
        int nx = vp.nx(), ny = vp.ny(), n = nx * ny;
        double[] points = vp.points();
        int k = net.outputWidth();
        double[] logits = new double[n * k];
        for (int row = 0; row < ny; row += BAND_ROWS) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int from = row * nx, m = Math.min(BAND_ROWS, ny - row) * nx;
            double[] band = net.logits(points, from, m);
            System.arraycopy(band, 0, logits, from * k, m * k);
        }
        maskAbsent(logits, n, k, classes);
        int[] argb = new int[n];
        if (shading == FieldShading.CONFIDENCE) {
            double[] c = Confidence.of(logits, n, k, decisionOffset);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    argb[(ny - 1 - j) * nx + i] = Shading.confidence(c[j * nx + i]);
                }
            }
        } else if (k == 1) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    argb[(ny - 1 - j) * nx + i] = Shading.binary(StableMath.sigmoid(logits[j * nx + i] + decisionOffset));
                }
            }
        } else {
            double[] probs = softmax(logits, n, k);
            int shown = shownClasses(k, classes);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    argb[(ny - 1 - j) * nx + i] = Shading.multi(probs, (j * nx + i) * k, k, shown);
                }
            }
        }
        List<Contours.Segment> boundary = boundary(logits, n, k, decisionOffset, vp);
        List<BoundaryFrame.CompanionBoundary> others = new ArrayList<>();
        for (CompanionNet c : companions) {
            if (c.spec().inputDim() != 2) {
                continue;
            }
            Network cn = companionNets.get(c.spec());
            if (cn == null) {
                if (companionNets.size() > 32) {
                    companionNets.clear();
                }
                cn = new Network(c.spec(), DataType.FLOAT, c.parameters());
                companionNets.put(c.spec(), cn);
            } else {
                cn.setParameters(c.parameters());
            }
            others.add(new BoundaryFrame.CompanionBoundary(c.label(),
                    boundary(cn.logits(points, n), n, cn.outputWidth(), c.decisionOffset(), vp)));
        }
        return new BoundaryFrame(vp, argb, List.copyOf(boundary), step, (System.nanoTime() - t0) * 1e-6, others,
                shading);
    }

    /** The decision boundary over the grid in data coordinates: the zero level of the (offset) logit, or per class. */
    private static List<Contours.Segment> boundary(double[] logits, int n, int k, double offset, Viewport vp) {
        int nx = vp.nx(), ny = vp.ny();
        List<Contours.Segment> grid = new ArrayList<>();
        double[] f = new double[n];
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                f[i] = logits[i] + offset;
            }
            grid.addAll(Contours.zeroLevel(f, nx, ny));
        } else {
            // class c's region boundary: the zero level of f_c = logit_c - max_{j != c} logit_j
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    double other = Double.NEGATIVE_INFINITY;
                    for (int q = 0; q < k; q++) {
                        if (q != c) {
                            other = Math.max(other, logits[i * k + q]);
                        }
                    }
                    f[i] = logits[i * k + c] - other;
                }
                grid.addAll(Contours.zeroLevel(f, nx, ny));
            }
        }
        List<Contours.Segment> data = new ArrayList<>(grid.size());
        for (Contours.Segment s : grid) {
            data.add(new Contours.Segment(vp.x(s.x0()), vp.y(s.y0()), vp.x(s.x1()), vp.y(s.y1())));
        }
        return data;
    }

    static double[] softmax(double[] logits, int n, int k) {
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[i * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[i * k + j] = Math.exp(logits[i * k + j] - max);
                sum += p[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] /= sum;
            }
        }
        return p;
    }
}
