package org.marginscope.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.analysis.LinearSvm;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.experiment.BenchmarkCases;
import org.marginscope.model.Activation;
import org.marginscope.model.BackendInfo;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NativeArrays;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.Dtype;
import org.marginscope.train.Timeline;
import org.marginscope.train.TrainingConfig;
import org.marginscope.train.TrainingEngine;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The `bench` figures (keys in docs/cli.md): this machine's ceilings (GEMM peak, memory
 * bandwidth), the engine's speed on Li's wide net and a small net, and the exact linear regions of both.
 */
public final class Benchmarks {
    static final int WIDE_N = 5000;
    static final int SMALL_N = 200;
    static final int GRID = 256;

    private final boolean quick;

    public Benchmarks(boolean quick) {
        this.quick = quick;
    }

    public Map<String, Object> runAll() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", BackendInfo.describe());
        m.put("simd", org.marginscope.model.Simd.describe());
        double gemm32 = gemmGflops(DataType.FLOAT);
        m.put("gemm_gflops_f32", gemm32);
        m.put("gemm_gflops_f64", gemmGflops(DataType.DOUBLE));
        m.put("membw_gbs", memoryBandwidth());
        double wide32 = stepsPerSecond(BenchmarkCases.wideSpec(), BenchmarkCases.blobLike(WIDE_N, 7), Dtype.FLOAT32, quick ? 50 : 200);
        double wide64 = stepsPerSecond(BenchmarkCases.wideSpec(), BenchmarkCases.blobLike(WIDE_N, 7), Dtype.FLOAT64, quick ? 30 : 100);
        m.put("wide_steps_per_s_f32", wide32);
        m.put("wide_steps_per_s_f64", wide64);
        m.put("wide_steps_per_s_f32_general_path",
                stepsPerSecond(BenchmarkCases.wideSpec(), BenchmarkCases.blobLike(WIDE_N, 7), Dtype.FLOAT32, quick ? 3 : 10, false));
        m.put("wide_gflops_f32", wide32 * wideStepFlops() * 1e-9);
        // useful FLOP/s of the step over what the machine's float32 GEMM reaches
        m.put("wide_fraction_of_gemm_peak", wide32 * wideStepFlops() * 1e-9 / gemm32);
        m.put("tiny_steps_per_s", tinyStepsPerSecond(quick ? 2000 : 20000));
        m.put("small_steps_per_s", stepsPerSecond(BenchmarkCases.smallSpec(), BenchmarkCases.blobLike(SMALL_N, 3), Dtype.FLOAT32, quick ? 500 : 3000));
        m.put("small_steps_per_s_plain_java", PlainJavaMlp.stepsPerSecond(BenchmarkCases.blobLike(SMALL_N, 3), quick ? 2000 : 20000));
        m.put("grid_points_per_s_wide", gridPointsPerSecond(BenchmarkCases.wideSpec()));
        m.put("grid_points_per_s_small", gridPointsPerSecond(BenchmarkCases.smallSpec()));
        Dataset sep = separableLike(WIDE_N, 5);
        m.put("svm_fit_ms_5000", millisPerCall(() -> LinearSvm.fit(sep.trainX(), sep.size(), 2, sep.trainY()), quick ? 3 : 10));
        m.put("svm_fit_ms_5000_all_points",
                millisPerCall(() -> LinearSvm.fitAllPoints(sep.trainX(), sep.size(), 2, sep.trainY()), quick ? 1 : 3));
        m.put("gradient_field_ms_eq8_256", gradientFieldMillis(quick ? 2 : 5));
        RegionsCase small = regionsSmall(), wide = regionsWide();
        m.put("regions_ms_small", millisPerCall(small::compute, quick ? 5 : 20));
        m.put("regions_count_small", small.compute().count());
        // Li's net at its start has ~1.4 million regions over its data square: all of them counted (none kept),
        // and the capped partition the app would ask for, which stops at LinearRegions.DEFAULT_MAX_REGIONS
        m.put("regions_ms_wide", millisPerCall(wide::count, quick ? 2 : 5));
        m.put("regions_count_wide", wide.count());
        m.put("regions_ms_wide_capped", millisPerCall(wide::compute, quick ? 2 : 5));
        return m;
    }

    /** One network's exact linear regions over a viewport (analysis.LinearRegions). */
    record RegionsCase(NetworkSpec spec, Parameters params,
                       Bounds viewport) {
        LinearRegions compute() {
            return LinearRegions.compute(spec, params, viewport);
        }

        long count() {
            return LinearRegions.count(spec, params, viewport);
        }
    }

    /**
     * A 2-32-32-1 ReLU net initialised as the preset li-blob-small-net initialises its layers (He, the second
     * layer's biases at 0.1), over that preset's data square with the boundary view's margin.
     */
    static RegionsCase regionsSmall() {
        var p = org.marginscope.experiment.PresetLibrary.byName("li-blob-small-net");
        var layers = new java.util.ArrayList<>(p.network().layers());
        layers.set(1, new LayerSpec(32, Activation.RELU, true, true, null, 1.0, 0.1, null, null));
        NetworkSpec spec = p.network().withLayers(layers);
        var params = new Network(spec, DataType.DOUBLE, p.training().seed()).parameters();
        return new RegionsCase(spec, params, dataWindow(p.dataset().build()));
    }

    /** Li's 2-2000-2-1 ReLU net of the preset li-blob as it starts, over that preset's data square. */
    static RegionsCase regionsWide() {
        var p = org.marginscope.experiment.PresetLibrary.byName("li-blob");
        var params = new Network(p.network(), DataType.DOUBLE, p.training().seed()).parameters();
        return new RegionsCase(p.network(), params, dataWindow(p.dataset().build()));
    }

    /** The window the boundary view fits to a 2-D dataset: its domain and points, 6% margin on each side. */
    static Bounds dataWindow(Dataset d) {
        Bounds e = d.extent(0);
        Bounds b = d.groundTruth().map(t -> t.domain()).map(t -> new Bounds(
                Math.min(t.xMin(), e.xMin()), Math.max(t.xMax(), e.xMax()),
                Math.min(t.yMin(), e.yMin()), Math.max(t.yMax(), e.yMax()))).orElse(e);
        double mx = 0.06 * b.width(), my = 0.06 * b.height();
        return new Bounds(b.xMin() - mx, b.xMax() + mx, b.yMin() - my, b.yMax() + my);
    }

    /** van den Berg's Eq (8) net (the fig12 preset): gradient heatmaps of all three layers on a 256 x 256 grid. */
    static double gradientFieldMillis(int reps) {
        var p = org.marginscope.experiment.PresetLibrary.byName("vdberg-fig12-gamma1");
        Dataset d = p.dataset().build();
        var params = new org.marginscope.model.Network(p.network(), DataType.DOUBLE, 1L).parameters();
        var vp = new org.marginscope.data.Viewport(d.groundTruth().orElseThrow().domain(), GRID, GRID);
        var loss = new org.marginscope.model.Loss(org.marginscope.model.LossKind.CROSS_ENTROPY, true);
        return millisPerCall(() -> org.marginscope.analysis.GradientField.compute(p.network(), params, loss, d, vp, 1), reps);
    }



    /** Multiply-adds x 2 of one full-batch step of the wide net: forward, backward to weights and to activations. */
    static double wideStepFlops() {
        double fwd = 2.0 * WIDE_N * (2 * 2000 + 2000 * 2 + 2);
        return 3 * fwd;
    }

    /** Two Gaussian blobs as {@link #blobLike} with the points near the middle line left out: separable. */
    static Dataset separableLike(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; ) {
            int c = i % 2;
            double cx = (c == 0 ? 30 : 70) + 10 * org.marginscope.data.Gaussian.draw(rnd);
            double cy = (c == 0 ? 30 : 70) + 10 * org.marginscope.data.Gaussian.draw(rnd);
            if ((c == 1) == (cx + cy > 100) && Math.abs(cx + cy - 100) > 1) {
                x[2 * i] = cx;
                x[2 * i + 1] = cy;
                y[i++] = c;
            }
        }
        return Dataset.of("bench-separable", 2, x, y);
    }

    private static double millisPerCall(Runnable r, int reps) {
        r.run(); // warm
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e6 / reps;
    }


    private double stepsPerSecond(NetworkSpec spec, Dataset data, Dtype dtype, int steps) {
        return stepsPerSecond(spec, data, dtype, steps, true);
    }

    /** @param fused false forces the general ND4J path (no fused bottom-pair kernel), for comparison */
    private double stepsPerSecond(NetworkSpec spec, Dataset data, Dtype dtype, int steps, boolean fused) {
        TrainingConfig cfg = TrainingConfig.gd(1e-4).withDtype(dtype);
        // A tiny timeline: the benchmark measures the step, not snapshot bookkeeping.
        TrainingEngine engine = new TrainingEngine(data, spec, cfg, new Timeline(2, 1L << 30, 1));
        engine.network().setFusedKernel(fused);
        // warm until the JIT has compiled the kernels (the Vector API runs boxed and slow before C2), at least 40 steps
        long warm = System.nanoTime();
        engine.run(Math.max(40, steps / 5));
        while (System.nanoTime() - warm < 2_000_000_000L) {
            engine.run(10);
        }
        long t0 = System.nanoTime();
        engine.run(steps);
        return steps / ((System.nanoTime() - t0) * 1e-9);
    }

    /** Van den Berg's 2-1-2 net (Fig 13/14/16) on its 3,200 strip points, as the preset trains it. */
    private double tinyStepsPerSecond(int steps) {
        org.marginscope.experiment.Preset p = org.marginscope.experiment.PresetLibrary.byName("vdberg-fig14-norm10");
        TrainingEngine engine = new TrainingEngine(p.dataset().build(), p.network(), p.training(),
                new Timeline(2, 1L << 30, 1));
        engine.run(Math.max(2, steps / 5));
        long t0 = System.nanoTime();
        engine.run(steps);
        return steps / ((System.nanoTime() - t0) * 1e-9);
    }

    private double gridPointsPerSecond(NetworkSpec spec) {
        Network net = new Network(spec, DataType.FLOAT, 1);
        int n = GRID * GRID;
        double[] grid = new double[2 * n];
        for (int j = 0, i = 0; j < GRID; j++) {
            for (int k = 0; k < GRID; k++, i++) {
                grid[2 * i] = 100.0 * k / (GRID - 1);
                grid[2 * i + 1] = 100.0 * j / (GRID - 1);
            }
        }
        net.logits(grid, n);
        int reps = quick ? 2 : 5;
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            net.logits(grid, n);
        }
        return reps * (double) n / ((System.nanoTime() - t0) * 1e-9);
    }

    /** The products the app makes: through {@link NativeArrays#gemm}, as the engine calls them. */
    private double gemmGflops(DataType type) {
        int s = 2048;
        INDArray a = Nd4j.rand(type, s, s);
        INDArray b = Nd4j.rand(type, s, s);
        INDArray c = Nd4j.create(type, s, s);
        NativeArrays.gemm(a, b, c, false, false);
        int reps = quick ? 2 : 5;
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            NativeArrays.gemm(a, b, c, false, false);
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        return reps * 2.0 * s * s * s / secs * 1e-9;
    }

    /** GB/s moved (read + write) copying a 256 MB array into another. */
    private double memoryBandwidth() {
        long n = 64L << 20;
        INDArray src = Nd4j.rand(DataType.FLOAT, n);
        INDArray dst = Nd4j.create(DataType.FLOAT, n);
        dst.assign(src);
        int reps = quick ? 3 : 10;
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            dst.assign(src);
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        return reps * 2.0 * n * 4 / secs * 1e-9;
    }
}
