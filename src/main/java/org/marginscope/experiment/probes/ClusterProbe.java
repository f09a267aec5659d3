package org.marginscope.experiment.probes;

import java.util.Map;
import org.marginscope.analysis.NeuronClusters;
import org.marginscope.analysis.ParPrediction;
import org.marginscope.data.Dataset;
import org.marginscope.model.Network;
import org.marginscope.train.MetricProbe;

/**
 * Sarussi et al. Figs 2, 4, 7-9 per snapshot, under the keys of docs/cli.md; silent for nets
 * of another shape. The PAR prediction (Thm 6.2) depends only on the data and alpha: it is solved once
 * per dataset and activation and each snapshot reports the angle of its clusters to it.
 */
public final class ClusterProbe implements MetricProbe {
    public static final String RADIUS = "cluster_radius";
    public static final String RATIO_POS = "cluster_ratio_pos";
    public static final String RATIO_NEG = "cluster_ratio_neg";
    public static final String MAX_ANGLE = "max_cluster_angle_deg";
    public static final String NONLINEAR_TRAIN = "nonlinear_fraction_train";
    public static final String NONLINEAR_TEST = "nonlinear_fraction_test";
    public static final String PAR_SHARE_POS = "par_share_pos";
    public static final String PAR_SHARE_NEG = "par_share_neg";
    public static final String NAR_DISAGREEMENT = "nar_disagreement";
    /** Thm 6.2: the clusters' angle to the predicted limit - measured only while every neuron is in PAR. */
    public static final String PAR_PREDICTION_ANGLE = "par_prediction_angle_deg";

    private final ParPrediction.Cache par = new ParPrediction.Cache();

    @Override
    public void measure(Moment m, Map<String, Double> out) {
        Network net = m.network();
        Dataset d = m.data();
        if (net.spec().layers().size() != 2 || net.outputWidth() != 1 || d.size() == 0) {
            return; // installed for every net: skip the weight copy for other shapes
        }
        var p = net.parameters();
        if (!NeuronClusters.appliesTo(net.spec(), p)) {
            return;
        }
        boolean constant = net.spec().appendConstantInput();
        var r = NeuronClusters.measure(p, d, constant);
        out.put(RADIUS, r.radius());
        out.put(RATIO_POS, r.ratioPos());
        out.put(RATIO_NEG, r.ratioNeg());
        out.put(MAX_ANGLE, r.maxAngleDeg());
        out.put(NONLINEAR_TRAIN, r.nonlinearTrain());
        if (!Double.isNaN(r.nonlinearTest())) {
            out.put(NONLINEAR_TEST, r.nonlinearTest());
        }
        out.put(PAR_SHARE_POS, r.parSharePos());
        out.put(PAR_SHARE_NEG, r.parShareNeg());
        out.put(NAR_DISAGREEMENT, (double) r.narDisagreement());
        if (r.parSharePos() < 1 || r.parShareNeg() < 1) {
            return; // Thm 6.2 predicts the limit of a net in the Perfect Agreement Regime only
        }
        ParPrediction.Result pr = par.get(d, net.spec().layers().get(0).activation(), constant);
        if (pr != null && pr.separable()) {
            out.put(PAR_PREDICTION_ANGLE, pr.angleDeg(r.wPos(), r.wNeg()));
        }
    }
}
