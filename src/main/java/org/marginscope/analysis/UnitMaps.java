package org.marginscope.analysis;

import org.marginscope.model.Activation;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.data.Viewport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * van den Berg Figs 2-8: every unit's output over the plane, with the range its activation can take,
 * the transition region (symmetric sigmoid / tanh: output in (-0.95, 0.95); logistic: (0.05, 0.95))
 * and its centre level (0, or 0.5 for the logistic). Units of other activations have no transition
 * region; their centre is the level 0.
 */
public final class UnitMaps {
    /**
     * @param values values[k][u][cell]: output of unit u of layer k at each grid cell (row-major from
     *               the bottom row, as {@link Viewport#points()})
     */
    public record Result(Viewport viewport, double gamma, double[][][] values, Range[] ranges) {
        public int layers() {
            return values.length;
        }

        public int units(int layer) {
            return values[layer].length;
        }

        /** Share of the grid inside unit u's transition region (0 without one). */
        public double transitionShare(int layer, int unit) {
            Range r = ranges[layer];
            if (!r.hasTransition()) {
                return 0;
            }
            int in = 0;
            double[] v = values[layer][unit];
            for (double d : v) {
                in += r.inTransition(d) ? 1 : 0;
            }
            return in / (double) v.length;
        }
    }

    /**
     * What a layer's outputs mean: the colour range lo..hi, the centre level, and the transition band
     * (NaN bounds when the activation has none).
     */
    public record Range(double lo, double hi, double centre, double bandLo, double bandHi) {
        public boolean hasTransition() {
            return !Double.isNaN(bandLo);
        }

        public boolean inTransition(double v) {
            return hasTransition() && v > bandLo && v < bandHi;
        }
    }

    private UnitMaps() {
    }

    public static Result compute(NetworkSpec spec, Parameters p, Viewport vp, double gamma) {
        if (spec.inputDim() != 2) {
            throw new IllegalArgumentException("unit maps are drawn over the plane: the net needs 2 inputs");
        }
        Network net = new Network(spec, DataType.DOUBLE, gamma == 1 ? p : p.scaled(gamma));
        double[] xy = vp.points();
        int n = xy.length / 2, layers = spec.layers().size();
        double[][][] values = new double[layers][][];
        Range[] ranges = new Range[layers];
        for (int k = 0; k < layers; k++) {
            int units = net.units(k);
            double[] out = net.layerOutput(xy, n, k);
            values[k] = new double[units][n];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                for (int u = 0; u < units; u++) {
                    double v = out[i * units + u];
                    values[k][u][i] = v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            ranges[k] = range(spec.layers().get(k).activation(), min, max);
        }
        return new Result(vp, gamma, values, ranges);
    }

    static Range range(Activation a, double min, double max) {
        ActivationKind kind = a.kind();
        if (kind == ActivationKind.SYMMETRIC_SIGMOID || kind == ActivationKind.TANH) {
            return new Range(-1, 1, 0, -0.95, 0.95);
        }
        if (kind == ActivationKind.LOGISTIC) {
            return new Range(0, 1, 0.5, 0.05, 0.95);
        }
        double span = Math.max(Math.abs(min), Math.abs(max));
        span = span > 0 ? span : 1;
        return new Range(-span, span, 0, Double.NaN, Double.NaN);
    }
}
