package org.marginscope.experiment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.marginscope.data.AtomicFiles;
import org.marginscope.train.Snapshot;

/**
 * One row per snapshot: step, loss, accuracies, seconds, per-layer weight and gradient norms, then every
 * extra metric any snapshot has (sorted by key, empty where a snapshot lacks it). Keys follow
 * shared/CLI-CONTRACT.md. Written atomically.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static void write(List<Snapshot> snaps, Path file) throws IOException {
        TreeSet<String> extra = new TreeSet<>();
        int layers = 0;
        for (Snapshot s : snaps) {
            extra.addAll(s.metrics().keySet());
            layers = Math.max(layers, s.weightNorms().length);
        }
        int l = layers;
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder("step,loss,train_accuracy,test_accuracy,seconds");
            for (int k = 1; k <= l; k++) {
                sb.append(",weight_norm_").append(k);
            }
            for (int k = 1; k <= l; k++) {
                sb.append(",grad_norm_").append(k);
            }
            for (String e : extra) {
                sb.append(',').append(e);
            }
            w.write(sb.append('\n').toString());
            for (Snapshot s : snaps) {
                sb.setLength(0);
                sb.append(s.step()).append(',').append(s.loss()).append(',').append(s.trainAccuracy()).append(',')
                        .append(Double.isNaN(s.testAccuracy()) ? "" : Double.toString(s.testAccuracy()))
                        .append(',').append(s.seconds());
                appendPadded(sb, s.weightNorms(), l);
                appendPadded(sb, s.gradientNorms(), l);
                for (String e : extra) {
                    double v = s.metric(e);
                    sb.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
                w.write(sb.append('\n').toString());
            }
            w.flush();
        });
    }

    private static void appendPadded(StringBuilder sb, double[] v, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(',').append(i < v.length ? Double.toString(v[i]) : "");
        }
    }
}
