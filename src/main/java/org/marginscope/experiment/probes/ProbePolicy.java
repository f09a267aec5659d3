package org.marginscope.experiment.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.marginscope.experiment.Preset;
import org.marginscope.model.LossKind;
import org.marginscope.train.MetricProbe;

/**
 * Which probes a run measures with every snapshot: one function of the preset, used by the app's session and by
 * the command line's runs alike, so a preset gives the same metrics at the same steps in both. Probes about a
 * network shape (Sarussi's clusters, Poggio's ensemble) are always installed and stay silent for other shapes,
 * so they follow the network as the user changes it; the costly ones come with the presets that ask for them.
 *
 * <p>The linear regions ({@link LinearRegionsProbe}) are installed for every preset: the probe measures only
 * 2-D nets with piecewise linear hidden layers, on the SVM probe's thinned schedule, and gives up past its cap
 * of 50,000 regions. Measured (docs/performance.md, 2026-12-07): it adds at most ~6% to a preset's run at the
 * preset's steps (li-blob-small-net, whose 2,000 steps take under 2 s), about 2% where Li's 2-2000-2-1 net is
 * over the cap at every snapshot, and nothing measurable where the net does not qualify (van den Berg's
 * sigmoids, tanh, inputs beyond 2-D).
 */
public final class ProbePolicy {
    private ProbePolicy() {
    }

    /**
     * The probes for a preset, in the order they write (later keys win; none overlap but {@code svm_margin},
     * which both SVM probes measure alike).
     *
     * @param loss the main network's loss as it trains now (Nar's margins are filed under its prefix)
     */
    public static List<MetricProbe> forPreset(Preset p, Supplier<LossKind> loss) {
        List<MetricProbe> probes = new ArrayList<>();
        probes.add(new ClusterProbe());
        probes.add(CompanionProbes.ensemble());
        if (p.metrics().contains(CompanionProbes.CONFIDENCE)) {
            probes.add(CompanionProbes.confidence());
        }
        if (p.metrics().contains(CompanionProbes.MARGINS)) {
            probes.add(CompanionProbes.margins(loss));
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
        probes.add(new LinearRegionsProbe());
        return probes;
    }

    /** The misclassified area: presets that list it, stop on it, or are van den Berg's (where data have a truth). */
    static boolean wantsArea(Preset p) {
        return p.metrics().contains(VandenBergProbes.MISCLASSIFIED_AREA) || VandenBergProbes.wants(p)
                || (p.stop() != null && VandenBergProbes.MISCLASSIFIED_AREA.equals(p.stop().metric()));
    }

    /** Li's comparison with the SVM: presets that list it, and presets of no paper (the general playground). */
    static boolean wantsSvm(Preset p) {
        return p.metrics().contains(SvmAlignmentProbe.PRESET_METRIC) || p.paper() == null;
    }
}
