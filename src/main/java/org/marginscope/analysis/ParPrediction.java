package org.marginscope.analysis;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.marginscope.data.Dataset;
import org.marginscope.model.Activation;
import org.marginscope.model.ActivationKind;

/**
 * Sarussi et al. Thm 6.2: in the Perfect Agreement Regime every + neuron is active exactly on the
 * positives and every - neuron on the negatives, so N(x) = &lt;u,x&gt; - alpha &lt;v,x&gt; for y = +1 and
 * alpha &lt;u,x&gt; - &lt;v,x&gt; for y = -1, and training converges to w+ = u, w- = v solving
 * min |u|^2 + |v|^2 s.t. y N(x) &gt;= 1. That is a hard-margin linear SVM without bias on the stacked
 * feature map phi(x) = [x, -alpha x] (y = +1) or [alpha x, -x] (y = -1) with weight [u, v]; LIBLINEAR's
 * dual solver with no bias term and a large C solves it.
 */
public final class ParPrediction {
    /** @param u predicted w+; @param v predicted w-; @param separable whether the stacked problem has a solution */
    public record Result(double[] u, double[] v, boolean separable) {
        /** The angle in degrees between the learned [w+, w-] and the predicted [u, v] (stacked). */
        public double angleDeg(double[] wPos, double[] wNeg) {
            double[] a = concat(wPos, wNeg), b = concat(u, v);
            return NeuronClusters.angleDeg(a, b);
        }
    }

    private static final double HARD_C = 1e6;

    private ParPrediction() {
    }

    /** The Leaky ReLU slope of Thm 6.2 (0 for ReLU), or NaN for an activation the theorem does not cover. */
    public static double alphaOf(Activation a) {
        return a.kind() == ActivationKind.LEAKY_RELU ? a.param() : a.kind() == ActivationKind.RELU ? 0 : Double.NaN;
    }

    /**
     * The last prediction and what it was solved for - the data (immutable, so by identity), alpha and the
     * bias trick - since it depends on nothing else. Not thread-safe: one per thread.
     */
    public static final class Cache {
        private Dataset data;
        private double alpha = Double.NaN;
        private boolean constant;
        private Result result;

        /** Null where Thm 6.2 does not apply (another activation, or not two classes). */
        public Result get(Dataset d, Activation act, boolean appendConstant) {
            double a = alphaOf(act);
            if (Double.isNaN(a) || d.numClasses() != 2) {
                return null;
            }
            if (d != data || a != alpha || appendConstant != constant) {
                result = solve(d, a, appendConstant);
                data = d;
                alpha = a;
                constant = appendConstant;
            }
            return result;
        }
    }

    public static Result solve(Dataset d, double alpha, boolean appendConstant) {
        double[][] x = NeuronClusters.points(d.trainX(), d.size(), d.dim(), appendConstant);
        int n = x.length, in = x.length == 0 ? 0 : x[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("no training points");
        }
        Problem prob = new Problem();
        prob.l = n;
        prob.n = 2 * in;
        prob.bias = -1;
        prob.y = new double[n];
        prob.x = new Feature[n][];
        for (int i = 0; i < n; i++) {
            boolean pos = d.trainLabel(i) == 1;
            prob.y[i] = pos ? 1 : -1;
            prob.x[i] = new Feature[2 * in];
            for (int j = 0; j < in; j++) {
                prob.x[i][j] = new FeatureNode(j + 1, (pos ? 1 : alpha) * x[i][j]);
                prob.x[i][in + j] = new FeatureNode(in + j + 1, -(pos ? alpha : 1) * x[i][j]);
            }
        }
        Linear.disableDebugOutput();
        Model m = Linear.train(prob, new Parameter(SolverType.L2R_L1LOSS_SVC_DUAL, HARD_C, 1e-8));
        double[] fw = m.getFeatureWeights();
        // LIBLINEAR's weights belong to its first label; make them the weights of label +1
        double s = m.getLabels()[0] == 1 ? 1 : -1;
        double[] u = new double[in], v = new double[in];
        for (int j = 0; j < in; j++) {
            u[j] = s * fw[j];
            v[j] = s * fw[in + j];
        }
        boolean separable = true;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < 2 * in; j++) {
                f += (j < in ? u[j] : v[j - in]) * prob.x[i][j].getValue();
            }
            separable &= prob.y[i] * f > 0;
        }
        return new Result(u, v, separable);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
