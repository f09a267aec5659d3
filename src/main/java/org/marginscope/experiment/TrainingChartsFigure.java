package org.marginscope.experiment;

import java.util.ArrayList;
import java.util.List;
import org.marginscope.experiment.probes.SvmAlignmentProbe;
import org.marginscope.render.ChartFigure;
import org.marginscope.train.Snapshot;

/**
 * The charts of a run as one exportable figure: loss, accuracy, per-layer weight norms, and the angle
 * between the last layer and the SVM (the snapshots' {@code svm_angle_deg*} metrics, measured by the
 * same probes in the app and on the command line).
 */
public final class TrainingChartsFigure {
    private TrainingChartsFigure() {
    }

    public static ChartFigure of(List<Snapshot> snaps, String caption) {
        int n = snaps.size();
        long[] steps = new long[n];
        double[] loss = new double[n], train = new double[n], test = new double[n];
        int layers = 0;
        for (Snapshot s : snaps) {
            layers = Math.max(layers, s.weightNorms().length);
        }
        double[][] norms = new double[layers][n];
        for (int i = 0; i < n; i++) {
            Snapshot s = snaps.get(i);
            steps[i] = s.step();
            loss[i] = s.loss();
            train[i] = s.trainAccuracy();
            test[i] = s.testAccuracy();
            for (int k = 0; k < layers; k++) {
                norms[k][i] = k < s.weightNorms().length ? s.weightNorms()[k] : Double.NaN;
            }
        }
        List<ChartFigure.Panel> panels = new ArrayList<>();
        panels.add(new ChartFigure.Panel("Loss", "training loss", true, List.of(new ChartFigure.Series("loss", steps, loss))));
        List<ChartFigure.Series> acc = new ArrayList<>(List.of(new ChartFigure.Series("train", steps, train)));
        if (snaps.stream().anyMatch(s -> !Double.isNaN(s.testAccuracy()))) {
            acc.add(new ChartFigure.Series("test", steps, test));
        }
        panels.add(new ChartFigure.Panel("Accuracy", "accuracy", false, acc));
        List<ChartFigure.Series> ns = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            ns.add(new ChartFigure.Series("|W" + (k + 1) + "|", steps, norms[k]));
        }
        panels.add(new ChartFigure.Panel("Weight norms", "Frobenius norm", true, ns));
        List<ChartFigure.Series> angles = angleSeries(snaps);
        if (!angles.isEmpty()) {
            panels.add(new ChartFigure.Panel("Last layer vs SVM (Li et al.)", "angle (degrees)", true, angles));
        }
        return new ChartFigure(panels, caption);
    }

    private static List<ChartFigure.Series> angleSeries(List<Snapshot> snaps) {
        List<ChartFigure.Series> out = new ArrayList<>();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (Snapshot s : snaps) {
            for (String k : s.metrics().keySet()) {
                if (k.startsWith(SvmAlignmentProbe.ANGLE)) {
                    keys.add(k);
                }
            }
        }
        for (String k : keys) {
            List<Long> st = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (Snapshot s : snaps) {
                if (s.metrics().containsKey(k)) {
                    st.add(s.step());
                    v.add(s.metrics().get(k));
                }
            }
            String name = k.equals(SvmAlignmentProbe.ANGLE) ? "angle" : "class " + k.substring(SvmAlignmentProbe.ANGLE.length() + 1);
            out.add(new ChartFigure.Series(name, st.stream().mapToLong(Long::longValue).toArray(),
                    v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
