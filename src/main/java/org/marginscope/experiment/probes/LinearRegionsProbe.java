package org.marginscope.experiment.probes;

import java.util.Map;
import org.marginscope.analysis.LinearRegions;
import org.marginscope.data.Bounds;
import org.marginscope.data.Dataset;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;
import org.marginscope.train.MetricProbe;

/**
 * The number of exact linear regions of a piecewise linear net ({@link LinearRegions}) over the square the app's
 * original view shows by default ({@link #viewedSquare}), and how many of them hold training points. Measured on
 * the SVM probe's thinned schedule ({@link SvmAlignmentProbe#onSchedule}) and on recorded snapshots; silent for a
 * net that is not 2-D in or not piecewise linear, and past its cap ({@link #MAX_REGIONS}).
 */
public final class LinearRegionsProbe implements MetricProbe {
    /** Preset metric name that switches it on, and the key of the count over the viewed square. */
    public static final String PRESET_METRIC = "linear_regions";
    public static final String REGIONS = "linear_regions";
    /** Regions holding at least one training point. */
    public static final String DATA_REGIONS = "linear_regions_data";
    /**
     * Past this many regions the probe says nothing. A 2-32-2-1 net has hundreds; Li's 2-2000-2-1 at its
     * start about 1.4 million, which the capped partition gives up on after ~50,000 (docs/performance.md).
     */
    public static final int MAX_REGIONS = 50_000;
    /**
     * Each side of the data's extent (train and test points) is widened by this fraction of its length, as
     * ui.BoundaryView's default window does. Where the data have a ground-truth domain the view also takes it
     * in; the probe keeps to the points, so that its count can be checked from the points alone (data.csv).
     */
    public static final double VIEW_MARGIN = 0.06;

    private final int maxRegions;

    public LinearRegionsProbe() {
        this(MAX_REGIONS);
    }

    /** A probe that says nothing past {@code maxRegions} regions. */
    public LinearRegionsProbe(int maxRegions) {
        if (maxRegions < 1) {
            throw new IllegalArgumentException("the region cap must be at least 1, got " + maxRegions);
        }
        this.maxRegions = maxRegions;
    }

    @Override
    public void measure(Moment m, Map<String, Double> out) {
        if (!m.recorded() && !SvmAlignmentProbe.onSchedule(m.step())) {
            return;
        }
        Dataset d = m.data();
        NetworkSpec spec = m.network().spec();
        if (d.dim() != 2 || d.size() == 0 || LinearRegions.unsupportedReason(spec).isPresent()) {
            return;
        }
        Parameters p = m.network().parameters();
        if (!p.allFinite()) {
            return; // a diverged net: the divergence watch says so
        }
        LinearRegions r = LinearRegions.compute(spec, p, viewedSquare(d), maxRegions);
        if (!r.complete()) {
            return;
        }
        out.put(REGIONS, (double) r.count());
        out.put(DATA_REGIONS, (double) r.countContaining(d.trainX(), d.size()));
    }

    /** The data's extent, every side widened by {@link #VIEW_MARGIN} of its length. */
    public static Bounds viewedSquare(Dataset d) {
        Bounds e = d.extent(0);
        double mx = VIEW_MARGIN * e.width(), my = VIEW_MARGIN * e.height();
        return new Bounds(e.xMin() - mx, e.xMax() + mx, e.yMin() - my, e.yMax() + my);
    }
}
