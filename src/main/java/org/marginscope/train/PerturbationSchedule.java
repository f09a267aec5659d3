package org.marginscope.train;

/**
 * When Poggio et al.'s Fig 5 noise is due: the step training first reached zero error, then every
 * {@link Perturbation#every()} steps after it up to {@link Perturbation#until()}, at most once a step. The
 * engine adds the noise ({@link TrainingEngine#perturb}); this keeps the schedule's state across resets and forks.
 */
final class PerturbationSchedule {
    private Perturbation perturbation;
    private long zeroErrorAt = -1;
    private long perturbedAt = -1;
    private int count;

    void set(Perturbation p) {
        perturbation = p;
    }

    Perturbation perturbation() {
        return perturbation;
    }

    /** How many times the noise was added since the reset. */
    int count() {
        return count;
    }

    /** A new run from step 0. */
    void reset() {
        zeroErrorAt = -1;
        perturbedAt = -1;
        count = 0;
    }

    /** The full-batch error was zero at this step (only the first time counts). */
    void zeroError(long step) {
        if (zeroErrorAt < 0) {
            zeroErrorAt = step;
        }
    }

    /** The run continues from this step (a fork): a zero error seen later has not happened yet. */
    void restoredTo(long step) {
        if (step <= zeroErrorAt) {
            zeroErrorAt = -1;
        }
    }

    /** Whether the noise is due before this step. */
    boolean due(long step) {
        Perturbation p = perturbation;
        return p != null && zeroErrorAt >= 0 && step > zeroErrorAt && step <= p.until() && step != perturbedAt
                && (step - zeroErrorAt) % p.every() == 0;
    }

    /** The noise was added before this step. */
    void done(long step) {
        count++;
        perturbedAt = step;
    }
}
