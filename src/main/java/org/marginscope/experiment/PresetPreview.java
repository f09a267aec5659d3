package org.marginscope.experiment;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.marginscope.render.PresetThumbnail;
import org.marginscope.train.Snapshot;
import org.marginscope.train.Timeline;
import org.marginscope.train.TrainingEngine;

/**
 * What the gallery shows of a preset besides its text: a thumbnail of its network after a short headless run, and
 * how fast it trains on this machine, from which the whole run's duration is estimated.
 *
 * <p>A run's time is its steps plus its snapshots (each runs the preset's probes: an SVM fit for Li's presets costs
 * far more than a step), and the timeline takes a snapshot at every one of the first 128 steps but only 64 per
 * doubling after, so the first few hundred steps alone would overestimate a long run many times. Hence two paces,
 * timed on a timeline that snapshots once per doubling: {@code secondsPerStep}, the median plain step, and
 * {@code secondsPerSnapshot}, what a step with a snapshot costs beyond that. An estimate: an SVM fit's cost changes
 * as the points move, and Li's SVM probe skips some later snapshots.
 *
 * @param stepsTrained the steps trained before the thumbnail was painted
 */
public record PresetPreview(BufferedImage thumbnail, double secondsPerStep, double secondsPerSnapshot,
                            long stepsTrained) {
    public static final int WIDTH = 320, HEIGHT = 240;
    /** Steps untimed first (the JIT and the buffers warm up), then steps timed; each part also stops at a time limit. */
    static final int WARMUP_STEPS = 20, TIMED_STEPS = 300;
    static final long WARMUP_NANOS = 600_000_000L, TIMED_NANOS = 1_500_000_000L;
    /** The least warm-up of {@link #pace}, however fast the steps. */
    static final long MIN_WARM_NANOS = 500_000_000L;

    /** The preset's whole run (its default steps; an early stop can end it sooner), in seconds on this machine. */
    public double expectedSeconds(Preset p) {
        return expectedSeconds(p.steps());
    }

    /** How many snapshots a run of this many steps takes on the app's and {@code run}'s timeline. */
    static long snapshotsUpTo(long steps) {
        Timeline t = new Timeline();
        long count = 0;
        for (long s = 0; s <= steps; s++) { // one step at a time below 128, then one octave's stride at a time
            if (t.wants(s)) {
                count++;
            }
            if (s >= 2L * Timeline.DEFAULT_PER_OCTAVE) {
                long stride = Long.highestOneBit(s) / Timeline.DEFAULT_PER_OCTAVE;
                s += stride - 1 - s % stride;
            }
        }
        return count;
    }

    /** A run of this many steps (an early stop can end it sooner), in seconds on this machine. */
    public double expectedSeconds(long steps) {
        return steps * secondsPerStep + snapshotsUpTo(steps) * secondsPerSnapshot;
    }

    /**
     * Only the two paces, no thumbnail: what the app measures before a long run. Up to 10 s: the first steps
     * of a wide net run before the JIT has compiled its kernels, many times slower than later ones.
     */
    public static PresetPreview pace(Preset p) {
        ExperimentRun run = new ExperimentRun(p, null, null, SeedVariation.BOTH,
                new Timeline(Timeline.DEFAULT_MAX_COUNT, Timeline.DEFAULT_MAX_BYTES, 1));
        return paceOf(run.engine(), p.steps());
    }

    /**
     * The two paces of a run's own first steps: trains the engine (up to step {@code upTo}) while timing it, and
     * leaves it where it got to, so {@code run} goes on from there instead of paying for a separate measuring run.
     * On the usual timeline most of the first steps keep a snapshot; past step 128 every second one at most does,
     * so both paces are measured.
     */
    public static PresetPreview paceOf(TrainingEngine engine, long upTo) {
        long warm = System.nanoTime();
        train(engine, Math.min(upTo, engine.stepCount() + 2 * WARMUP_STEPS), 5 * WARMUP_NANOS);
        // tiny nets' first few hundred steps are interpreted code, 3-4x slower than the run's: warm them by time
        long left = MIN_WARM_NANOS - (System.nanoTime() - warm);
        List<Step> warmed = left > 0 ? train(engine, Math.max(engine.stepCount(), upTo / 3), left) : List.of();
        long from = engine.stepCount();
        List<Step> timed = train(engine, Math.min(upTo, from + TIMED_STEPS), 3 * TIMED_NANOS);
        double step = median(timed, false), snapping = median(timed, true);
        if (Double.isNaN(step) && !warmed.isEmpty()) { // the stop rule ended the run while warming: its later half
            step = median(warmed.subList(warmed.size() / 2, warmed.size()), false);
        }
        if (Double.isNaN(snapping)) { // the timed steps kept no snapshot: the warmed ones'
            snapping = median(warmed, true);
        }
        return new PresetPreview(null, Double.isNaN(step) ? 0 : step,
                Double.isNaN(snapping) || Double.isNaN(step) ? 0 : Math.max(0, snapping - step), engine.stepCount());
    }

    /** Trains the preset briefly, timing it, and paints its network then (call off the FX thread; seconds at most). */
    public static PresetPreview measure(Preset p, PresetThumbnail painter) {
        // a timeline that snapshots at powers of two: mostly plain steps, a few with a snapshot (and its probes)
        ExperimentRun run = new ExperimentRun(p, null, null, SeedVariation.BOTH,
                new Timeline(Timeline.DEFAULT_MAX_COUNT, Timeline.DEFAULT_MAX_BYTES, 1));
        TrainingEngine engine = run.engine();
        train(engine, Math.min(p.steps(), WARMUP_STEPS), WARMUP_NANOS);
        List<Step> timed = train(engine, Math.min(p.steps(), WARMUP_STEPS + TIMED_STEPS), TIMED_NANOS);
        Snapshot shown = engine.recordCurrent();
        BufferedImage img = painter.paint(run.dataset(), shown.spec(), shown.parameters(), shown.decisionOffset(),
                shown.step(), WIDTH, HEIGHT);
        double step = median(timed, false);
        if (Double.isNaN(step)) { // a run of a step or none: nothing worth estimating
            return new PresetPreview(img, 0, 0, shown.step());
        }
        double snapping = median(timed, true);
        return new PresetPreview(img, step, Double.isNaN(snapping) ? 0 : Math.max(0, snapping - step), shown.step());
    }

    private record Step(double seconds, boolean snapshot) {
    }

    /** Steps the engine up to a step count or a time limit, whichever comes first, or until it stops. */
    private static List<Step> train(TrainingEngine engine, long upTo, long nanos) {
        List<Step> steps = new ArrayList<>();
        long start = System.nanoTime();
        boolean going = true;
        while (going && engine.stepCount() < upTo && System.nanoTime() - start < nanos) {
            int kept = engine.timeline().size();
            long t0 = System.nanoTime();
            going = engine.step();
            if (going) {
                steps.add(new Step((System.nanoTime() - t0) / 1e9, engine.timeline().size() != kept));
            }
        }
        return steps;
    }

    /** The median seconds of the steps with (or without) a snapshot: it ignores the odd slow step (a GC, another process). */
    private static double median(List<Step> steps, boolean snapshot) {
        double[] a = steps.stream().filter(s -> s.snapshot() == snapshot).mapToDouble(Step::seconds).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
