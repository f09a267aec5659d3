package org.marginscope.experiment;

import java.util.Map;
import org.marginscope.analysis.NeuronClusters;
import org.marginscope.analysis.ParPrediction;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;
import org.marginscope.train.MetricProbe;

/**
 * Sarussi et al. Figs 2, 4, 7-9 per snapshot, under the keys of shared/CLI-CONTRACT.md; silent for nets
 * of another shape. The PAR prediction (Thm 6.2) depends only on the data and alpha: it is solved once
 * per dataset and activation and each snapshot reports the angle of its clusters to it.
 */
public final class ClusterProbe implements MetricProbe {
    private final ParPrediction.Cache par = new ParPrediction.Cache();

    @Override
    public void measure(long step, Network net, Dataset d, double offset, Map<String, Double> out) {
        if (net.spec().layers().size() != 2 || net.outputWidth() != 1 || d.size() == 0) {
            return; // the app installs this probe for every net: skip the weight copy for other shapes
        }
        var p = net.parameters();
        if (!NeuronClusters.appliesTo(net.spec(), p)) {
            return;
        }
        boolean constant = net.spec().appendConstantInput();
        var r = NeuronClusters.measure(p, d, constant);
        out.put("cluster_radius", r.radius());
        out.put("cluster_ratio_pos", r.ratioPos());
        out.put("cluster_ratio_neg", r.ratioNeg());
        out.put("max_cluster_angle_deg", r.maxAngleDeg());
        out.put("nonlinear_fraction_train", r.nonlinearTrain());
        if (!Double.isNaN(r.nonlinearTest())) {
            out.put("nonlinear_fraction_test", r.nonlinearTest());
        }
        out.put("par_share_pos", r.parSharePos());
        out.put("par_share_neg", r.parShareNeg());
        out.put("nar_disagreement", (double) r.narDisagreement());
        ParPrediction.Result pr = par.get(d, net.spec().layers().get(0).activation(), constant);
        if (pr != null && pr.separable()) {
            out.put("par_prediction_angle_deg", pr.angleDeg(r.wPos(), r.wNeg()));
        }
    }
}
