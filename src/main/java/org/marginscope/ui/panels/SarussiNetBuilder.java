package org.marginscope.ui.panels;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.marginscope.model.Activation;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.LossKind;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.OptimiserKind;
import org.marginscope.train.TrainingConfig;
import org.marginscope.ui.Session;

/**
 * One click to Sarussi et al.'s setting: 2k Leaky ReLU units (alpha adjustable, or ReLU to compare)
 * without bias, the second layer fixed to +1 on k units and -1 on k, optionally a constant 1 appended to
 * x (App K), logistic loss, SGD with batch 1 sampling without replacement, and an initialisation scale
 * on a log slider from 1e-4 to 10.
 */
final class SarussiNetBuilder extends VBox {
    private final Session session;
    private final Spinner<Integer> k = new Spinner<>(1, 500, 50);
    private final TextField alpha;
    private double alphaValue = 0.1;
    private final CheckBox relu = new CheckBox("ReLU instead, to compare (Fig 5)");
    private final CheckBox biasTrick = new CheckBox("bias: append 1 to x");
    private final Slider scale = new Slider(-4, 1, -3);
    private final Label scaleLabel = new Label();

    SarussiNetBuilder(Session session) {
        this.session = session;
        setSpacing(6);
        setPadding(new Insets(4, 0, 0, 0));
        k.setEditable(true);
        k.setPrefWidth(90);
        k.setTooltip(new Tooltip("k: units per sign (the net has 2k hidden units)"));
        alpha = Fields.number(alphaValue, v -> v >= 0 && v <= 1, "Leaky ReLU slope alpha in [0, 1]", v -> alphaValue = v);
        biasTrick.setSelected(true);
        biasTrick.setTooltip(new Tooltip("Sarussi App K: a bias through a constant input instead of bias terms"));
        scale.setId("sarussi-init-scale");
        scale.setTooltip(new Tooltip("Initialisation scale (log): small -> two tight clusters and a near-linear"
                + " boundary; large -> spread neurons"));
        scale.setShowTickMarks(true);
        scale.setMajorTickUnit(1);
        scale.valueProperty().addListener(o -> scaleLabel.setText(String.format(Locale.ROOT, "%.1e", initScale())));
        scaleLabel.setText(String.format(Locale.ROOT, "%.1e", initScale()));
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        Label kLabel = new Label("k");
        kLabel.setTooltip(new Tooltip("units per sign: the net has 2k hidden units"));
        g.addRow(0, kLabel, k);
        g.addRow(1, new Label("alpha"), alpha);
        g.addRow(2, new Label("init scale"), scale, scaleLabel);
        Button build = new Button("Build Sarussi net (resets the model)");
        build.setId("build-sarussi");
        build.setTooltip(new Tooltip("2k hidden units, second layer fixed to +1/-1, no bias terms, logistic loss,"
                + " SGD with batch 1 without replacement"));
        build.setOnAction(e -> build());
        getChildren().addAll(DataPanel.title("Sarussi et al. two-layer net"), g, relu, biasTrick, build);
    }

    double initScale() {
        return Math.pow(10, scale.getValue());
    }

    void build() {
        var data = session.dataset();
        if (data.numClasses() > 2) {
            session.messageProperty().set("Sarussi's net is for two classes; the data have " + data.numClasses() + ".");
            return;
        }
        int units = k.getValue();
        double[][] second = new double[2 * units][1];
        for (int i = 0; i < 2 * units; i++) {
            second[i][0] = i < units ? 1 : -1;
        }
        Activation act = relu.isSelected() ? Activation.RELU : Activation.leakyRelu(alphaValue);
        LayerSpec first = new LayerSpec(2 * units, act, false, true, Initialiser.NORMAL, initScale(), 0, null, null);
        LayerSpec out = new LayerSpec(1, Activation.LINEAR, false, false, Initialiser.NORMAL, 1, 0, second, null);
        NetworkSpec spec = new NetworkSpec(data.dim(), biasTrick.isSelected(), List.of(first, out));
        TrainingConfig c = session.configProperty().get().withLoss(LossKind.CROSS_ENTROPY)
                .withOptimiser(OptimiserKind.GD, 1);
        session.setConfig(c);
        session.setSpec(spec);
        session.messageProperty().set(String.format(Locale.ROOT, "Sarussi net: %d %s units (+1 on %d, -1 on %d),"
                + " init scale %.1e, SGD batch 1. Open the Neurons tab to watch the clusters.", 2 * units,
                relu.isSelected() ? "ReLU" : "Leaky ReLU (alpha " + alphaValue + ")", units, units, initScale()));
    }
}
