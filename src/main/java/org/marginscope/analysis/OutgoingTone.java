package org.marginscope.analysis;

import org.marginscope.model.Parameters;

/**
 * How the neuron view colours and sizes a unit: by its largest outgoing weight. Into the output layer of
 * one logit, by that weight's sign; into K logits, by the class of its largest (most positive) weight, the
 * class the unit votes for; into another hidden layer, by the sign of its outgoing weight of largest
 * magnitude. The size is that weight's magnitude.
 *
 * <p>{@code group[i]} is a palette class: for a sign, 1 for + and 0 for - (as Sarussi's view colours its
 * neurons), -1 for a unit whose outgoing weights are all zero; for K classes, the class. {@code fanOut}: the
 * units (or logits) the layer feeds. {@code classes}: for K classes, those a unit can vote for - the classes with
 * points (an empty class keeps its logit, as it keeps its number, but no say; the original view ignores it too).
 */
public record OutgoingTone(Kind kind, int[] group, double[] magnitude, int fanOut, int[] classes) {
    public enum Kind {
        OUTPUT_SIGN("sign of its output weight"), OUTPUT_CLASS("class of its largest output weight"),
        HIDDEN_SIGN("sign of its largest outgoing weight");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The tones of layer {@code layer}'s units (a layer below the output), every class counted. */
    public static OutgoingTone of(Parameters p, int layer) {
        return of(p, layer, null);
    }

    /** As above; into K logits, a unit votes among the classes marked in {@code withPoints} (null: all). */
    public static OutgoingTone of(Parameters p, int layer, boolean[] withPoints) {
        if (layer < 0 || layer >= p.layers() - 1) {
            throw new IllegalArgumentException("layer " + (layer + 1) + " has no outgoing weights");
        }
        int next = layer + 1, units = p.out(layer), fanOut = p.out(next);
        boolean output = next == p.layers() - 1;
        Kind kind = !output ? Kind.HIDDEN_SIGN : fanOut == 1 ? Kind.OUTPUT_SIGN : Kind.OUTPUT_CLASS;
        int[] classes = kind != Kind.OUTPUT_CLASS ? new int[0] : java.util.stream.IntStream.range(0, fanOut)
                .filter(c -> withPoints == null || c < withPoints.length && withPoints[c]).toArray();
        if (kind == Kind.OUTPUT_CLASS && classes.length == 0) {
            classes = java.util.stream.IntStream.range(0, fanOut).toArray();
        }
        int[] group = new int[units];
        double[] magnitude = new double[units];
        for (int i = 0; i < units; i++) {
            int best = kind == Kind.OUTPUT_CLASS ? classes[0] : 0;
            for (int j = 1; j < fanOut; j++) {
                double a = p.weight(next, i, j), b = p.weight(next, i, best);
                if (kind == Kind.OUTPUT_CLASS ? a > b && java.util.Arrays.binarySearch(classes, j) >= 0
                        : Math.abs(a) > Math.abs(b)) {
                    best = j;
                }
            }
            double w = p.weight(next, i, best);
            magnitude[i] = Math.abs(w);
            group[i] = kind == Kind.OUTPUT_CLASS ? best : w > 0 ? 1 : w < 0 ? 0 : -1;
        }
        return new OutgoingTone(kind, group, magnitude, fanOut, classes);
    }

    /** The largest magnitude (0 when every outgoing weight is 0). */
    public double largest() {
        double m = 0;
        for (double v : magnitude) {
            m = Math.max(m, v);
        }
        return m;
    }
}
