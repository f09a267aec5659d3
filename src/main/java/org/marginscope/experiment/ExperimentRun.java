package org.marginscope.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marginscope.analysis.LastLayerAlignment;
import org.marginscope.experiment.probes.ClusterTrend;
import org.marginscope.experiment.probes.LinearRegionsProbe;
import org.marginscope.experiment.probes.ProbePolicy;
import org.marginscope.experiment.probes.SvmAlignmentProbe;
import org.marginscope.experiment.probes.VandenBergProbes;
import org.marginscope.analysis.MisclassifiedArea;
import org.marginscope.analysis.MisclassifiedAreaTracker;
import org.marginscope.data.Dataset;
import org.marginscope.data.GroundTruth;
import org.marginscope.model.BackendInfo;
import org.marginscope.model.Network;
import org.marginscope.train.Snapshot;
import org.marginscope.train.TrainingConfig;
import org.marginscope.train.TrainingEngine;

/** Runs a preset headless: build the data and network, train, measure, report. */
public final class ExperimentRun {
    public static final String MISCLASSIFIED_AREA = VandenBergProbes.MISCLASSIFIED_AREA;
    public static final String STEPS_TO_ZERO_AREA = "steps_to_zero_misclassified_area";
    /** Preset metric: Li et al.'s comparison of the last layer with the SVM on the transformed data. */
    public static final String SVM = SvmAlignmentProbe.PRESET_METRIC;

    public interface Progress {
        void update(long step, long total, double loss);
    }

    private final Preset preset;
    private final long steps;
    private final TrainingEngine engine;
    private final Dataset data;
    private MisclassifiedArea area;
    private MisclassifiedAreaTracker areaTracker;
    private Long stepsToZero;
    private boolean stopRequested;
    private String stopReason;
    private volatile boolean cancelled;

    /** A seed override here varies both the data and the training (see {@link SeedVariation#BOTH}). */
    public ExperimentRun(Preset preset, Long stepsOverride, Long seedOverride) {
        this(preset, stepsOverride, seedOverride, SeedVariation.BOTH);
    }

    /**
     * @param seedOverride null for the preset's own seeds
     * @param vary         which of the preset's seeds the override replaces: the training seed, the
     *                     dataset recipe's seed, or both
     */
    public ExperimentRun(Preset preset, Long stepsOverride, Long seedOverride, SeedVariation vary) {
        this(preset, stepsOverride, seedOverride, vary, new org.marginscope.train.Timeline());
    }

    /** As above, keeping snapshots on the given timeline (the gallery times steps with a sparse one). */
    ExperimentRun(Preset preset, Long stepsOverride, Long seedOverride, SeedVariation vary,
                  org.marginscope.train.Timeline timeline) {
        this.preset = preset;
        this.steps = stepsOverride != null ? stepsOverride : preset.steps();
        boolean newTraining = seedOverride != null && vary.variesTraining();
        boolean newData = seedOverride != null && vary.variesData();
        TrainingConfig cfg = newTraining ? preset.training().withSeed(seedOverride) : preset.training();
        DatasetRecipe recipe = newData ? preset.dataset().withSeed(seedOverride) : preset.dataset();
        data = recipe.build();
        engine = new TrainingEngine(data, preset.network(), cfg, timeline);
        if (!preset.allCompanions().isEmpty()) {
            engine.setCompanions(preset.allCompanions());
        }
        engine.setPerturbation(preset.perturbation());
        engine.setProbes(ProbePolicy.forPreset(preset, () -> engine.config()));
        if (stopsOn(MISCLASSIFIED_AREA)) {
            GroundTruth truth = data.groundTruth().orElseThrow(() -> new IllegalArgumentException(
                    "preset " + preset.name() + " stops on the misclassified area but its data has no ground truth"));
            area = new MisclassifiedArea(truth, preset.areaGridCells());
            areaTracker = new MisclassifiedAreaTracker(area);
        }
        if (preset.stop() != null) {
            engine.setObserver(this::checkStop);
        }
        if (preset.retrainLastLayerAt() > 0) {
            engine.retrainLastLayerAt(preset.retrainLastLayerAt(), cfg.seed() + 1);
        }
    }

    private boolean stopsOn(String metric) {
        return preset.stop() != null && preset.stop().metric().equals(metric);
    }

    private boolean checkStop(long step, double loss, double accuracy, boolean fullBatch) {
        Preset.StopRule rule = preset.stop();
        if (areaTracker != null) {
            // Every step: the area is measured on grid cell centres, so points near the interface
            // may still be misclassified when it is zero; no cheaper test decides it. The tracker
            // re-evaluates only the cells whose class the step can have changed.
            if (fullBatch && areaTracker.measure(engine.network(), engine.decisionOffsetOfLastStep()) <= rule.atMost()) {
                stepsToZero = step;
                stop(step, "misclassified area reached " + rule.atMost());
            }
        } else if ("loss".equals(rule.metric())) {
            if (fullBatch && loss <= rule.atMost()) {
                stop(step, "loss " + loss + " <= " + rule.atMost());
            }
        } else {
            throw new IllegalArgumentException("preset " + preset.name() + ": cannot stop on metric " + rule.metric());
        }
        return stopRequested;
    }

    private void stop(long step, String why) {
        if (!stopRequested) {
            stopRequested = true;
            stopReason = "step " + step + ": " + why;
        }
    }

    /**
     * Asks a running {@link #run} to end at its next step (from any thread); the run then ends as if a
     * stop rule had fired, with {@link #stopReason()} "cancelled".
     */
    public void cancel() {
        cancelled = true;
    }

    public TrainingEngine engine() {
        return engine;
    }

    public Dataset dataset() {
        return data;
    }

    /** Why the run ended early (stop rule or divergence), or null if it ran all its steps. */
    public String stopReason() {
        return stopReason;
    }

    /** Step at which the misclassified area first reached the stop value, or null. */
    public Long stepsToZeroMisclassifiedArea() {
        return stepsToZero;
    }

    /** Trains until the step budget, the stop rule or a divergence; returns the final snapshot. */
    public Snapshot run(Progress progress) {
        long lastReport = 0;
        while (engine.stepCount() < steps && !stopRequested) {
            if (cancelled) {
                stop(engine.stepCount(), "cancelled");
                break;
            }
            if (!engine.step()) {
                if (!engine.halted()) {
                    stopReason = engine.divergence();
                }
                break;
            }
            long now = System.nanoTime();
            if (progress != null && now - lastReport > 200_000_000L) {
                lastReport = now;
                progress.update(engine.stepCount(), steps, engine.lastBatchLoss());
            }
        }
        Snapshot last = engine.recordCurrent();
        if (progress != null) {
            progress.update(engine.stepCount(), steps, last.loss());
        }
        return last;
    }

    /** The final metrics under the CLI contract's keys. */
    public Map<String, Object> finalMetrics(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset.name());
        m.put("step", s.step());
        m.put("loss", s.loss());
        m.put("train_accuracy", s.trainAccuracy());
        m.put("test_accuracy", Double.isNaN(s.testAccuracy()) ? null : s.testAccuracy());
        m.put("weight_norms", s.weightNorms());
        m.put("grad_norms", s.gradientNorms());
        if (preset.metrics().contains("row_norms")) {
            List<double[]> rows = new ArrayList<>();
            for (int k = 0; k < s.parameters().layers(); k++) {
                rows.add(s.parameters().rowNorms(k));
            }
            m.put("row_norms", rows);
        }
        if (VandenBergProbes.wants(preset) && data.dim() == s.spec().inputDim() && data.size() > 0) {
            // van den Berg Fig 13(f): every first-layer unit's hyperplane to its nearest training sample
            m.put(VandenBergProbes.HYPERPLANE_DISTANCE, org.marginscope.analysis.HyperplaneDistance.perUnit(
                    s.parameters(), data, s.spec().appendConstantInput()));
        }
        m.put("norm_product", s.normProduct());
        List<Double> perClass = new ArrayList<>();
        for (String key : new TreeSet<>(s.metrics().keySet())) {
            if (key.startsWith(VandenBergProbes.HYPERPLANE_DISTANCE + "_")) {
                continue; // per unit in the snapshots; the final metric is the list above
            } else if (key.startsWith(SvmAlignmentProbe.ANGLE + "_")) {
                perClass.add(s.metric(key));
            } else if (key.equals(SvmAlignmentProbe.SEPARABLE) || key.equals(SvmAlignmentProbe.DEGENERATE)) {
                m.put(key, s.metric(key) > 0.5);
            } else if (key.equals(LinearRegionsProbe.REGIONS) || key.equals(LinearRegionsProbe.DATA_REGIONS)) {
                m.put(key, (long) s.metric(key)); // counts
            } else {
                m.put(key, s.metric(key));
            }
        }
        if (!perClass.isEmpty()) {
            m.put(SvmAlignmentProbe.ANGLE, perClass); // one per class (docs/cli.md)
        }
        ClusterTrend.of(engine.timeline().snapshots(), s.step()).forEach((key, v) -> m.put(key,
                !Double.isFinite(v) ? null : key.equals(ClusterTrend.SHARE_ZERO_STEP) ? (Object) Math.round(v) : v));
        if (s.retiredParameters() != null && preset.metrics().contains(SVM)) {
            // Li Fig 3: the last layer before retraining, against the SVM of the (frozen) transform
            Network before = new Network(s.spec(), org.nd4j.linalg.api.buffer.DataType.DOUBLE, s.retiredParameters());
            LastLayerAlignment.Result r = LastLayerAlignment.measure(before, data, s.decisionOffset());
            double[] a = r.angleDeg();
            m.put("svm_angle_deg_before_retrain", a.length == 1 ? (Object) a[0] : a);
            m.put("svm_bias_gap_before_retrain", r.biasGap());
            m.put("nn_margin_before_retrain", r.nnMargin());
            m.put("retrained_at_step", preset.retrainLastLayerAt());
        }
        List<String> stopped = new ArrayList<>();
        for (var c : s.companions()) {
            if (c.divergence() != null) {
                stopped.add(c.divergence());
            }
        }
        if (!stopped.isEmpty()) {
            m.put("companions_stopped", stopped);
        }
        if (area != null) {
            m.put(STEPS_TO_ZERO_AREA, stepsToZero);
        }
        m.put("backend", BackendInfo.kind());
        m.put("dtype", engine.config().dtype().id());
        m.put("seconds", s.seconds());
        if (stopReason != null) {
            m.put("stopped", stopReason);
        }
        if (engine.divergence() != null) {
            m.put("diverged", engine.divergence()); // the cause in words; `run` exits with 3
        }
        return m;
    }

    /** One row per kept snapshot; written atomically. */
    public void writeMetricsCsv(Path file) throws IOException {
        MetricsCsv.write(engine.timeline().snapshots(), file);
    }
}
