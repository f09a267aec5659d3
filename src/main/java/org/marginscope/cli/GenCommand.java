package org.marginscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marginscope.data.CsvDatasetWriter;
import org.marginscope.data.Dataset;
import org.marginscope.data.DatasetGenerator;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gen", description = "Generate a dataset and write it as CSV (x,y,label).")
final class GenCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "Generator name (see docs/datasets.md).")
    String dataset;

    @Option(names = "--n", description = "Number of points (default: the generator's).")
    Integer n;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise", defaultValue = "0", description = "Coordinate jitter, fraction of the domain width.")
    double noise;

    @Option(names = "--range", defaultValue = "large", description = "small ([0,1]) or large (natural range).")
    String range;

    @Option(names = "--test-fraction", defaultValue = "0", description = "Fraction of points in a test split.")
    double testFraction;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        DatasetGenerator g = Generators.byName(dataset);
        Dataset d = g.generate(new GeneratorParams(n == null ? 0 : n, noise, seed, Scale.parse(range)));
        if (testFraction > 0) {
            d = d.split(testFraction, seed + 1);
        }
        CsvDatasetWriter.write(d, out);
        System.err.println("wrote " + (d.size() + d.testSize()) + " points of " + d.name() + " to " + out);
        return 0;
    }
}
