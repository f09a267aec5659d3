package org.marginscope.experiment.probes;

import org.marginscope.experiment.Preset;

import org.marginscope.analysis.HyperplaneDistance;
import org.marginscope.analysis.MisclassifiedArea;
import org.marginscope.data.GroundTruth;
import org.marginscope.train.MetricProbe;

/**
 * The measures of van den Berg's training experiments (Sec 5, Figs 13-16) taken with every snapshot: the
 * misclassified area where the data have a ground truth, and the distance from each first-layer hyperplane
 * to its nearest training sample ({@link HyperplaneDistance}).
 */
public final class VandenBergProbes {
    /** The preset's {@code paper} for van den Berg 2014. */
    public static final String PAPER = "vandenberg2014";
    /** Final metric (a list, one per first-layer unit) and prefix of the per-unit snapshot keys. */
    public static final String HYPERPLANE_DISTANCE = "hyperplane_sample_distance";
    /** The area between the ground truth's class boundary and the network's, on a grid's cell centres. */
    public static final String MISCLASSIFIED_AREA = "misclassified_area";
    /**
     * The most grid cells of the misclassified area taken with every snapshot, in the app and on the command line
     * alike: the preset's grid where it has no more cells, as for the strip of Figs 13-16 (120 x 20, 0.2 ms), else
     * coarser - 120 x 120 cells over Eq 8's 2-2-4-2 net cost 4.6 ms a snapshot, 48 x 48 0.7-0.9 ms. A stop rule on
     * the area (ExperimentRun) measures on the preset's full grid.
     */
    public static final int AREA_MAX_CELLS = 2400;
    /** Snapshots carry the distance of at most this many first-layer units (the final metric has all). */
    public static final int MAX_UNITS = 16;

    private VandenBergProbes() {
    }

    /** Whether a preset is about van den Berg's paper or asks for the hyperplane distance. */
    public static boolean wants(Preset p) {
        return p != null && (PAPER.equals(p.paper()) || p.metrics().contains(HYPERPLANE_DISTANCE));
    }

    /** The snapshot key of first-layer unit {@code unit} (0-based): {@code hyperplane_sample_distance_<unit+1>}. */
    public static String distanceKey(int unit) {
        return HYPERPLANE_DISTANCE + "_" + (unit + 1);
    }

    /**
     * {@code misclassified_area} on a grid of {@code cellsLongSide} cells along the domain's long side, coarsened
     * where needed so that the grid has at most {@code maxCells} cells (the cost is one inference pass over them),
     * where the data have a ground truth (nothing otherwise). The grid is built once per ground truth and size.
     */
    public static MetricProbe misclassifiedArea(int cellsLongSide, int maxCells) {
        return new MetricProbe() {
            private GroundTruth truth;
            private int cells;
            private MisclassifiedArea area;

            @Override
            public void measure(Moment m, java.util.Map<String, Double> out) {
                org.marginscope.model.Network net = m.network();
                var d = m.data();
                var t = d.groundTruth();
                if (t.isEmpty() || net.spec().inputDim() != 2) {
                    return;
                }
                int c = cappedCells(t.get().domain(), cellsLongSide, maxCells);
                if (t.get() != truth || c != cells) {
                    truth = t.get();
                    cells = c;
                    area = new MisclassifiedArea(truth, cells);
                }
                out.put(MISCLASSIFIED_AREA, area.measure(net, m.decisionOffset()));
            }
        };
    }

    /** Cells along the long side: the wanted number, or fewer so that the whole grid has at most {@code maxCells}. */
    public static int cappedCells(org.marginscope.data.Bounds domain, int wanted, int maxCells) {
        double ratio = Math.min(domain.width(), domain.height()) / Math.max(domain.width(), domain.height());
        int fits = (int) Math.floor(Math.sqrt(maxCells / Math.max(ratio, 1e-9)));
        return Math.max(2, Math.min(wanted, fits));
    }

    /** {@code hyperplane_sample_distance_<j>} for the first {@value #MAX_UNITS} first-layer units. */
    public static MetricProbe hyperplaneDistance() {
        return (m, out) -> {
            var d = m.data();
            var net = m.network();
            if (d.size() == 0 || net.spec().inputDim() != d.dim()) {
                return;
            }
            double[] dist = HyperplaneDistance.perUnit(net.parameters(), d, net.spec().appendConstantInput());
            for (int j = 0; j < Math.min(MAX_UNITS, dist.length); j++) {
                out.put(distanceKey(j), dist[j]);
            }
        };
    }
}
