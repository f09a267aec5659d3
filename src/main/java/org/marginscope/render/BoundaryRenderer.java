package org.marginscope.render;

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

    public BoundaryFrame render(NetworkSpec spec, Parameters params, double decisionOffset, Viewport vp, long step) {
        long t0 = System.nanoTime();
        if (net == null || net.spec() != spec) {
            net = new Network(spec, DataType.FLOAT, params);
        } else {
            net.setParameters(params);
        }
        int nx = vp.nx(), ny = vp.ny(), n = nx * ny;
        double[] logits = net.logits(vp.points(), n);
        int k = net.outputWidth();
        int[] argb = new int[n];
        List<Contours.Segment> grid = new ArrayList<>();
        if (k == 1) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = logits[i] + decisionOffset;
            }
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    argb[(ny - 1 - j) * nx + i] = Shading.binary(StableMath.sigmoid(f[j * nx + i]));
                }
            }
            grid.addAll(Contours.zeroLevel(f, nx, ny));
        } else {
            double[] probs = softmax(logits, n, k);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    argb[(ny - 1 - j) * nx + i] = Shading.multi(probs, (j * nx + i) * k, k);
                }
            }
            // class c's region boundary: the zero level of f_c = logit_c - max_{j != c} logit_j
            double[] f = new double[n];
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
        return new BoundaryFrame(vp, argb, List.copyOf(data), step, (System.nanoTime() - t0) * 1e-6);
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
