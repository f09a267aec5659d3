package org.marginscope.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marginscope.data.Dataset;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * Trains one network on one dataset, synchronously: the command line calls it directly and the
 * {@link Trainer} thread wraps it. Snapshot t holds the weights after t updates and the measures at
 * those weights; it is taken inside update t+1, before the weights change, so full-batch training
 * needs no extra forward pass for it. Deterministic for a given seed on one backend.
 *
 * <p>What happens around the step lives in small collaborators that work through the engine's commands:
 * {@link LastLayerSchedule} (Li et al.'s retraining, Nar et al.'s differential mode), {@link PerturbationSchedule}
 * (Poggio et al.'s noise), {@link Companions} (the networks trained beside this one) and, inside the step,
 * {@link DivergenceWatch}, {@link WeightBackup} and {@link LayerNorms}.
 */
public final class TrainingEngine {
    private final Timeline timeline;
    private final List<MetricProbe> probes = new ArrayList<>();
    private final Companions companions = new Companions();
    private boolean isCompanion;
    private final PerturbationSchedule perturbations = new PerturbationSchedule();
    private Dataset data;
    private NetworkSpec spec;
    private TrainingConfig config;
    private Network net;
    private Optimiser optimiser;
    private Loss loss;
    private long step;
    private double seconds;
    private double[] trainX;
    private int[] trainY;
    private double[] testX;
    private int[] testY;
    private SplittableRandom batchRandom;
    private int[] epochOrder;
    private int epochPos;
    private double[] batchX;
    private int[] batchY;
    private double[] lossGrad;
    private WeightBackup backup;
    private double lastBatchLoss = Double.NaN;
    private double[] lastGradNorms;
    private String divergence;
    private double suggestedLearningRate = Double.NaN;
    private final DivergenceWatch watch = new DivergenceWatch();
    /** The largest absolute coordinate of the data, training and test. */
    private double dataScale;
    private boolean liveRequested;
    private StepObserver observer;
    private double lastBatchAccuracy = Double.NaN;
    /** The classes with points: accuracy is the arg max over these (an empty class's output never predicts). */
    private boolean[] classesPresent;
    private double lastOffset;
    private Snapshot live;
    private boolean hasBackup;
    private boolean halted;
    private final LastLayerSchedule lastLayer = new LastLayerSchedule(this);

    public TrainingEngine(Dataset data, NetworkSpec spec, TrainingConfig config) {
        this(data, spec, config, new Timeline());
    }

    public TrainingEngine(Dataset data, NetworkSpec spec, TrainingConfig config, Timeline timeline) {
        checkCompatible(data, spec);
        this.timeline = timeline;
        this.spec = spec;
        this.config = config;
        this.loss = config.lossFunction();
        checkLoss(spec, config);
        checkScale(data, config.dtype());
        useData(data);
        reset(config.seed());
    }

    static void checkCompatible(Dataset data, NetworkSpec spec) {
        if (data.dim() != spec.inputDim()) {
            throw new IllegalArgumentException("the network expects " + spec.inputDim() + "-dimensional input, the data has "
                    + data.dim() + " features");
        }
        if (data.numClasses() > spec.classes()) {
            throw new IllegalArgumentException("the data has " + data.numClasses() + " classes, the network's output separates "
                    + spec.classes());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data has no training points");
        }
    }

    /**
     * Refuses data whose coordinates are too large for the dtype: beyond the square root of its largest
     * number a single gradient step (which grows as lr x^2) overflows, so training could only fail, and
     * would seem to blame the learning rate.
     */
    private static void checkScale(Dataset data, Dtype dtype) {
        double scale = DivergenceWatch.scaleOf(data.trainX(), data.testX());
        double limit = Math.sqrt(dtype == Dtype.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE);
        if (scale > limit) {
            throw new IllegalArgumentException("the data's coordinates reach " + DivergenceWatch.num(scale)
                    + ", too large to train in " + dtype.id() + " (a gradient step grows with their square, which"
                    + " passes its largest number beyond " + DivergenceWatch.num(limit) + "): rescale the data (to"
                    + " about [-1, 1])");
        }
    }

    static void checkLoss(NetworkSpec spec, TrainingConfig config) {
        if (config.loss() == LossKind.DIFFERENTIAL && spec.outputWidth() != 1) {
            throw new IllegalArgumentException("the differential loss needs a network with one output logit");
        }
    }

    /** Called in every step with the loss and accuracy of the weights before the update. */
    public void setObserver(StepObserver o) {
        observer = o;
    }

    public void addProbe(MetricProbe probe) {
        probes.add(probe);
    }

    /** Replaces every probe (a new preset brings its own: {@code experiment.probes.ProbePolicy}). */
    public void setProbes(List<MetricProbe> ps) {
        probes.clear();
        probes.addAll(ps);
    }

    // ---- state ----

    /** Number of updates made since the last reset. */
    public long stepCount() {
        return step;
    }

    public Network network() {
        return net;
    }

    public Dataset dataset() {
        return data;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public TrainingConfig config() {
        return config;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Seconds spent in training steps since the last reset. */
    public double seconds() {
        return seconds;
    }

    /**
     * Why the last step was refused, or null when training is healthy: NaN/Inf loss or weights, or what
     * {@link DivergenceWatch} noticed (a loss grown by orders of magnitude, weights beyond any training
     * reaches, a dead hidden layer), with the cause in words.
     */
    public String divergence() {
        return divergence;
    }

    /** The learning rate to try instead after a divergence, or NaN when the learning rate is not the cause. */
    public double suggestedLearningRate() {
        return divergence == null ? Double.NaN : suggestedLearningRate;
    }

    // ---- commands ----

    /** New weights from the seed (or the spec's explicit weights), step 0, an empty timeline. */
    public void reset(long seed) {
        TrainingConfig before = lastLayer.restart();
        if (before != null) {
            config = before; // a restart trains the whole network again, with its own loss
            loss = config.lossFunction();
            companions.setConfig(config);
        }
        net = new Network(spec, config.dtype().nd4j(), seed);
        optimiser = new Optimiser(config, net);
        step = 0;
        seconds = 0;
        divergence = null;
        watch.reset();
        batchRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        epochOrder = null;
        lastGradNorms = new double[net.layers()];
        backup = new WeightBackup(net);
        hasBackup = false;
        timeline.clear();
        perturbations.reset();
        companions.reset(seed, net);
    }

    /** Replaces data, architecture and training together (a preset); checks everything before changing anything. */
    public void load(Dataset d, NetworkSpec newSpec, TrainingConfig c) {
        checkCompatible(d, newSpec);
        checkLoss(newSpec, c);
        checkScale(d, c.dtype());
        useData(d);
        spec = newSpec;
        config = c;
        loss = c.lossFunction();
        lastLayer.forgetConfig();
        companions.clear(); // a preset brings its own
        reset(c.seed());
    }

    /** Replaces the architecture; the model restarts from the config's seed. */
    public void setSpec(NetworkSpec newSpec) {
        checkCompatible(data, newSpec);
        checkLoss(newSpec, config);
        spec = newSpec;
        companions.rebuild(data, spec, config);
        reset(config.seed());
    }

    /** Replaces the data between steps; weights and step count stay when the shapes still fit. */
    public void setDataset(Dataset d) {
        checkCompatible(d, spec);
        checkScale(d, config.dtype());
        companions.checkData(d);
        useData(d);
        watch.reset(); // other data, another loss: the run is judged afresh
        companions.setDataset(d);
    }

    /** Replaces hyper-parameters between steps; weights stay, optimiser state restarts if the optimiser changes. */
    public void setConfig(TrainingConfig c) {
        checkLoss(spec, c);
        checkScale(data, c.dtype());
        companions.checkConfig(c);
        companions.setConfig(c);
        boolean dtypeChanged = c.dtype() != config.dtype();
        boolean optimiserChanged = c.optimiser() != config.optimiser();
        config = c;
        loss = c.lossFunction();
        if (dtypeChanged) {
            net = new Network(spec, c.dtype().nd4j(), net.parameters());
        }
        Optimiser fresh = new Optimiser(c, net);
        optimiser = optimiserChanged || dtypeChanged ? fresh : optimiser.withConfig(c);
        epochOrder = null;
    }

    /** Replaces the weights (e.g. a snapshot to continue from) and sets the step counter. */
    public void restore(Parameters p, long atStep) {
        net.setParameters(p);
        optimiser = new Optimiser(config, net);
        step = atStep;
        divergence = null;
        watch.reset();
        hasBackup = false;
        // mini-batch order depends on the seed and the step only, so a fork is reproducible
        batchRandom = new SplittableRandom((config.seed() ^ 0x5DEECE66DL) + 31 * atStep);
        epochOrder = null;
        timeline.truncateAfter(atStep);
        perturbations.restoredTo(atStep);
    }

    // ---- schedules: Poggio et al. Fig 5's noise, Li et al.'s and Nar et al.'s last layer ----

    /** Poggio et al. Fig 5's noise schedule (null: none); takes effect from the next step. */
    public void setPerturbation(Perturbation p) {
        perturbations.set(p);
    }

    public Perturbation perturbation() {
        return perturbations.perturbation();
    }

    /** How many times the schedule has added noise since the reset. */
    public int perturbations() {
        return perturbations.count();
    }

    private void perturbIfDue() {
        if (!perturbations.due(step)) {
            return;
        }
        perturb(perturbations.perturbation().factor(), config.seed() * 31 + step);
        perturbations.done(step);
        watch.reset(); // the noise raises the loss on purpose
        hasBackup = false; // the noise is part of the run, not a step to undo
    }

    /**
     * Adds Gaussian noise with std = f x (std of the layer's weights) to every weight of every layer
     * the architecture lets train (Poggio et al. Fig 5).
     */
    public void perturb(double f, long seed) {
        PerturbationSchedule.addNoise(net, spec, f, seed);
    }

    /**
     * Li et al. Fig 3 as a schedule: when the step count reaches {@code atStep} (again after a reset),
     * the state is recorded on the timeline and {@link #reinitialiseLastLayerAndFreezeRest} runs, counted
     * as step atStep + 1.
     * A negative step cancels it.
     */
    public void retrainLastLayerAt(long atStep, long seed) {
        lastLayer.retrainAt(atStep, seed);
    }

    /** The whole parameters as they were when the last layer was re-initialised (null if it was not). */
    public Parameters retiredParameters() {
        return lastLayer.retired();
    }

    /**
     * Nar et al. Thm 5 for a network: from now on only the last layer trains, by differential training
     * on the transformed features (the layers below frozen), its bias then set by Eq 8. The current
     * weights are kept as the "retired" network, so the transformed view compares the last layer before
     * (cross-entropy's, say) with the one differential training turns it into. A reset undoes it.
     */
    public void differentialLastLayerAndFreezeRest() {
        lastLayer.differentialAndFreezeRest();
    }

    /** Li et al. Fig 3: new random last layer (bias 0), every other layer frozen. A reset undoes it. */
    public void reinitialiseLastLayerAndFreezeRest(long seed) {
        lastLayer.reinitialiseAndFreezeRest(seed);
    }

    /** Optimiser state from scratch, and the run judged afresh (the weights or what trains changed on purpose). */
    void restartOptimiser() {
        optimiser = new Optimiser(config, net);
        watch.reset();
    }

    // ---- companions ----

    /**
     * Trains these networks beside the main one, one step of each per step of the main one, and keeps
     * their weights in every snapshot. The whole run restarts from step 0 with the current seed, so
     * the companions and the main network share one time axis.
     */
    public void setCompanions(List<Companion> list) {
        companions.replace(list, data, spec, config);
        reset(config.seed());
    }

    /** The companions' current weights (what the next snapshot would hold). */
    public List<CompanionState> companionStates() {
        return companions.states();
    }

    /** Puts the companions back to the weights a snapshot kept (matched by position; a fork continues from them). */
    public void restoreCompanions(List<CompanionState> states, long atStep) {
        companions.restore(states, atStep);
    }

    /** Off for the test that holds the batched path to the one-by-one path. */
    static volatile boolean batchEnsembles = true;

    /** Whether the next step trains the companions as one batched computation. */
    boolean companionsBatched() {
        return companions.batched();
    }

    /** A companion records nothing on a timeline of its own: its states travel in the main run's snapshots. */
    void recordNoTimeline() {
        isCompanion = true;
    }

    // ---- what BatchedEnsemble asks of each copy's engine ----

    /** Plain full-batch GD with nothing scheduled around the step (no perturbation, retraining or observer). */
    boolean stepsAsPlainFullBatchGd() {
        return isFullBatch() && config.optimiser() == OptimiserKind.GD && config.loss() != LossKind.DIFFERENTIAL
                && perturbations.perturbation() == null && !lastLayer.scheduled() && observer == null;
    }

    /**
     * This copy's loss and its gradient for its logits on the training set; null, or why the step is
     * refused (a non-finite loss: the weights go back one step, as the copy's own step would do).
     */
    String readOutLoss(double[] logits, double[] grad) {
        double value = loss.evaluate(logits, trainY.length, 1, trainY, grad);
        if (!Double.isFinite(value)) {
            diverged("the loss became " + value + " at step " + step, true);
            return divergence;
        }
        lastBatchLoss = value;
        return null;
    }

    /**
     * Applies an update to the live weights as one step of this engine (backup, step count); null, or why
     * it was refused (weights that overflowed go back to the backup).
     */
    String commitUpdate(java.util.function.Consumer<Network> update) {
        backup.save(net);
        update.accept(net);
        net.syncWeights();
        if (!LayerNorms.finite(net)) {
            backup.restoreInto(net);
            diverged("the weights overflowed in the update after step " + step, false);
            return divergence;
        }
        hasBackup = true;
        step++;
        divergence = null;
        return null;
    }

    // ---- training ----

    /** Runs up to n steps; stops early (returning false) when a step diverges. */
    public boolean run(long n) {
        for (long i = 0; i < n; i++) {
            if (!step()) {
                return false;
            }
        }
        return true;
    }

    /**
     * One optimiser step. Returns false, leaving the weights as they were and setting
     * {@link #divergence()}, when the loss, the gradient or the updated weights are not finite.
     */
    public boolean step() {
        halted = false;
        if (lastLayer.dueAt(step)) {
            // the re-initialisation takes a step number of its own, so the timeline keeps the state
            // before it at the scheduled step and the fresh layer at the next
            recordCurrent();
            lastLayer.retrainNow();
            step++;
        }
        perturbIfDue();
        long t0 = System.nanoTime();
        boolean full = isFullBatch();
        int n;
        double[] x;
        int[] y;
        if (full) {
            n = trainY.length;
            x = trainX;
            y = trainY;
        } else {
            n = nextBatch();
            x = batchX;
            y = batchY;
        }
        int k = net.outputWidth();
        double[] logits = net.forward(x, n, full);
        if (lossGrad == null || lossGrad.length != n * k) {
            lossGrad = new double[n * k];
        }
        double value = loss.evaluate(logits, n, k, y, lossGrad);
        if (!Double.isFinite(value)) {
            return diverged("the loss became " + value + " at step " + step, true);
        }
        String grew = watch.lossGrew(step, value, full);
        if (grew != null) {
            return diverged(grew, false);
        }
        lastOffset = full && config.loss() == LossKind.DIFFERENTIAL ? Loss.differentialBias(logits, n, y) : 0;
        lastBatchAccuracy = accuracy(logits, y, k, lastOffset);
        if (full && lastBatchAccuracy == 1.0) {
            perturbations.zeroError(step);
        }
        if (observer != null && observer.observe(step, value, lastBatchAccuracy, full)) {
            halted = true;
            return false;
        }
        boolean[] trainable = trainable();
        net.backward(lossGrad, trainable);
        double[] gradNorms = LayerNorms.gradients(net, trainable);
        for (double g : gradNorms) {
            if (!Double.isFinite(g)) {
                return diverged("the gradient became non-finite at step " + step, true);
            }
        }
        String dead = watch.deadLayer(net, spec, trainX, trainY.length, gradNorms, trainable, step);
        if (dead != null) {
            return diverged(dead, false);
        }
        lastBatchLoss = value;
        lastGradNorms = gradNorms;
        seconds += (System.nanoTime() - t0) * 1e-9;
        boolean keep = !isCompanion && timeline.wants(step);
        if (keep || liveRequested) {
            Snapshot s = full ? snapshotFrom(value, logits, gradNorms, false) : evaluate(false);
            if (keep) {
                timeline.add(s);
            }
            if (liveRequested) {
                live = s;
                liveRequested = false;
            }
        }
        long t1 = System.nanoTime();
        if (!watch.hasStartNorms()) {
            watch.startNorms(LayerNorms.weights(net));
        }
        backup.save(net);
        optimiser.step(net, trainable);
        double[] norms = LayerNorms.weights(net);
        String heavy = null;
        if (!Parameters.finite(norms) && !LayerNorms.finite(net)) {
            heavy = "the weights overflowed in the update after step " + step;
        } else {
            heavy = watch.weightsTooLarge(step, norms);
        }
        if (heavy != null) {
            backup.restoreInto(net);
            return diverged(heavy, false);
        }
        hasBackup = true;
        step++;
        divergence = null;
        companions.step(trainX, trainY);
        seconds += (System.nanoTime() - t1) * 1e-9;
        return true;
    }

    /**
     * Refuses the step. When the current weights themselves are bad (their loss or gradient is not
     * finite) they go back to those of the previous step, which were good, and so does the step
     * counter; optimiser state restarts, as it has seen the bad gradient.
     */
    private boolean diverged(String what, boolean currentWeightsBad) {
        String why = what + ": " + DivergenceWatch.advice(config.learningRate(), dataScale);
        suggestedLearningRate = DivergenceWatch.suggestedLearningRate(config.learningRate(), dataScale);
        divergence = why;
        if (currentWeightsBad && rollBackOneStep()) {
            divergence = why + "; the model is back at step " + step;
        }
        return false;
    }

    /**
     * Undoes the last update (the weights go back to the backup taken before it) and with it the
     * companions' step of that update, so they stay on the main network's step.
     */
    boolean rollBackOneStep() {
        if (!hasBackup || step == 0) {
            return false;
        }
        backup.restoreInto(net);
        step--;
        hasBackup = false;
        timeline.truncateAfter(step);
        optimiser = new Optimiser(config, net);
        companions.rollBackOneStep();
        return true;
    }

    /** Whether the last step was refused because the step observer asked to stop there. */
    public boolean halted() {
        return halted;
    }

    /** A full evaluation of the current weights (train and test accuracy, probes), added to nothing. */
    public Snapshot evaluate() {
        return evaluate(false);
    }

    private Snapshot evaluate(boolean recorded) {
        int n = trainY.length, k = net.outputWidth();
        double[] logits;
        double[] gradNorms = lastGradNorms;
        double value;
        if (isFullBatch()) {
            logits = net.forward(trainX, n, true);
            double[] grad = new double[n * k];
            value = loss.evaluate(logits, n, k, trainY, grad);
            boolean[] trainable = trainable();
            if (Double.isFinite(value)) {
                net.backward(grad, trainable);
                gradNorms = LayerNorms.gradients(net, trainable);
            }
        } else {
            logits = net.logits(trainX, n);
            value = loss.evaluate(logits, n, k, trainY, null);
        }
        return snapshotFrom(value, logits, gradNorms, recorded);
    }

    /** Evaluates the current weights and puts the result on the timeline (e.g. when a run pauses or ends). */
    public Snapshot recordCurrent() {
        Snapshot s = evaluate(true);
        if (Double.isFinite(s.loss())) {
            timeline.add(s);
        }
        return s;
    }

    private Snapshot snapshotFrom(double lossValue, double[] trainLogits, double[] gradNorms, boolean recorded) {
        int k = net.outputWidth();
        double offset = offsetOf(trainLogits);
        double trainAcc = accuracy(trainLogits, trainY, k, offset);
        double testAcc = Double.NaN, testLoss = Double.NaN;
        if (testY.length > 0) {
            double[] testLogits = net.logits(testX, testY.length);
            testAcc = accuracy(testLogits, testY, k, offset);
            if (config.loss() != LossKind.DIFFERENTIAL) { // a pairwise loss has no per-point test value
                testLoss = loss.evaluate(testLogits, testY.length, k, testY, null);
            }
        }
        Parameters p = net.parameters();
        double[] norms = new double[net.layers()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = p.weightNorm(l);
        }
        Map<String, Double> metrics = new HashMap<>();
        if (Double.isFinite(testLoss)) {
            metrics.put("test_loss", testLoss); // Poggio Fig 5: the test loss grows while the training loss returns
        }
        if (perturbations.perturbation() != null) {
            metrics.put("perturbations", (double) perturbations.count());
        }
        List<CompanionState> others = companionStates();
        MetricProbe.Moment moment = new MetricProbe.Moment(step, net, data, offset, others, recorded);
        for (MetricProbe probe : probes) {
            probe.measure(moment, metrics);
        }
        return new Snapshot(step, spec, p, lossValue, trainAcc, testAcc, norms, gradNorms, offset, seconds, metrics,
                lastLayer.retired(), others);
    }

    /** Nar's Eq 8 bias of the current weights for the differential loss, else 0. */
    double decisionOffset() {
        return config.loss() == LossKind.DIFFERENTIAL ? offsetOf(net.logits(trainX, trainY.length)) : 0;
    }

    /** The decision offset of these training-set logits: Nar's Eq 8 bias for the differential loss, else 0. */
    private double offsetOf(double[] trainLogits) {
        return config.loss() == LossKind.DIFFERENTIAL ? Loss.differentialBias(trainLogits, trainY.length, trainY) : 0;
    }

    private double accuracy(double[] logits, int[] y, int k, double offset) {
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (Loss.predict(logits, i, k, offset, classesPresent) == y[i]) {
                correct++;
            }
        }
        return y.length == 0 ? Double.NaN : (double) correct / y.length;
    }

    /** Asks the next step to keep its snapshot for {@link #takeLive()} (a cheap way to follow a running net). */
    public void requestLive() {
        liveRequested = true;
    }

    /** The snapshot kept on request since the last call, or null. */
    public Snapshot takeLive() {
        Snapshot s = live;
        live = null;
        return s;
    }

    /** The decision offset (Nar's Eq 8 bias for the differential loss, else 0) of the last full-batch step. */
    public double decisionOffsetOfLastStep() {
        return lastOffset;
    }

    /** Accuracy on the last batch, of the weights before the latest update. */
    public double lastBatchAccuracy() {
        return lastBatchAccuracy;
    }

    /** The last mini-batch (or full-batch) loss, before the latest update. */
    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    public boolean[] trainable() {
        boolean[] t = new boolean[net.layers()];
        for (int k = 0; k < t.length; k++) {
            t[k] = spec.layers().get(k).trainable() && !config.layer(k).frozen();
        }
        return t;
    }

    private boolean isFullBatch() {
        return config.batchSize() == 0 || config.batchSize() >= trainY.length;
    }

    /** Fills the batch arrays with the next points of the epoch's permutation (without replacement). */
    private int nextBatch() {
        int n = trainY.length, b = config.batchSize(), d = data.dim();
        if (epochOrder == null || epochPos >= n) {
            epochOrder = Dataset.permutation(n, batchRandom.nextLong());
            epochPos = 0;
        }
        int m = Math.min(b, n - epochPos);
        if (batchX == null || batchY.length != m) {
            batchX = new double[m * d];
            batchY = new int[m];
        }
        for (int i = 0; i < m; i++) {
            int src = epochOrder[epochPos + i];
            System.arraycopy(trainX, src * d, batchX, i * d, d);
            batchY[i] = trainY[src];
        }
        epochPos += m;
        return m;
    }

    private void useData(Dataset d) {
        data = d;
        classesPresent = new boolean[d.numClasses()];
        for (int c : d.presentClasses()) {
            classesPresent[c] = true;
        }
        trainX = d.trainX();
        trainY = d.trainY();
        testX = d.testX();
        testY = d.testY();
        dataScale = DivergenceWatch.scaleOf(trainX, testX);
        epochOrder = null;
    }
}
