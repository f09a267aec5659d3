package org.marginscope.train;

import java.util.ArrayList;
import java.util.List;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;
import org.marginscope.model.NetworkSpec;

/**
 * The networks a run trains beside its main one (Poggio et al.'s seed copies, Nar et al.'s other loss,
 * Sarussi et al. Fig 5's other architecture), each with an engine of its own that records no timeline:
 * one step of each per step of the main network, reset, forked, re-configured and rolled back with it.
 * It works through the companion engines' own commands; the main engine hands it what it needs (its data,
 * spec, config and network) as arguments. Seed copies of one read-out step as one {@link BatchedEnsemble}.
 */
final class Companions {
    private final List<Run> runs = new ArrayList<>();
    private BatchedEnsemble ensemble;

    /** One companion network and its own engine (optimiser state, batch order, divergence guard). */
    private static final class Run {
        final Companion spec;
        final TrainingEngine engine;
        /** Why its training stopped, or null while it trains. */
        String stopped;

        Run(Companion spec, TrainingEngine engine) {
            this.spec = spec;
            this.engine = engine;
        }
    }

    /** Replaces every companion; builds them all before changing anything (a bad one throws). */
    void replace(List<Companion> list, Dataset d, NetworkSpec mainSpec, TrainingConfig main) {
        List<Run> built = new ArrayList<>();
        for (Companion c : list) {
            built.add(new Run(c, build(c, d, mainSpec, main)));
        }
        runs.clear();
        runs.addAll(built);
    }

    void clear() {
        runs.clear();
    }

    /** New engines for the main network's new architecture; one with an architecture of its own that no longer fits the data is dropped. */
    void rebuild(Dataset d, NetworkSpec mainSpec, TrainingConfig main) {
        List<Run> kept = new ArrayList<>();
        for (Run r : runs) {
            try {
                kept.add(new Run(r.spec, build(r.spec, d, mainSpec, main)));
            } catch (IllegalArgumentException e) {
                // dropped
            }
        }
        runs.clear();
        runs.addAll(kept);
    }

    private static TrainingEngine build(Companion c, Dataset d, NetworkSpec mainSpec, TrainingConfig main) {
        NetworkSpec s = c.network() != null ? c.network() : mainSpec;
        TrainingEngine e = new TrainingEngine(d, s, configOf(c, main), new Timeline(2, 1, 1));
        e.recordNoTimeline();
        return e;
    }

    private static TrainingConfig configOf(Companion c, TrainingConfig main) {
        TrainingConfig cc = main.withSeed(main.seed() + c.seedOffset());
        return c.loss() != null ? cc.withLoss(c.loss()) : cc;
    }

    /** A new run from step 0: each companion from the seed plus its offset, sharing the main network's fixed layers. */
    void reset(long seed, Network main) {
        for (Run r : runs) {
            r.engine.reset(seed + r.spec.seedOffset());
            shareFixedLayers(r.engine, main);
            r.stopped = null;
        }
    }

    /** Copies the layers the architecture fixes from {@code main} where the shapes agree. */
    private static void shareFixedLayers(TrainingEngine companion, Network main) {
        Network net = companion.network();
        boolean changed = false;
        for (int k = 0; k < Math.min(net.layers(), main.layers()); k++) {
            if (companion.spec().layers().get(k).trainable() || net.liveWeights(k).length != main.liveWeights(k).length) {
                continue;
            }
            System.arraycopy(main.liveWeights(k), 0, net.liveWeights(k), 0, net.liveWeights(k).length);
            if (net.liveBiases(k) != null && main.liveBiases(k) != null
                    && net.liveBiases(k).length == main.liveBiases(k).length) {
                System.arraycopy(main.liveBiases(k), 0, net.liveBiases(k), 0, net.liveBiases(k).length);
            }
            changed = true;
        }
        if (changed) {
            net.syncWeights();
        }
    }

    /** Throws, changing nothing, unless every companion can train on these data. */
    void checkData(Dataset d) {
        for (Run r : runs) {
            TrainingEngine.checkCompatible(d, r.engine.spec());
        }
    }

    void setDataset(Dataset d) {
        for (Run r : runs) {
            r.engine.setDataset(d);
        }
    }

    /** Throws, changing nothing, unless every companion can train with its version of this config. */
    void checkConfig(TrainingConfig main) {
        for (Run r : runs) {
            TrainingEngine.checkLoss(r.engine.spec(), configOf(r.spec, main));
        }
    }

    /** Gives every companion its version of the main run's config (its own seed, its own loss). */
    void setConfig(TrainingConfig main) {
        for (Run r : runs) {
            r.engine.setConfig(configOf(r.spec, main));
        }
    }

    /** The companions' current weights (what the next snapshot would hold). */
    List<CompanionState> states() {
        List<CompanionState> out = new ArrayList<>();
        for (Run r : runs) {
            TrainingEngine e = r.engine;
            out.add(new CompanionState(r.spec.label(), e.spec(), e.config().loss(), e.network().parameters(),
                    e.decisionOffset(), r.stopped));
        }
        return out;
    }

    /** Puts the companions back to the weights a snapshot kept (matched by position; a fork continues from them). */
    void restore(List<CompanionState> states, long atStep) {
        for (int i = 0; i < Math.min(states.size(), runs.size()); i++) {
            Run r = runs.get(i);
            r.engine.restore(states.get(i).parameters(), atStep);
            r.stopped = states.get(i).divergence();
        }
    }

    /** One step of every companion still training, on the main run's training set. */
    void step(double[] trainX, int[] trainY) {
        if (batched()) {
            stepBatched(trainX, trainY);
            return;
        }
        for (Run r : runs) {
            if (r.stopped == null && !r.engine.step()) {
                r.stopped = r.spec.label() + ": " + r.engine.divergence();
            }
        }
    }

    /** Undoes the step of the main network's last update (those still training took one). */
    void rollBackOneStep() {
        for (Run r : runs) {
            if (r.stopped == null) {
                r.engine.rollBackOneStep();
            }
        }
    }

    /** Whether the companions' next step is one batched computation ({@link BatchedEnsemble}). */
    boolean batched() {
        if (!TrainingEngine.batchEnsembles || runs.size() < 2) {
            return false;
        }
        for (Run r : runs) {
            if (r.stopped != null || r.spec.network() != null || r.spec.loss() != null) {
                return false; // a companion of another architecture or loss is not a seed copy
            }
        }
        return BatchedEnsemble.applies(engines());
    }

    private List<TrainingEngine> engines() {
        List<TrainingEngine> engines = new ArrayList<>();
        for (Run r : runs) {
            engines.add(r.engine);
        }
        return engines;
    }

    private void stepBatched(double[] trainX, int[] trainY) {
        if (ensemble == null) {
            ensemble = new BatchedEnsemble();
        }
        String[] stopped = ensemble.step(engines(), trainX, trainY);
        for (int c = 0; c < stopped.length; c++) {
            if (stopped[c] != null) {
                runs.get(c).stopped = runs.get(c).spec.label() + ": " + stopped[c];
            }
        }
    }
}
