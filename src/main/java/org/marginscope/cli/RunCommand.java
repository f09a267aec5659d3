package org.marginscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marginscope.analysis.GradientVariance;
import org.marginscope.data.CsvDatasetWriter;
import org.marginscope.experiment.ExperimentRun;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.PresetLibrary;
import org.marginscope.experiment.WeightsJson;
import org.marginscope.experiment.SeedVariation;
import org.marginscope.experiment.ViewId;
import org.marginscope.train.Snapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import org.marginscope.export.FigureWriter;
import org.marginscope.render.PaperFigure;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Train a preset headless; the last line of stdout is a JSON object of final metrics.")
final class RunCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--preset", description = "A built-in preset (see `presets`).")
        String preset;

        @Option(names = "--config", description = "A preset JSON file.")
        Path config;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--steps", description = "Number of steps (default: the preset's).")
    Long steps;

    @Option(names = "--seed", description = "Seed for data and initial weights (default: the preset's).")
    Long seed;

    @Option(names = "--vary", paramLabel = "train|data|both", description = "What --seed replaces: the training"
            + " seed (initial weights, batch order), the dataset's seed, or both (default both).")
    String vary = "both";

    @Option(names = "--out", description = "Directory for metrics.csv, weights.json (the final network), data.csv (its points)"
            + " and the figures.")
    Path out;

    @Option(names = "--figure", split = ",", paramLabel = "png,svg,pdf",
            description = "Write the paper figure of the final step (data | boundary | SVM and network in the"
                    + " transformed space) to DIR/figure.EXT and the charts to DIR/charts.EXT; needs --out.")
    java.util.List<String> figure = java.util.List.of();

    @Option(names = "--views", split = ",", paramLabel = "neurons,regions,linear-regions",
            description = "Also write these views of the final step, in the --figure formats, to DIR/VIEW.EXT: neurons"
                    + " (the Neurons tab: every net's first hidden layer, Sarussi et al.'s view for their nets), regions"
                    + " (the Regions tab's unit maps), linear-regions (its exact linear regions).")
    java.util.List<String> views = java.util.List.of();

    @Option(names = "--png-scale", description = "Pixel scale of the PNG figure, 1-4 (default 2).")
    int pngScale = 2;

    @Option(names = "--animation", paramLabel = "gif",
            description = "Write the training as an animated GIF of the paper figure to DIR/animation.gif; needs --out.")
    String animation;

    @Option(names = "--frames", description = "Frames of the animation, log-spaced over the run (default 48).")
    int frames = 48;

    @Option(names = "--fps", description = "Frames per second of the animation (default 8).")
    double fps = 8;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Option(names = "--paper-settings", description = "Use the paper's own (slower) settings where the preset"
            + " defaults to a lighter variant.")
    boolean paperSettings;

    @Option(names = "--gradient-variance", description = "After the run, van den Berg Fig 18 at the final weights:"
            + " the coefficient of variation of the mini-batch gradient of A1 for N = 1..1024 and its c/sqrt(N) fit,"
            + " per first-layer factor (keys grad_cv_*).")
    boolean gradientVariance;

    @Option(names = "--gv-factors", split = ",", paramLabel = "F,F,...",
            description = "First-layer scale factors for --gradient-variance (default 1,2,4,8).")
    java.util.List<Double> gvFactors = java.util.List.of(1.0, 2.0, 4.0, 8.0);

    @Option(names = "--gv-batches", description = "Random mini-batches per batch size for --gradient-variance (default 400).")
    int gvBatches = 400;

    @Override
    public Integer call() throws Exception {
        Preset preset = source.preset != null ? PresetLibrary.byName(source.preset) : PresetLibrary.read(source.config);
        if (paperSettings) {
            preset = preset.withPaperSettings();
        }
        if (steps != null && steps < 0) {
            throw new IllegalArgumentException("--steps must be >= 0");
        }
        java.util.List<FigureWriter.Format> formats = new java.util.ArrayList<>();
        for (String f : figure) {
            formats.add(FigureWriter.Format.parse(f)); // a typo fails before the training, not after it
        }
        if (animation != null && !animation.equalsIgnoreCase("gif")) {
            throw new IllegalArgumentException("--animation supports gif, got '" + animation + "'");
        }
        if (animation != null && (frames < 1 || !(fps > 0 && fps <= 50))) {
            throw new IllegalArgumentException("--frames must be >= 1 and --fps in (0, 50]");
        }
        if ((!formats.isEmpty() || animation != null) && out == null) {
            throw new IllegalArgumentException("--figure and --animation need --out DIR");
        }
        for (String v : views) {
            if (!EXPORTED.containsKey(v)) {
                throw new IllegalArgumentException("--views: '" + v + "' is not a view the command line exports (one of "
                        + String.join(", ", EXPORTED.keySet()) + ")");
            }
        }
        if (!views.isEmpty() && formats.isEmpty()) {
            throw new IllegalArgumentException("--views writes in the --figure formats: add --figure png (or svg, pdf)");
        }
        if (pngScale < 1 || pngScale > 4) {
            throw new IllegalArgumentException("--png-scale must be 1 to 4, got " + pngScale);
        }
        GradientVariance.Settings gv = gradientVariance ? new GradientVariance.Settings(
                GradientVariance.Target.FIRST_LAYER_WEIGHTS, 1024, gvBatches,
                gvFactors.stream().mapToDouble(Double::doubleValue).toArray(), 1) : null;
        if (out != null) {
            Files.createDirectories(out);
        }
        SeedVariation variation = SeedVariation.parse(vary);
        long total = steps != null ? steps : preset.steps();
        ExperimentRun run = new ExperimentRun(preset, steps, seed, variation);
        if (!quiet && total >= LONG_RUN_STEPS) {
            announceDuration(run, preset, total);
        }
        ProgressBar bar = quiet ? null : new ProgressBar(System.err);
        Snapshot last = run.run(bar == null ? null : bar::update);
        if (bar != null) {
            bar.finish();
        }
        Map<String, Object> metrics = run.finalMetrics(last);
        if (gv != null) {
            putGradientVariance(metrics, GradientVariance.compute(last.spec(), last.parameters(),
                    run.engine().config().lossFunction(), run.dataset(), gv, null, null));
        }
        String json = JsonLine.of(metrics);
        if (out != null) {
            run.writeMetricsCsv(out.resolve("metrics.csv"));
            WeightsJson.write(last.spec(), last.parameters(), out.resolve("weights.json"));
            CsvDatasetWriter.write(run.dataset(), out.resolve("data.csv"));
            byte[] text = (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            org.marginscope.data.AtomicFiles.write(out.resolve("final.json"), o -> o.write(text));
            if (!formats.isEmpty()) {
                PaperFigure fig = org.marginscope.experiment.SnapshotFigures.paper(run.dataset(), last, preset.name());
                var chartFig = org.marginscope.experiment.TrainingChartsFigure.of(run.engine().timeline().snapshots(),
                        preset.name() + ", steps 0-" + last.step());
                for (FigureWriter.Format f : formats) {
                    Path file = out.resolve("figure." + f.extension());
                    FigureWriter.write(fig, f, file, pngScale);
                    Path charts = out.resolve("charts." + f.extension());
                    FigureWriter.write(chartFig, f, charts, pngScale);
                    System.err.println("marginscope: wrote " + file + " and " + charts);
                    for (String v : views) {
                        Path viewFile = out.resolve(v + "." + f.extension());
                        FigureWriter.write(viewFigure(v, run, last), f, viewFile, pngScale);
                        System.err.println("marginscope: wrote " + viewFile);
                    }
                }
            }
            if (animation != null) {
                writeAnimation(run, preset.name(), out.resolve("animation.gif"));
            }
        }
        if (run.engine().divergence() != null) {
            System.err.println("marginscope: training stopped: " + run.engine().divergence());
        }
        System.out.println(json);
        return run.engine().divergence() != null ? 3 : 0;
    }

    /** From this many steps on, {@code run} first measures the pace and says how long the run should take. */
    static final long LONG_RUN_STEPS = 20_000;

    /**
     * Times the run's own first steps (seconds at most; the run goes on from there) and says on stderr how long the
     * whole run should take.
     */
    private static void announceDuration(ExperimentRun run, Preset preset, long total) {
        System.err.println("marginscope: a long run (" + total + " steps): timing its first steps ...");
        org.marginscope.experiment.PresetPreview pace = org.marginscope.experiment.PresetPreview.paceOf(run.engine(), total);
        if (pace.secondsPerStep() <= 0) {
            System.err.println("marginscope: the pace could not be measured (no plain step within the measuring time)");
            return;
        }
        System.err.println(String.format(java.util.Locale.ROOT,
                "marginscope: expected duration about %s on this machine (%d steps at %.3g ms a step, %.3g ms more a"
                        + " snapshot, measured over its first %d steps%s)",
                ProgressBar.duration(pace.expectedSeconds(total)), total, pace.secondsPerStep() * 1e3,
                pace.secondsPerSnapshot() * 1e3, pace.stepsTrained(),
                preset.stop() != null ? "; its stop rule can end it sooner" : ""));
    }

    /**
     * The views {@code --views} accepts, by the name of the file each writes: the Regions tab's unit maps are
     * {@code regions}.
     */
    static final Map<String, ViewId> EXPORTED = exported();

    private static Map<String, ViewId> exported() {
        Map<String, ViewId> m = new java.util.LinkedHashMap<>();
        m.put(ViewId.NEURONS.id(), ViewId.NEURONS);
        m.put("regions", ViewId.UNITS);
        m.put(ViewId.LINEAR_REGIONS.id(), ViewId.LINEAR_REGIONS);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A view of the final snapshot at about the size of the app's side view on a 1440 x 900 screen; the plane's
     * views over the data's extent with the original view's 6% margin.
     */
    static org.marginscope.render.Figure viewFigure(String view, ExperimentRun run, Snapshot last) {
        double w = 720, h = 640;
        var data = run.dataset();
        switch (EXPORTED.getOrDefault(view, ViewId.ORIGINAL)) { // the original view: not one --views writes
            case NEURONS -> {
                boolean constant = last.spec() != null && last.spec().appendConstantInput();
                var frame = org.marginscope.experiment.NeuronFigure.compute(last, data, constant, 0);
                return org.marginscope.experiment.NeuronFigure.figure(frame, w, h);
            }
            case UNITS -> {
                var window = org.marginscope.experiment.probes.LinearRegionsProbe.viewedSquare(data);
                return org.marginscope.experiment.RegionsFigure.figure(
                        org.marginscope.experiment.RegionsFigure.unitMaps(last, window), data, w, h, 1);
            }
            case LINEAR_REGIONS -> {
                var window = org.marginscope.experiment.probes.LinearRegionsProbe.viewedSquare(data);
                return org.marginscope.experiment.RegionsFigure.figure(
                        org.marginscope.experiment.RegionsFigure.linearRegions(last, window, data, w, h, 1), data, w, h, 1);
            }
            default -> throw new IllegalArgumentException("not an exportable view: " + view);
        }
    }

    /** The Fig 18 keys (docs/cli.md): per factor w, the CV curve, the fitted and exact c; and a in c(w) = a sqrt(w). */
    static void putGradientVariance(Map<String, Object> m, GradientVariance.Result r) {
        List<GradientVariance.Curve> curves = r.curves();
        int[] sizes = curves.get(0).batchSizes();
        double[] n = new double[sizes.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = sizes[i];
        }
        m.put("grad_cv_batch_sizes", n);
        m.put("grad_cv_w", curves.stream().mapToDouble(GradientVariance.Curve::weightNorm).toArray());
        m.put("grad_cv", curves.stream().map(GradientVariance.Curve::cv).toList());
        m.put("grad_cv_c", curves.stream().mapToDouble(GradientVariance.Curve::c).toArray());
        m.put("grad_cv_c_exact", curves.stream().mapToDouble(GradientVariance.Curve::cExact).toArray());
        m.put("grad_cv_sqrt_fit", r.sqrtFit());
    }

    private void writeAnimation(ExperimentRun run, String title, Path file) throws java.io.IOException {
        var picks = org.marginscope.train.Timeline.logSpaced(run.engine().timeline().snapshots(), 0, Long.MAX_VALUE,
                frames);
        ProgressBar bar = quiet ? null : new ProgressBar(System.err);
        org.marginscope.export.GifWriter.write(org.marginscope.experiment.SnapshotFigures.frames(run.dataset(), picks, title),
                file, fps, bar == null ? null : n -> bar.update(n, picks.size(), "frame"), null);
        if (bar != null) {
            bar.finish();
        }
        System.err.println("marginscope: wrote " + file + " (" + picks.size() + " frames)");
    }
}
