package org.marginscope.experiment.probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.marginscope.analysis.EnsembleSpread;
import org.marginscope.analysis.SquareLossLimit;
import org.marginscope.data.Dataset;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.CompanionState;
import org.marginscope.train.LayerTraining;
import org.marginscope.train.MetricProbe;
import org.marginscope.train.OptimiserKind;
import org.marginscope.train.TrainingConfig;

/**
 * Poggio et al. 2018 Sec 3, the square loss's floor: for an ensemble whose copies train only a read-out of fixed
 * features under the square loss, each copy's limit ({@link SquareLossLimit}: the least-squares fit nearest its
 * start) and the spread of those limits, the floor {@code ensemble_spread_deg} stops at. Silent wherever that limit
 * is not exact: another loss, a trained hidden layer, a penalised or bounded read-out, Adam.
 */
public final class SquareFloorProbe implements MetricProbe {
    /** The largest pairwise angle of the copies' limits: the floor of {@code ensemble_spread_deg}. */
    public static final String FLOOR_SPREAD = "square_floor_spread_deg";
    /** The largest angle between a copy's normalised read-out and its own limit (0 once there). */
    public static final String FLOOR_ANGLE = "square_floor_angle_deg";
    /** The largest Euclidean distance |W_t - W_inf| of a copy's read-out (weights and bias) from its limit. */
    public static final String FLOOR_DISTANCE = "square_floor_distance";

    private final Supplier<TrainingConfig> config;
    private SquareLossLimit cached;

    public SquareFloorProbe(Supplier<TrainingConfig> config) {
        this.config = config;
    }

    @Override
    public void measure(Moment m, Map<String, Double> out) {
        Network net = m.network();
        Dataset d = m.data();
        TrainingConfig cfg = config.get();
        if (m.companions().isEmpty() || d.size() == 0 || cfg == null || !exact(net.spec(), cfg)) {
            return;
        }
        List<Parameters> copies = new ArrayList<>();
        copies.add(net.parameters());
        for (CompanionState c : m.companions()) {
            if (c.loss() != LossKind.SQUARE || c.divergence() != null) {
                return;
            }
            copies.add(c.parameters());
        }
        if (!EnsembleSpread.sameShape(copies)) {
            return;
        }
        int last = net.layers() - 1, n = d.size(), width = net.units(last - 1), k = net.outputWidth();
        double[] mainFeatures = net.layerOutput(d.trainX(), n, last - 1);
        double[] targets = SquareLossLimit.targets(d.trainY(), n, k);
        List<Parameters> limits = new ArrayList<>();
        double worstAngle = 0, worstDistance = 0;
        for (int c = 0; c < copies.size(); c++) {
            Parameters p = copies.get(c);
            double[] features = c == 0 || sameHidden(p, copies.get(0)) ? mainFeatures
                    : new Network(net.spec(), org.nd4j.linalg.api.buffer.DataType.DOUBLE, p).layerOutput(d.trainX(), n, last - 1);
            SquareLossLimit solver = solverFor(features, n, width, p.hasBias(last));
            if (solver == null) {
                return;
            }
            double[] limit = solver.limit(p.weights(last), p.biases(last), k, targets);
            double[] now = readout(p, last);
            worstAngle = Math.max(worstAngle, EnsembleSpread.angleDeg(now, limit));
            double dist = 0;
            for (int i = 0; i < now.length; i++) {
                dist += (now[i] - limit[i]) * (now[i] - limit[i]);
            }
            worstDistance = Math.max(worstDistance, Math.sqrt(dist));
            limits.add(withReadout(p, last, limit, k));
        }
        out.put(FLOOR_SPREAD, EnsembleSpread.layerSpreadDeg(limits, last));
        out.put(FLOOR_ANGLE, worstAngle);
        out.put(FLOOR_DISTANCE, worstDistance);
    }

    /** Square loss, hidden layers fixed, the read-out trained plainly by gradient steps: the limit is exact. */
    static boolean exact(NetworkSpec spec, TrainingConfig cfg) {
        int last = spec.layers().size() - 1;
        if (cfg.loss() != LossKind.SQUARE || last < 1 || cfg.optimiser() == OptimiserKind.ADAM) {
            return false;
        }
        for (int k = 0; k < last; k++) {
            if (spec.layers().get(k).trainable() && !cfg.layer(k).frozen()) {
                return false;
            }
        }
        LayerTraining out = cfg.layer(last);
        return spec.layers().get(last).trainable() && !out.frozen() && out.l2() == 0 && out.maxRowNorm() == 0;
    }

    /** The features depend on the data and the fixed layers only: one SVD per dataset, not per snapshot. */
    private SquareLossLimit solverFor(double[] features, int n, int m, boolean bias) {
        if (cached == null || !cached.sameFeatures(features, n, m, bias)) {
            cached = SquareLossLimit.of(features, n, m, bias);
        }
        return cached;
    }

    private static boolean sameHidden(Parameters a, Parameters b) {
        for (int k = 0; k < a.layers() - 1; k++) {
            if (!Arrays.equals(a.weights(k), b.weights(k)) || !Arrays.equals(a.biases(k), b.biases(k))) {
                return false;
            }
        }
        return true;
    }

    private static double[] readout(Parameters p, int last) {
        double[] w = p.weights(last);
        if (!p.hasBias(last)) {
            return w;
        }
        double[] b = p.biases(last);
        double[] v = Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, v, w.length, b.length);
        return v;
    }

    private static Parameters withReadout(Parameters p, int last, double[] readout, int k) {
        int layers = p.layers();
        int[] in = new int[layers], outDims = new int[layers];
        double[][] w = new double[layers][], b = new double[layers][];
        for (int j = 0; j < layers; j++) {
            in[j] = p.in(j);
            outDims[j] = p.out(j);
            w[j] = p.weights(j);
            b[j] = p.biases(j);
        }
        int weights = p.in(last) * k;
        w[last] = Arrays.copyOf(readout, weights);
        if (b[last] != null) {
            b[last] = Arrays.copyOfRange(readout, weights, weights + k);
        }
        return new Parameters(in, outDims, w, b);
    }
}
