package org.marginscope.experiment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.marginscope.data.AtomicFiles;
import org.marginscope.train.Snapshot;

/**
 * One row per snapshot: step, loss, accuracies, seconds, per-layer weight and gradient norms, then every
 * extra metric any snapshot has (sorted by key, empty where a snapshot lacks it). Keys follow
 * docs/cli.md. Written atomically.
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

    /** The rows {@link #write} writes, in memory (what {@link #read} gives back for that file). */
    public static MetricsTable table(List<Snapshot> snaps) {
        TreeSet<String> extra = new TreeSet<>();
        int layers = 0;
        for (Snapshot s : snaps) {
            extra.addAll(s.metrics().keySet());
            layers = Math.max(layers, s.weightNorms().length);
        }
        List<String> cols = new ArrayList<>(List.of("step", "loss", "train_accuracy", "test_accuracy", "seconds"));
        for (int k = 1; k <= layers; k++) {
            cols.add("weight_norm_" + k);
        }
        for (int k = 1; k <= layers; k++) {
            cols.add("grad_norm_" + k);
        }
        cols.addAll(extra);
        double[][] rows = new double[snaps.size()][];
        for (int i = 0; i < rows.length; i++) {
            Snapshot s = snaps.get(i);
            double[] r = new double[cols.size()];
            r[0] = s.step();
            r[1] = s.loss();
            r[2] = s.trainAccuracy();
            r[3] = s.testAccuracy();
            r[4] = s.seconds();
            int c = 5;
            for (int k = 0; k < layers; k++) {
                r[c++] = k < s.weightNorms().length ? s.weightNorms()[k] : Double.NaN;
            }
            for (int k = 0; k < layers; k++) {
                r[c++] = k < s.gradientNorms().length ? s.gradientNorms()[k] : Double.NaN;
            }
            for (String e : extra) {
                r[c++] = s.metric(e);
            }
            rows[i] = r;
        }
        return new MetricsTable(cols, rows);
    }

    /**
     * Reads a metrics.csv as written by {@link #write} (or by another version of it: any header whose first
     * column is {@code step}); empty cells are NaN. Errors name the file and line.
     */
    public static MetricsTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("step,") && !lines.get(0).equals("step")) {
            throw new IOException(file + ": not a metrics.csv (the first line must be a header starting with step)");
        }
        List<String> cols = List.of(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != cols.size()) {
                throw new IOException(file + " line " + (i + 1) + ": " + cells.length + " cells, the header has "
                        + cols.size());
            }
            double[] r = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    r[c] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 1) + ": '" + cells[c] + "' in column " + cols.get(c)
                            + " is not a number", e);
                }
            }
            rows.add(r);
        }
        return new MetricsTable(cols, rows.toArray(new double[0][]));
    }

    private static void appendPadded(StringBuilder sb, double[] v, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(',').append(i < v.length ? Double.toString(v[i]) : "");
        }
    }
}
