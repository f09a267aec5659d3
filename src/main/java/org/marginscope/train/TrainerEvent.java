package org.marginscope.train;

/**
 * Something the user must hear about from the trainer thread.
 *
 * @param suggestedLearningRate after DIVERGED, the learning rate to offer instead; NaN when the learning rate is not the cause
 */
public record TrainerEvent(Kind kind, long step, String message, double suggestedLearningRate) {
    public TrainerEvent(Kind kind, long step, String message) {
        this(kind, step, message, Double.NaN);
    }

    public enum Kind {
        STARTED,
        PAUSED,
        /**
         * Training stopped itself: NaN/Inf loss, gradient or weights (the weights are those before the bad
         * step), or a loss grown by orders of magnitude, weights beyond any bound, a dead hidden layer (the
         * weights are those at the step it was noticed).
         */
        DIVERGED,
        /** A command was refused (e.g. data that does not fit the network); nothing changed. */
        COMMAND_FAILED,
        /** An unexpected error stopped training (e.g. out of memory); the thread lives on, paused. */
        FAILED,
        RESET
    }
}
