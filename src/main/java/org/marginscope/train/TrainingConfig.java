package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.marginscope.model.Loss;
import org.marginscope.model.LossKind;

/**
 * Everything about how a network is trained. Serialises to JSON as part of presets.
 *
 * @param batchSize 0 for full-batch; otherwise mini-batches drawn without replacement per epoch
 * @param meanLoss  true: the loss is the mean over samples (van den Berg's Eq 4); false: the sum
 * @param layers    per-layer settings; missing entries mean {@link LayerTraining#DEFAULT}
 */
public record TrainingConfig(
        LossKind loss,
        boolean meanLoss,
        OptimiserKind optimiser,
        double learningRate,
        int batchSize,
        double momentum,
        double beta1,
        double beta2,
        double epsilon,
        Dtype dtype,
        long seed,
        List<LayerTraining> layers) {

    public TrainingConfig {
        loss = loss == null ? LossKind.CROSS_ENTROPY : loss;
        optimiser = optimiser == null ? OptimiserKind.GD : optimiser;
        dtype = dtype == null ? Dtype.FLOAT32 : dtype;
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1)");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon must be a finite number > 0, got " + epsilon);
        }
    }

    @JsonCreator
    public static TrainingConfig fromJson(@JsonProperty("loss") LossKind loss,
                                          @JsonProperty("meanLoss") Boolean meanLoss,
                                          @JsonProperty("optimiser") OptimiserKind optimiser,
                                          @JsonProperty("learningRate") Double learningRate,
                                          @JsonProperty("batchSize") Integer batchSize,
                                          @JsonProperty("momentum") Double momentum,
                                          @JsonProperty("beta1") Double beta1,
                                          @JsonProperty("beta2") Double beta2,
                                          @JsonProperty("epsilon") Double epsilon,
                                          @JsonProperty("dtype") Dtype dtype,
                                          @JsonProperty("seed") Long seed,
                                          @JsonProperty("layers") List<LayerTraining> layers) {
        return new TrainingConfig(loss, meanLoss == null || meanLoss, optimiser,
                learningRate == null ? 0.1 : learningRate, batchSize == null ? 0 : batchSize,
                momentum == null ? 0.9 : momentum, beta1 == null ? 0.9 : beta1, beta2 == null ? 0.999 : beta2,
                epsilon == null ? 1e-8 : epsilon, dtype, seed == null ? 1 : seed, layers);
    }

    /** Full-batch GD with cross-entropy, mean loss, float32. */
    public static TrainingConfig gd(double learningRate) {
        return new TrainingConfig(LossKind.CROSS_ENTROPY, true, OptimiserKind.GD, learningRate, 0, 0.9, 0.9, 0.999,
                1e-8, Dtype.FLOAT32, 1, List.of());
    }

    public LayerTraining layer(int k) {
        return k < layers.size() ? layers.get(k) : LayerTraining.DEFAULT;
    }

    public Loss lossFunction() {
        return new Loss(loss, meanLoss);
    }

    public TrainingConfig withLoss(LossKind l) {
        return new TrainingConfig(l, meanLoss, optimiser, learningRate, batchSize, momentum, beta1, beta2, epsilon,
                dtype, seed, layers);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(loss, meanLoss, optimiser, lr, batchSize, momentum, beta1, beta2, epsilon, dtype,
                seed, layers);
    }

    public TrainingConfig withOptimiser(OptimiserKind o, int batch) {
        return new TrainingConfig(loss, meanLoss, o, learningRate, batch, momentum, beta1, beta2, epsilon, dtype,
                seed, layers);
    }

    public TrainingConfig withDtype(Dtype d) {
        return new TrainingConfig(loss, meanLoss, optimiser, learningRate, batchSize, momentum, beta1, beta2, epsilon,
                d, seed, layers);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(loss, meanLoss, optimiser, learningRate, batchSize, momentum, beta1, beta2, epsilon,
                dtype, s, layers);
    }

    public TrainingConfig withMeanLoss(boolean m) {
        return new TrainingConfig(loss, m, optimiser, learningRate, batchSize, momentum, beta1, beta2, epsilon,
                dtype, seed, layers);
    }

    /** A copy with layer k's settings replaced (earlier missing layers filled with defaults). */
    /** Every layer below the last frozen, the last one trained (Li's Fig 3 retraining; Nar's differential last layer). */
    public TrainingConfig trainingOnlyLast(int layers) {
        TrainingConfig c = this;
        for (int k = 0; k < layers; k++) {
            LayerTraining lt = c.layer(k);
            c = c.withLayer(k, new LayerTraining(lt.l2(), lt.maxRowNorm(), k < layers - 1));
        }
        return c;
    }

    public TrainingConfig withLayer(int k, LayerTraining t) {
        List<LayerTraining> l = new ArrayList<>(layers);
        while (l.size() <= k) {
            l.add(LayerTraining.DEFAULT);
        }
        l.set(k, t);
        return new TrainingConfig(loss, meanLoss, optimiser, learningRate, batchSize, momentum, beta1, beta2, epsilon,
                dtype, seed, l);
    }
}
