package org.marginscope.analysis;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The project's linear SVM. Two classes: LIBSVM's C-SVC with a linear kernel and an unregularised
 * bias; with the default C it is the hard-margin SVM on separable data (Li et al. Thm 1 compares the
 * last layer with it). K classes: LIBLINEAR's Crammer-Singer solver, without bias as in Li et al.
 * Thm 2. The data are scaled to unit size by a power of two first and the solution mapped back
 * exactly (see {@link #fit(double[], int, int, int[], double, boolean)}), so any finite separable
 * coordinates, 5e-324 to 1.8e308, are reported separable with their margin; data that a quick soft
 * fit (C = 1, then 1000, on the scaled data) does not separate are reported as not separable with that fit.
 * Large binary sets are first tried by {@link ActiveSetHardMargin}, which gives the same solution in a
 * fraction of the time when the data are separable. Binary fits of more than {@link #LARGE} points use
 * {@link DualCoordinateDescentSvm} instead of LIBSVM, whose kernel columns make such fits take hours.
 * A fit can report progress and be cancelled ({@link #fit(double[], int, int, int[], double, DoubleConsumer,
 * BooleanSupplier)}).
 */
public final class LinearSvm {
    /** C standing in for infinity: the hard margin on separable data. */
    public static final double HARD_C = 1e6;

    /** Binary fits of more points than this go to {@link DualCoordinateDescentSvm}. */
    static final int LARGE = 20_000;

    /** The fit running on this thread: LIBSVM's and LIBLINEAR's progress dots are its chances to cancel. */
    private static final ThreadLocal<SvmTask> CURRENT = new ThreadLocal<>();

    static {
        // LIBSVM prints a dot every 1,000 iterations, LIBLINEAR every few passes: both are heartbeats
        svm.svm_set_print_string_function(s -> checkCurrent());
        Linear.setDebugOutput(new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream printf(String format, Object... args) {
                checkCurrent();
                return this;
            }
        });
    }

    private static void checkCurrent() {
        SvmTask t = CURRENT.get();
        if (t != null) {
            t.check();
        }
    }

    private LinearSvm() {
    }

    /** Hard-margin fit (row-major n x d points, labels 0..K-1). */
    public static SvmSolution fit(double[] x, int n, int d, int[] y) {
        return fit(x, n, d, y, HARD_C);
    }

    public static SvmSolution fit(double[] x, int n, int d, int[] y, double c) {
        return fit(x, n, d, y, c, true);
    }

    /**
     * The K-class (Crammer-Singer) hard-margin fit for a network with {@code classes} outputs, whichever labels
     * the points carry: classes without points get a zero row and are left out of the margin and separability
     * (a net whose data lost or skipped a class - points of 0, 1 and 3 - is still compared on the classes present).
     */
    public static SvmSolution fitClasses(double[] x, int n, int d, int[] y, int classes) {
        return fit(x, n, d, y, HARD_C, true, classes);
    }

    /** The fit without the active set: LIBSVM sees every point (for comparison and benchmarks). */
    public static SvmSolution fitAllPoints(double[] x, int n, int d, int[] y) {
        return fit(x, n, d, y, HARD_C, false);
    }

    /**
     * {@link #fit(double[], int, int, int[], double)} with progress and cancellation.
     *
     * @param progress  receives the share done, 0..1, never decreasing (may be null)
     * @param cancelled polled while the solvers work; when it turns true (or the thread is interrupted) the fit
     *                  throws {@link CancellationException} (may be null)
     */
    public static SvmSolution fit(double[] x, int n, int d, int[] y, double c, DoubleConsumer progress,
                                  BooleanSupplier cancelled) {
        return fit(x, n, d, y, c, true, 0, new SvmTask(progress, cancelled));
    }

    private static SvmSolution fit(double[] x, int n, int d, int[] y, double c, boolean activeSet) {
        return fit(x, n, d, y, c, activeSet, 0);
    }

    private static SvmSolution fit(double[] x, int n, int d, int[] y, double c, boolean activeSet, int forcedClasses) {
        return fit(x, n, d, y, c, activeSet, forcedClasses, SvmTask.NONE);
    }

    /** forcedClasses > 0: a K-class fit with that many rows even for two labels. */
    private static SvmSolution fit(double[] x, int n, int d, int[] y, double c, boolean activeSet, int forcedClasses,
                                   SvmTask task) {
        if (n < 2 || x.length != n * d || y.length != n) {
            throw new IllegalArgumentException("an SVM needs at least two points with matching labels");
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a finite number > 0, got " + c);
        }
        int k = forcedClasses;
        for (int v : y) {
            k = Math.max(k, v + 1);
        }
        boolean[] present = new boolean[k];
        for (int v : y) {
            present[v] = true;
        }
        int classes = 0;
        for (boolean p : present) {
            classes += p ? 1 : 0;
        }
        if (classes < 2) {
            throw new IllegalArgumentException("an SVM needs points of at least two classes");
        }
        PowerOfTwoScale scale = PowerOfTwoScale.of(x);
        double[] unit = scale.down(x);
        // The fit is made on x' = x / s (s = 2^e, max |x'| in [1, 2)) and mapped back exactly.
        // Binary: f(x) = w'.x' + b' = (w'/s).x + b', so w = w'/s and b = b'; y f(x) is unchanged, so
        // the geometric margin min y f / |w| is s * margin' and separability is the same; w = sum a y x
        // and w' = sum a' y x' give a = a' / s^2. A soft fit keeps its slacks (y f is unchanged) and
        // 1/2 |w|^2 + C sum xi = (1/2 |w'|^2 + C s^2 sum xi) / s^2, so C on x is C' = C s^2 on x'
        // (kept within [MIN_NORMAL, HARD_C]: beyond HARD_C a soft fit is the hard one).
        // K classes (no bias): W = W'/s and the margin s * margin' the same way.
        double unitC = c >= HARD_C ? c : Math.min(HARD_C, Math.max(Double.MIN_NORMAL, scale.times(c, 2)));
        boolean binary = k == 2 && forcedClasses == 0;
        SvmTask outer = CURRENT.get();
        CURRENT.set(task);
        try {
            SvmSolution s = scaledBack(fitUnit(unit, n, d, y, k, binary, present, unitC, c >= HARD_C, activeSet, task),
                    scale);
            task.done();
            return s;
        } finally {
            CURRENT.set(outer);
        }
    }

    private static SvmSolution fitUnit(double[] x, int n, int d, int[] y, int k, boolean binary, boolean[] present,
                                       double c, boolean hard, boolean activeSet, SvmTask task) {
        // stages: the active set (a few linear passes), the soft probes, the final fit
        if (activeSet && hard && binary && n > ACTIVE_SET_MIN) {
            task.stage(0, 0.05);
            SvmSolution quick = ActiveSetHardMargin.fit(x, n, d, y, task);
            if (quick != null) {
                return quick;
            }
        }
        if (hard) {
            // LIBSVM with a huge C on data that are not separable can run for minutes. A soft fit
            // (C = 1 on unit-scaled data) is quick; only when it already separates the points is the
            // hard-margin fit made (quick on separable data). Otherwise the soft solution is the answer,
            // reported as not separable.
            SvmSolution soft = null;
            for (int p = 0; p < SOFT_PROBE_C.length; p++) {
                task.stage(p == 0 ? 0.05 : 0.6, p == 0 ? 0.6 : 0.9);
                double probe = SOFT_PROBE_C[p];
                soft = binary ? binary(x, n, d, y, probe, task) : multi(x, n, d, y, k, present, probe);
                if (soft.separable() || misclassified(soft, x, n, d, y) > 0.01 * n) {
                    break; // separated, or far from it: a larger C would only take longer
                }
            }
            if (!soft.separable()) {
                return soft;
            }
            task.stage(0.9, 1);
        }
        return binary ? binary(x, n, d, y, c, task) : multi(x, n, d, y, k, present, c);
    }

    /** A solution on x / s stated for x (see {@link #fit}). */
    private static SvmSolution scaledBack(SvmSolution u, PowerOfTwoScale s) {
        double[][] w = new double[u.weights().length][];
        for (int r = 0; r < w.length; r++) {
            w[r] = new double[u.weights()[r].length];
            for (int j = 0; j < w[r].length; j++) {
                w[r][j] = s.times(u.weights()[r][j], -1);
            }
        }
        double[] dual = new double[u.dual().length];
        for (int i = 0; i < dual.length; i++) {
            dual[i] = s.times(u.dual()[i], -2);
        }
        return new SvmSolution(w, u.bias(), s.times(u.margin(), 1), dual, u.supportVectors(), u.separable(),
                u.present());
    }

    /** Below this many points the plain fit is quick enough. */
    static final int ACTIVE_SET_MIN = 400;

    /** The Cs of the quick soft-margin probes, on data scaled to unit size (the second finds small margins). */
    static final double[] SOFT_PROBE_C = {1.0, 1000.0};

    /** Training points on the wrong side of a solution. */
    private static int misclassified(SvmSolution s, double[] x, int n, int d, int[] y) {
        int wrong = 0;
        double[] xi = new double[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            if (s.binary()) {
                if ((s.decision(xi) > 0 ? 1 : 0) != y[i]) {
                    wrong++;
                }
            } else if (s.predict(xi) != y[i]) {
                wrong++;
            }
        }
        return wrong;
    }

    /** The binary soft-margin fit on data already of unit size: LIBSVM's C-SVC, or coordinate descent for many points. */
    private static SvmSolution binary(double[] x, int n, int d, int[] y, double c, SvmTask task) {
        if (n > LARGE) {
            return DualCoordinateDescentSvm.fit(x, n, d, y, c, task);
        }
        task.check();
        return binary(x, n, d, y, c);
    }

    /** LIBSVM's C-SVC on data already of unit size. */
    static SvmSolution binary(double[] x, int n, int d, int[] y, double c) {
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.y = new double[n];
        prob.x = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            prob.y[i] = y[i] == 1 ? 1 : -1;
            prob.x[i] = new svm_node[d];
            for (int j = 0; j < d; j++) {
                svm_node node = new svm_node();
                node.index = j + 1;
                node.value = x[i * d + j];
                prob.x[i][j] = node;
            }
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.LINEAR;
        p.C = c;
        p.eps = 1e-6;
        p.cache_size = 100;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        svm_model model = svm.svm_train(prob, p);
        // decision = sum coef_i <sv_i, x> - rho, positive for model.label[0]
        double sign = model.label[0] == 1 ? 1 : -1;
        double[] w = new double[d];
        double[] dual = new double[n];
        for (int i = 0; i < model.l; i++) {
            double coef = sign * model.sv_coef[0][i];
            for (svm_node node : model.SV[i]) {
                w[node.index - 1] += coef * node.value;
            }
            dual[model.sv_indices[i] - 1] = coef; // alpha_i y_i
        }
        double b = -sign * model.rho[0];
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double minFunctional = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double f = b;
            for (int j = 0; j < d; j++) {
                f += w[j] * x[i * d + j];
            }
            minFunctional = Math.min(minFunctional, (y[i] == 1 ? 1 : -1) * f);
        }
        if (norm == 0) { // a constant classifier (e.g. XOR with a small C): no margin
            return new SvmSolution(new double[][] {w}, b, 0, dual, model.l, false);
        }
        return new SvmSolution(new double[][] {w}, b, minFunctional / norm, dual, model.l, minFunctional > 0);
    }

    private static SvmSolution multi(double[] x, int n, int d, int[] y, int k, boolean[] present, double c) {
        Problem prob = new Problem();
        prob.l = n;
        prob.n = d;
        prob.bias = -1;
        prob.y = new double[n];
        prob.x = new Feature[n][];
        for (int i = 0; i < n; i++) {
            prob.y[i] = y[i];
            prob.x[i] = new Feature[d];
            for (int j = 0; j < d; j++) {
                prob.x[i][j] = new FeatureNode(j + 1, x[i * d + j]);
            }
        }
        Model model = Linear.train(prob, new Parameter(SolverType.MCSVM_CS, c, 1e-6));
        int[] labels = model.getLabels();
        double[] fw = model.getFeatureWeights(); // feature-major: fw[feature * nrClass + class index]
        int nr = model.getNrClass();
        double[][] w = new double[k][d];
        for (int ci = 0; ci < nr; ci++) {
            for (int j = 0; j < d; j++) {
                w[labels[ci]][j] = fw[j * nr + ci];
            }
        }
        double frob = 0;
        for (double[] row : w) {
            for (double v : row) {
                frob += v * v;
            }
        }
        frob = Math.sqrt(frob);
        double min = Double.POSITIVE_INFINITY;
        int onMargin = 0;
        for (int i = 0; i < n; i++) {
            double fy = dot(w[y[i]], x, i * d, d);
            double gap = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                if (j != y[i] && present[j]) { // a class without points competes with no one
                    gap = Math.min(gap, fy - dot(w[j], x, i * d, d));
                }
            }
            min = Math.min(min, gap);
            if (gap <= 1 + 1e-3) {
                onMargin++;
            }
        }
        return new SvmSolution(w, 0, min / frob, new double[0], onMargin, min > 0, present.clone());
    }

    private static double dot(double[] w, double[] x, int o, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += w[j] * x[o + j];
        }
        return s;
    }
}
