package org.marginscope.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingConfig;

/**
 * A saved session (`.msproj`, JSON): the data, the network, the training settings, the view settings,
 * the current weights and step, and optionally the timeline. Weights are stored as base64 of
 * little-endian float64, so a round trip is exact and a long timeline stays a few MB.
 *
 * @param format  the file format version ({@link #FORMAT}); a newer one is refused with a clear message
 * @param preset  the preset the session started from (informative)
 * @param view    view toggles by id (booleans), free for the app to extend
 * @param timeline empty when saved without it
 * @param companions the networks trained beside the main one (Poggio's ensembles, Nar's differential
 *                   training) and {@code perturbation} Poggio's noise schedule; empty / null for none. Their
 *                   weights ride in {@code currentCompanions} and in each kept snapshot. Optional, so files
 *                   from before they existed open unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(int format, String app, String preset, Data data, NetworkSpec network, TrainingConfig training,
                      Map<String, Boolean> view, Weights current, List<Kept> timeline,
                      List<org.marginscope.train.Companion> companions, org.marginscope.train.Perturbation perturbation,
                      List<CompanionWeights> currentCompanions) {
    public static final int FORMAT = 1;

    public Project {
        view = view == null ? Map.of() : Map.copyOf(view);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        companions = companions == null ? List.of() : List.copyOf(companions);
        currentCompanions = currentCompanions == null ? List.of() : List.copyOf(currentCompanions);
    }

    /** A project without companions (the form before they existed). */
    public Project(int format, String app, String preset, Data data, NetworkSpec network, TrainingConfig training,
                   Map<String, Boolean> view, Weights current, List<Kept> timeline) {
        this(format, app, preset, data, network, training, view, current, timeline, null, null, null);
    }

    /** One companion network's state at a step: what {@link org.marginscope.train.CompanionState} holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompanionWeights(String label, NetworkSpec spec, org.marginscope.model.LossKind loss, Weights weights,
                                   double decisionOffset, String divergence) {
        public static CompanionWeights of(org.marginscope.train.CompanionState c, long step) {
            return new CompanionWeights(c.label(), c.spec(), c.loss(), Weights.of(c.parameters(), step),
                    c.decisionOffset(), c.divergence());
        }

        public org.marginscope.train.CompanionState toState() {
            return new org.marginscope.train.CompanionState(label, spec, loss, weights.toParameters(), decisionOffset,
                    divergence);
        }

        public static List<CompanionWeights> of(List<org.marginscope.train.CompanionState> all, long step) {
            return all.stream().map(c -> of(c, step)).toList();
        }

        static List<org.marginscope.train.CompanionState> states(List<CompanionWeights> all) {
            return all == null ? List.of() : all.stream().map(CompanionWeights::toState).toList();
        }
    }

    /** The dataset, coordinates flat and row-major as in {@link Dataset}. */
    public record Data(String name, int dim, double[] trainX, int[] trainY, double[] testX, int[] testY,
                       List<String> classNames) {
        public static Data of(Dataset d) {
            return new Data(d.name(), d.dim(), d.trainX(), d.trainY(), d.testX(), d.testY(), d.classNames());
        }

        public Dataset toDataset() {
            return new Dataset(name, dim, trainX, trainY, testX, testY, classNames, null);
        }
    }

    /** One network's weights: per layer, in x out row-major weights and (when the layer has them) biases. */
    public record Weights(long step, int[] in, int[] out, List<String> weights, List<String> biases) {
        public static Weights of(Parameters p, long step) {
            int l = p.layers();
            int[] in = new int[l], out = new int[l];
            List<String> w = new ArrayList<>(), b = new ArrayList<>();
            for (int k = 0; k < l; k++) {
                in[k] = p.in(k);
                out[k] = p.out(k);
                w.add(encode(p.weights(k)));
                b.add(p.hasBias(k) ? encode(p.biases(k)) : null);
            }
            return new Weights(step, in, out, w, b);
        }

        public Parameters toParameters() {
            int l = in.length;
            if (out.length != l || weights.size() != l || biases.size() != l) {
                throw new IllegalArgumentException("weights of " + l + " layers disagree on the layer count");
            }
            double[][] w = new double[l][], b = new double[l][];
            for (int k = 0; k < l; k++) {
                w[k] = decode(weights.get(k));
                b[k] = biases.get(k) == null ? null : decode(biases.get(k));
            }
            return new Parameters(in, out, w, b);
        }
    }

    /** A snapshot of the timeline: its weights and the measures taken then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kept(Weights parameters, Weights retired, double loss, double trainAccuracy, double testAccuracy,
                       double[] weightNorms, double[] gradientNorms, double decisionOffset, double seconds,
                       Map<String, Double> metrics, List<CompanionWeights> companions) {
        public static Kept of(Snapshot s) {
            return new Kept(Weights.of(s.parameters(), s.step()),
                    s.retiredParameters() == null ? null : Weights.of(s.retiredParameters(), s.step()), s.loss(),
                    s.trainAccuracy(), s.testAccuracy(), s.weightNorms(), s.gradientNorms(), s.decisionOffset(),
                    s.seconds(), s.metrics(), s.companions().isEmpty() ? null : CompanionWeights.of(s.companions(), s.step()));
        }

        public Snapshot toSnapshot(NetworkSpec spec) {
            return new Snapshot(parameters.step(), spec, parameters.toParameters(), loss, trainAccuracy, testAccuracy,
                    weightNorms, gradientNorms, decisionOffset, seconds, metrics == null ? Map.of() : metrics,
                    retired == null ? null : retired.toParameters(), CompanionWeights.states(companions));
        }
    }

    /** The companions' states of the current weights. */
    public List<org.marginscope.train.CompanionState> currentCompanionStates() {
        return CompanionWeights.states(currentCompanions);
    }

    static String encode(double[] v) {
        ByteBuffer buf = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(v);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** How many float64 values a base64 text holds, from its length alone; -1 when not a whole number of them. */
    static long decodedLength(String s) {
        int n = s.length();
        if (n % 4 != 0) {
            return -1;
        }
        int pad = n == 0 || s.charAt(n - 1) != '=' ? 0 : s.charAt(n - 2) == '=' ? 2 : 1;
        long bytes = n / 4 * 3L - pad;
        return bytes % 8 == 0 ? bytes / 8 : -1;
    }

    static double[] decode(String s) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a weight array is not valid base64 text", e);
        }
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("a weight array of " + bytes.length + " bytes is not whole float64s");
        }
        double[] v = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }
}
