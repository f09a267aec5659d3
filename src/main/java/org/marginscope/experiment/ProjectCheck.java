package org.marginscope.experiment;

import java.util.List;
import java.util.Map;
import org.marginscope.data.Dataset;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Everything a read project must satisfy before the session is touched: every part is built once (data, each
 * set of weights, each snapshot), so that a file which parses but does not fit together, or could not train,
 * fails here with an IllegalArgumentException in the user's words, not later in the trainer.
 */
final class ProjectCheck {
    /** Names, labels and the like; a longer one is damage (a real name is a few words). */
    static final int MAX_TEXT = 1_000;

    private ProjectCheck() {
    }

    static void check(Project p) {
        if (p.data() == null || p.network() == null || p.training() == null) {
            throw new IllegalArgumentException("it lacks its data, network or training settings");
        }
        text(p.app(), "the app name");
        text(p.preset(), "the preset name");
        p.view().keySet().forEach(k -> text(k, "a view setting's name"));
        Dataset d = data(p.data());
        NetworkSpec net = p.network();
        fits(d, net, "the network");
        for (var c : p.companions()) {
            text(c.label(), "a companion's label");
            if (c.network() != null) {
                fits(d, c.network(), "companion " + c.label() + "'s network");
            }
        }
        if (p.current() != null) {
            shape(net, p.current(), "the current weights");
        }
        companions(p, p.currentCompanions(), "the current weights");
        long last = -1;
        for (Project.Kept k : p.timeline()) {
            if (k == null || k.parameters() == null) {
                throw new IllegalArgumentException("the timeline has a snapshot without weights");
            }
            String what = "the snapshot of step " + k.parameters().step();
            shape(net, k.parameters(), what);
            kept(k, net, what);
            companions(p, k.companions(), what);
            if (k.parameters().step() < last) {
                throw new IllegalArgumentException("the timeline is out of order at step " + k.parameters().step());
            }
            last = k.parameters().step();
        }
    }

    private static Dataset data(Project.Data data) {
        if (data.trainX() == null || data.trainY() == null || data.classNames() == null
                || data.classNames().stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("the data lack their points, labels or class names");
        }
        text(data.name(), "the data's name");
        data.classNames().forEach(n -> text(n, "a class name"));
        Dataset d = data.toDataset();
        if (d.size() == 0) {
            throw new IllegalArgumentException("the data have no training points, so there is nothing to train on");
        }
        return d;
    }

    private static void fits(Dataset d, NetworkSpec net, String what) {
        if (d.dim() != net.inputDim()) {
            throw new IllegalArgumentException("the data have " + d.dim() + " features but " + what + " takes "
                    + net.inputDim());
        }
        if (d.numClasses() > net.classes()) {
            throw new IllegalArgumentException("the data have " + d.numClasses() + " classes but " + what
                    + " separates " + net.classes());
        }
    }

    /** Each companion's weights fit its own architecture, and there is one per companion the project names. */
    private static void companions(Project p, List<Project.CompanionWeights> cs, String what) {
        if (cs == null || cs.isEmpty()) {
            return;
        }
        if (cs.size() != p.companions().size()) {
            throw new IllegalArgumentException(what + " hold " + cs.size() + " companion networks, the project names "
                    + p.companions().size());
        }
        for (Project.CompanionWeights c : cs) {
            if (c == null || c.label() == null || c.spec() == null || c.loss() == null || c.weights() == null) {
                throw new IllegalArgumentException(what + ": a companion lacks its label, network, loss or weights");
            }
            text(c.label(), "a companion's label");
            text(c.divergence(), "a companion's note");
            finite(c.decisionOffset(), what + ", companion " + c.label() + ", decision offset");
            shape(c.spec(), c.weights(), what + ", companion " + c.label() + ",");
        }
    }

    /** A snapshot's measures: norms are >= 0, accuracies fractions, times and offsets finite. */
    private static void kept(Project.Kept k, NetworkSpec net, String what) {
        int layers = net.layers().size();
        if (k.weightNorms() == null || k.gradientNorms() == null || !perLayer(k.weightNorms(), layers)
                || !perLayer(k.gradientNorms(), layers)) {
            throw new IllegalArgumentException(what + " lacks a weight or gradient norm for each of its " + layers
                    + " layers");
        }
        for (double v : k.weightNorms()) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " has a weight norm of " + v);
            }
        }
        for (double v : k.gradientNorms()) {
            if (v < 0) { // NaN is "not measured"
                throw new IllegalArgumentException(what + " has a negative gradient norm");
            }
        }
        if (k.loss() < 0) { // every loss is >= 0; NaN is "not measured"
            throw new IllegalArgumentException(what + " has a negative loss");
        }
        fraction(k.trainAccuracy(), what + ", training accuracy");
        fraction(k.testAccuracy(), what + ", test accuracy");
        finite(k.decisionOffset(), what + ", decision offset");
        if (!(k.seconds() >= 0) || Double.isInfinite(k.seconds())) {
            throw new IllegalArgumentException(what + " has a training time of " + k.seconds() + " s");
        }
        if (k.metrics() != null) {
            for (Map.Entry<String, Double> m : k.metrics().entrySet()) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new IllegalArgumentException(what + " has a measure without a value");
                }
            }
        }
        if (k.retired() != null) {
            weights(k.retired(), what + ", retired weights");
        }
    }

    /** One value per layer, or none (not measured). */
    private static boolean perLayer(double[] v, int layers) {
        return v.length == layers || v.length == 0;
    }

    private static void shape(NetworkSpec net, Project.Weights weights, String what) {
        Parameters w = weights(weights, what);
        List<LayerSpec> layers = net.layers();
        if (w.layers() != layers.size()) {
            throw new IllegalArgumentException(what + " have " + w.layers() + " layers, the network " + layers.size());
        }
        int in = net.effectiveInputDim();
        for (int k = 0; k < layers.size(); k++) {
            LayerSpec l = layers.get(k);
            if (w.in(k) != in || w.out(k) != l.width()) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " is " + w.in(k) + " x " + w.out(k)
                        + ", the network's is " + in + " x " + l.width());
            }
            if (w.hasBias(k) != l.bias()) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + (l.bias() ? " lacks its biases"
                        : " has biases the network does not"));
            }
            in = l.width();
        }
    }

    /** Decodes one set of weights, checking every size before anything the size names is allocated. */
    static Parameters weights(Project.Weights w, String what) {
        if (w.in() == null || w.out() == null || w.weights() == null || w.biases() == null) {
            throw new IllegalArgumentException(what + " lack their layer sizes or values");
        }
        int l = w.in().length;
        if (w.out().length != l || w.weights().size() != l || w.biases().size() != l) {
            throw new IllegalArgumentException(what + ": the layer sizes and values disagree on the layer count");
        }
        if (w.step() < 0) {
            throw new IllegalArgumentException(what + " are at a negative step");
        }
        long total = 0;
        for (int k = 0; k < l; k++) {
            if (w.in()[k] < 1 || w.out()[k] < 1) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " has a size below 1");
            }
            total += (long) w.in()[k] * w.out()[k] + w.out()[k];
            if (w.weights().get(k) == null) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " lacks its weights");
            }
        }
        if (total > NetworkSpec.MAX_PARAMETERS) {
            throw new IllegalArgumentException(what + " hold " + JsonProblems.count(total)
                    + " weights and biases, over the limit of " + JsonProblems.count(NetworkSpec.MAX_PARAMETERS));
        }
        for (int k = 0; k < l; k++) {
            int n = w.in()[k] * w.out()[k];
            if (Project.decodedLength(w.weights().get(k)) != n) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " should hold " + n + " weights");
            }
            String b = w.biases().get(k);
            if (b != null && Project.decodedLength(b) != w.out()[k]) {
                throw new IllegalArgumentException(what + ": layer " + (k + 1) + " should hold " + w.out()[k]
                        + " biases");
            }
        }
        Parameters p = w.toParameters();
        if (!p.allFinite()) {
            throw new IllegalArgumentException(what + " hold NaN or infinite values");
        }
        return p;
    }

    private static void text(String s, String what) {
        if (s != null && s.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is " + JsonProblems.count(s.length())
                    + " characters long, over the limit of " + JsonProblems.count(MAX_TEXT));
        }
    }

    private static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not a finite number");
        }
    }

    private static void fraction(double v, String what) {
        if (v < 0 || v > 1) { // NaN: no test part
            throw new IllegalArgumentException(what + " is " + v + ", not between 0 and 1");
        }
    }
}
