package org.marginscope.train;

/**
 * Sees every step's numbers before the update; the network still holds the weights they belong to,
 * so an observer may evaluate it (e.g. to stop the moment the misclassified area reaches zero).
 */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param fullBatch whether loss and accuracy are over the whole training set
     * @return true to stop here: the engine then skips this update ({@link TrainingEngine#halted()})
     */
    boolean observe(long step, double loss, double accuracy, boolean fullBatch);
}
