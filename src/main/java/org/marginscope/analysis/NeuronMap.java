package org.marginscope.analysis;

import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * The neuron view of any network, one hidden layer at a time: each unit as a point of its incoming vector
 * (weights, then the bias - or the weight of the appended constant input - so a first-layer unit's vector
 * is its whole hyperplane), placed by {@link NeuronPlane#forLayer} (first layer on the plane: its direction
 * in the plane at distance |w|; deeper layers or more inputs: the two principal axes), toned by its largest
 * outgoing weight ({@link OutgoingTone}) and grouped by direction ({@link DirectionClusters}).
 *
 * @param layer    the layer shown (0 = first)
 * @param layers   the net's layer count (the output included)
 * @param vectors  the units' incoming vectors, bias last
 * @param points   where each unit is drawn
 * @param clusters null when the layer is too large to link pairwise (see {@link #MAX_PAIR_WORK})
 */
public record NeuronMap(int layer, int layers, double[][] vectors, double[][] points, NeuronPlane plane,
                        OutgoingTone tone, DirectionClusters.Result clusters, boolean dataPlane) {
    /** Pairwise linking costs units^2 x coordinates; past this the clusters are not sought. */
    public static final long MAX_PAIR_WORK = 400_000_000L;

    /** The hidden layers a view can show: every layer but the output. */
    public static int hiddenLayers(Parameters p) {
        return Math.max(0, p.layers() - 1);
    }

    public static NeuronMap of(NetworkSpec spec, Parameters p, int layer) {
        return of(spec, p, layer, null);
    }

    /** As above, units into K logits toned by the classes marked in {@code classes} alone (null: all). */
    public static NeuronMap of(NetworkSpec spec, Parameters p, int layer, boolean[] classes) {
        if (layer < 0 || layer >= hiddenLayers(p)) {
            throw new IllegalArgumentException("the net has " + hiddenLayers(p) + " hidden layer(s), not a layer "
                    + (layer + 1));
        }
        double[][] v = incoming(p, layer);
        boolean dataPlane = layer == 0 && spec != null && spec.inputDim() == 2;
        NeuronPlane plane = NeuronPlane.forLayer(v, dataPlane);
        double[][] points = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            points[i] = plane.place(v[i]);
        }
        long work = (long) v.length * v.length * v[0].length;
        DirectionClusters.Result clusters = work <= MAX_PAIR_WORK
                ? DirectionClusters.find(v, DirectionClusters.DEFAULT_THRESHOLD_DEG) : null;
        return new NeuronMap(layer, p.layers(), v, points, plane, OutgoingTone.of(p, layer, classes), clusters, dataPlane);
    }

    /** Each unit's incoming weights followed by its bias (when the layer has one). */
    public static double[][] incoming(Parameters p, int layer) {
        int in = p.in(layer), units = p.out(layer);
        boolean bias = p.hasBias(layer);
        double[][] v = new double[units][in + (bias ? 1 : 0)];
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < in; j++) {
                v[i][j] = p.weight(layer, j, i);
            }
            if (bias) {
                v[i][in] = p.bias(layer, i);
            }
        }
        return v;
    }

    /**
     * A first-layer unit's hyperplane in the data plane as (a, b, c): a x + b y + c = 0, where c gathers the
     * bias and the weight of an appended constant input. Null for a deeper layer or inputs that are not 2-D.
     */
    public double[] hyperplane(int unit) {
        if (!dataPlane) {
            return null;
        }
        double[] w = vectors[unit];
        double c = 0;
        for (int j = 2; j < w.length; j++) {
            c += w[j];
        }
        return new double[] {w[0], w[1], c};
    }

    /** The unit drawn nearest to (x, y) of the plot's coordinates, or -1 without units. */
    public int nearest(double x, double y) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            double d = Math.hypot(points[i][0] - x, points[i][1] - y);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        return best;
    }
}
