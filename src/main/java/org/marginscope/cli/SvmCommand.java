package org.marginscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marginscope.analysis.LinearSvm;
import org.marginscope.analysis.SvmSolution;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "svm", description = "Fit the project's linear SVM on a CSV (2 classes: hard margin with an "
        + "unregularised bias; K classes: Crammer-Singer without bias); prints the solution as JSON.")
final class SvmCommand implements Callable<Integer> {
    private static final long BIG_FILE_BYTES = 20L << 20;

    @Option(names = "--csv", required = true, description = "The data (features then a label per row).")
    Path csv;

    @Option(names = "--c", description = "Soft-margin C (default: hard margin, C = 1e6).")
    Double c;

    @Override
    public Integer call() throws Exception {
        // A big file takes a while to read and fit: say so on stderr instead of sitting silent.
        boolean big = Files.isRegularFile(csv) && Files.size(csv) > BIG_FILE_BYTES;
        if (big) {
            System.err.println("reading " + csv + " (" + (Files.size(csv) >> 20) + " MB)...");
        }
        Dataset d = CsvDatasetReader.read(csv);
        if (big) {
            System.err.println("fitting the SVM on " + d.size() + " points in " + d.dim() + " dimensions...");
        }
        double[] x = d.trainX();
        SvmSolution s = LinearSvm.fit(x, d.size(), d.dim(), d.trainY(), c == null ? LinearSvm.HARD_C : c);
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.binary()) {
            out.put("w", s.w());
            out.put("b", s.bias());
        } else {
            List<double[]> rows = Arrays.asList(s.weights());
            out.put("w", rows);
            out.put("b", 0.0);
        }
        out.put("margin", s.margin());
        out.put("support_vectors", s.supportVectors());
        out.put("separable", s.separable());
        out.put("classes", d.classNames());
        System.out.println(JsonLine.of(out));
        return 0;
    }
}
