package org.marginscope.render;

/** What the original-space field shows. */
public enum FieldShading {
    /** The class probabilities, tinted by class (the default). */
    PROBABILITY,
    /**
     * Nar et al. Remark 2: the confidence max_c p(c | x) on a fixed scale from 50% (white) to 100% (dark),
     * whatever the class, so the growth of |w| shows as the plane darkening everywhere but at the boundary.
     */
    CONFIDENCE
}
