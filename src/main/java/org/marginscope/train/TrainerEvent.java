package org.marginscope.train;

/** Something the user must hear about from the trainer thread. */
public record TrainerEvent(Kind kind, long step, String message) {
    public enum Kind {
        STARTED,
        PAUSED,
        /** Training stopped itself: NaN/Inf loss, gradient or weights; the weights are those before the bad step. */
        DIVERGED,
        /** A command was refused (e.g. data that does not fit the network); nothing changed. */
        COMMAND_FAILED,
        /** An unexpected error stopped training (e.g. out of memory); the thread lives on, paused. */
        FAILED,
        RESET
    }
}
