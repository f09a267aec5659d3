package org.marginscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which hidden units are on, one bit per unit, the hidden layers one after another in one bitset. A unit
 * is on where its pre-activation z &gt; 0 (ReLU passes z, Leaky ReLU passes z rather than alpha z); at
 * z = 0 it is off, the side whose derivative {@code Activation.derivative} uses. A linear hidden layer has
 * no kink: its units are always on (they pass z). Two points with the same pattern see the same affine
 * network. Equal by value; the arrays are the record's own: callers must not change them.
 *
 * @param bits   bit {@code offset(layer) + unit} of the concatenated hidden units, 64 to a long
 * @param widths the hidden layers' widths (the output layer is not included)
 */
public record ActivationPattern(long[] bits, int[] widths) {

    /** One hidden unit: layer counts the hidden layers from 0 (the first weight layer). */
    public record Unit(int layer, int unit) {
    }

    public ActivationPattern {
        if (bits.length != words(Arrays.stream(widths).sum())) {
            throw new IllegalArgumentException("bitset of " + bits.length + " words for " + Arrays.toString(widths));
        }
    }

    static int words(int units) {
        return (units + 63) >>> 6;
    }

    public int layers() {
        return widths.length;
    }

    /** The index of the layer's first unit in the concatenated bitset. */
    public int offset(int layer) {
        int o = 0;
        for (int k = 0; k < layer; k++) {
            o += widths[k];
        }
        return o;
    }

    public boolean active(int layer, int unit) {
        if (unit < 0 || unit >= widths[layer]) {
            throw new IndexOutOfBoundsException("unit " + unit + " of a layer of width " + widths[layer]);
        }
        int b = offset(layer) + unit;
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    /** The number of units on, over all hidden layers. */
    public int activeCount() {
        int c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        return c;
    }

    public int activeCount(int layer) {
        int c = 0, o = offset(layer);
        for (int j = 0; j < widths[layer]; j++) {
            int b = o + j;
            c += (int) ((bits[b >>> 6] >>> b) & 1L);
        }
        return c;
    }

    /** The units on, layer by layer. */
    public List<Unit> activeUnits() {
        List<Unit> r = new ArrayList<>();
        for (int k = 0, o = 0; k < widths.length; o += widths[k], k++) {
            for (int j = 0; j < widths[k]; j++) {
                int b = o + j;
                if ((bits[b >>> 6] & (1L << b)) != 0) {
                    r.add(new Unit(k, j));
                }
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationPattern p && Arrays.equals(bits, p.bits) && Arrays.equals(widths, p.widths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** Layer by layer, '1' for on, layers separated by '|'. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, o = 0; k < widths.length; o += widths[k], k++) {
            if (k > 0) {
                sb.append('|');
            }
            for (int j = 0; j < widths[k]; j++) {
                int b = o + j;
                sb.append((bits[b >>> 6] & (1L << b)) != 0 ? '1' : '0');
            }
        }
        return sb.toString();
    }
}
