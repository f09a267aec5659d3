package org.marginscope.experiment.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.marginscope.experiment.Preset;
import org.marginscope.train.MetricProbe;
import org.marginscope.train.TrainingConfig;

/**
 * Which probes a run measures with every snapshot: one function of the preset, used by the app's session and by
 * the command line's runs alike, so a preset gives the same metrics at the same steps in both. Probes about a
 * network shape (Sarussi's clusters, Poggio's ensemble) are always installed and stay silent for other shapes,
 * so they follow the network as the user changes it; the costly ones come with the presets that ask for them.
 *
 * <p>The linear regions ({@link LinearRegionsProbe}) come with the presets that list the metric {@code
 * linear_regions} and with the presets of no paper (the playground, where the user may make the net piecewise
 * linear); the probe stays silent for nets that are not 2-D piecewise linear and past 50,000 regions. Not every
 * qualifying preset lists it, by cost (docs/performance.md, 2026-12-07): on the SVM probe's schedule it adds a
 * fixed ~0.1-0.3 s to a run (class loading and JIT of the partition, then ~70-100 calls of 0.1-2 ms for small
 * nets) - 10% or more of the presets that train in under two seconds (poggio-fig7-depth3) - and Li's 2-2000-2-1
 * nets would pay 30-60 ms a snapshot to learn that they are over the cap. li-blob-small-net, the app's default
 * preset, lists it and pays about 0.2 s of a 1.5 s run.
 */
public final class ProbePolicy {
    private ProbePolicy() {
    }

    /**
     * The probes for a preset, in the order they write (later keys win; none overlap but {@code svm_margin},
     * which both SVM probes measure alike).
     *
     * @param config the main network's training as it is now (Nar's margins are filed under its loss's prefix; the
     *               square loss's floor is exact for some settings only)
     */
    public static List<MetricProbe> forPreset(Preset p, Supplier<TrainingConfig> config) {
        List<MetricProbe> probes = new ArrayList<>();
        probes.add(new ClusterProbe());
        probes.add(CompanionProbes.ensemble());
        probes.add(new SquareFloorProbe(config));
        if (p.metrics().contains(CompanionProbes.CONFIDENCE)) {
            probes.add(CompanionProbes.confidence());
        }
        if (p.metrics().contains(CompanionProbes.MARGINS)) {
            probes.add(CompanionProbes.margins(() -> config.get().loss()));
        }
        if (wantsArea(p)) {
            probes.add(VandenBergProbes.misclassifiedArea(p.areaGridCells(), VandenBergProbes.AREA_MAX_CELLS));
        }
        if (VandenBergProbes.wants(p)) {
            probes.add(VandenBergProbes.hyperplaneDistance());
        }
        if (wantsSvm(p)) {
            probes.add(new SvmAlignmentProbe());
        }
        if (wantsRegions(p)) {
            probes.add(new LinearRegionsProbe());
        }
        return probes;
    }

    /** The misclassified area: presets that list it, stop on it, or are van den Berg's (where data have a truth). */
    static boolean wantsArea(Preset p) {
        return p.metrics().contains(VandenBergProbes.MISCLASSIFIED_AREA) || VandenBergProbes.wants(p)
                || (p.stop() != null && VandenBergProbes.MISCLASSIFIED_AREA.equals(p.stop().metric()));
    }

    /** The linear regions: presets that list them, and presets of no paper. */
    public static boolean wantsRegions(Preset p) {
        return p.metrics().contains(LinearRegionsProbe.PRESET_METRIC) || p.paper() == null;
    }

    /** Li's comparison with the SVM: presets that list it, and presets of no paper (the general playground). */
    static boolean wantsSvm(Preset p) {
        return p.metrics().contains(SvmAlignmentProbe.PRESET_METRIC) || p.paper() == null;
    }
}
