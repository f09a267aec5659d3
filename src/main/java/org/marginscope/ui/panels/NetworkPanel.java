package org.marginscope.ui.panels;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marginscope.model.Activation;
import org.marginscope.model.ActivationKind;
import org.marginscope.model.Initialiser;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.LayerTraining;
import org.marginscope.train.TrainingConfig;
import org.marginscope.ui.Session;

/**
 * The network editor: hidden layers (width, activation and its parameter, bias, frozen), the
 * initialiser and its scale. "Apply" rebuilds the network, which resets the model; freezing a
 * layer applies at once and keeps the weights.
 */
public final class NetworkPanel extends VBox {
    private final Session session;
    private final VBox rows = new VBox(6);
    private final List<LayerRow> layers = new ArrayList<>();
    private final ComboBox<Initialiser> init = new ComboBox<>();
    private final Label output = new Label();
    private final CheckBox outputBias = new CheckBox("bias");
    private final CheckBox outputFrozen = new CheckBox("frozen");
    /** Rows were added or removed since the last Apply: frozen flags wait for Apply too. */
    private boolean structureChanged;
    private double initScale = 1;
    private final TextField initScaleField;

    public NetworkPanel(Session session) {
        this.session = session;
        setSpacing(8);
        setPadding(new Insets(10));
        init.getItems().addAll(Initialiser.values());
        Fields.readable(init);
        init.setTooltip(new Tooltip("How the weights start (biases start at 0)"));
        initScaleField = Fields.number(1, v -> v >= 0 && v <= 1e3, "a number in [0, 1000] multiplying every initial weight",
                v -> initScale = v);
        Button addLayer = new Button("+ layer");
        addLayer.setId("add-layer");
        addLayer.setTooltip(new Tooltip("Add a hidden layer on top"));
        addLayer.setOnAction(e -> {
            layers.add(new LayerRow(LayerSpec.dense(16, Activation.RELU), false));
            structureChanged = true;
            redraw();
        });
        outputBias.setTooltip(new Tooltip("A bias on the output logit(s) (Nar: with a bias, cross-entropy's margin can be poor)"));
        outputFrozen.setTooltip(new Tooltip("Keep the output layer fixed (e.g. Sarussi's +1/-1 second layer)"));
        outputFrozen.selectedProperty().addListener((o, a, b) -> {
            if (!loading) {
                applyFrozen();
            }
        });
        Button apply = new Button("Apply (resets the model)");
        apply.setId("apply-network");
        apply.setTooltip(new Tooltip("Build the network as edited; training starts again from new weights"));
        apply.setOnAction(e -> apply());
        GridPane initGrid = new GridPane();
        initGrid.setHgap(6);
        initGrid.setVgap(6);
        initGrid.addRow(0, new Label("initialiser"), init);
        initGrid.addRow(1, new Label("init scale"), initScaleField);
        output.setWrapText(true);
        HBox head = new HBox(10, new Label("output layer:"), outputBias, outputFrozen);
        getChildren().addAll(DataPanel.title("Hidden layers (input at the top)"), rows, addLayer, output, head,
                new Separator(), initGrid, apply, new Separator(), new SarussiNetBuilder(session));
        session.specProperty().addListener((o, a, b) -> load(b));
        load(session.specProperty().get());
    }

    private boolean loading;

    private void load(NetworkSpec spec) {
        loading = true;
        structureChanged = false;
        layers.clear();
        TrainingConfig cfg = session.configProperty().get();
        List<LayerSpec> ls = spec.layers();
        for (int k = 0; k + 1 < ls.size(); k++) {
            layers.add(new LayerRow(ls.get(k), cfg != null && cfg.layer(k).frozen()));
        }
        LayerSpec first = ls.get(0);
        init.setValue(first.init());
        initScale = first.initScale();
        initScaleField.setText(Fields.format(initScale));
        int k = spec.outputWidth();
        output.setText("Output: " + (k == 1 ? "one logit (2 classes, sigmoid)" : k + " logits (softmax)")
                + " - set by the data's classes.");
        LayerSpec out = ls.get(ls.size() - 1);
        outputBias.setSelected(out.bias());
        outputFrozen.setSelected(!out.trainable() || (cfg != null && cfg.layer(ls.size() - 1).frozen()));
        outputFrozen.setDisable(!out.trainable());
        redraw();
        loading = false;
    }

    private void redraw() {
        rows.getChildren().clear();
        for (int i = 0; i < layers.size(); i++) {
            rows.getChildren().add(layers.get(i).node(i));
        }
    }

    void apply() {
        NetworkSpec old = session.specProperty().get();
        List<LayerSpec> ls = new ArrayList<>();
        for (LayerRow r : layers) {
            ls.add(r.spec());
        }
        LayerSpec out = old.layers().get(old.layers().size() - 1);
        ls.add(new LayerSpec(out.width(), Activation.LINEAR, outputBias.isSelected(), out.trainable(), init.getValue(),
                initScale, out.biasInit(), null, null));
        List<LayerSpec> withInit = new ArrayList<>();
        for (int k = 0; k < ls.size(); k++) {
            LayerSpec l = ls.get(k);
            withInit.add(k + 1 < ls.size() ? l.withInit(init.getValue(), initScale) : l);
        }
        try {
            NetworkSpec spec = new NetworkSpec(old.inputDim(), old.appendConstantInput(), withInit);
            session.setSpec(spec);
            structureChanged = false;
            applyFrozen();
        } catch (IllegalArgumentException ex) {
            session.messageProperty().set("Network not applied: " + ex.getMessage());
        }
    }

    private void applyFrozen() {
        if (structureChanged) {
            return; // rows no longer match the network's layers until Apply
        }
        TrainingConfig c = session.configProperty().get();
        int n = layers.size();
        for (int k = 0; k <= n; k++) {
            boolean want = k < n ? layers.get(k).frozen : outputFrozen.isSelected() && !outputFrozen.isDisabled();
            LayerTraining t = c.layer(k);
            if (t.frozen() != want) {
                c = c.withLayer(k, new LayerTraining(t.l2(), t.maxRowNorm(), want));
            }
        }
        if (c != session.configProperty().get()) {
            session.setConfig(c);
        }
    }

    /** One editable hidden layer. */
    private final class LayerRow {
        int width;
        ActivationKind kind;
        double param;
        boolean bias;
        boolean frozen;
        final boolean trainable;
        final double biasInit;

        LayerRow(LayerSpec s, boolean frozen) {
            width = s.width();
            kind = s.activation().kind();
            param = s.activation().param() == null ? Double.NaN : s.activation().param();
            bias = s.bias();
            this.frozen = frozen;
            trainable = s.trainable();
            biasInit = s.biasInit();
        }

        LayerSpec spec() {
            Activation a = new Activation(kind, kind.hasParam() ? (Double.isNaN(param) ? kind.defaultParam() : param) : null);
            return new LayerSpec(width, a, bias, trainable, init.getValue(), initScale, biasInit, null, null);
        }

        VBox node(int index) {
            Spinner<Integer> w = new Spinner<>(1, 4096, width, 1);
            w.setEditable(true);
            w.setPrefWidth(90);
            w.setTooltip(new Tooltip("Units in layer " + (index + 1)));
            w.valueProperty().addListener((o, a, b) -> width = b);
            ComboBox<ActivationKind> act = new ComboBox<>();
            act.getItems().addAll(ActivationKind.values());
            Fields.readable(act);
            act.setValue(kind);
            act.setTooltip(new Tooltip("Activation of layer " + (index + 1)));
            TextField p = Fields.number(Double.isNaN(param) ? kind.defaultParam() : param,
                    v -> kind != ActivationKind.LEAKY_RELU || (v >= 0 && v <= 1),
                    "alpha (leaky ReLU, 0..1) or gamma (the sigmoids)", v -> param = v);
            p.setPrefColumnCount(4);
            p.setPromptText("param");
            p.setDisable(!kind.hasParam());
            if (!kind.hasParam()) {
                p.setText("");
            }
            act.valueProperty().addListener((o, a, b) -> {
                kind = b;
                p.setDisable(!b.hasParam());
                p.setText(b.hasParam() ? Fields.format(b.defaultParam()) : "");
                param = b.hasParam() ? b.defaultParam() : Double.NaN;
            });
            CheckBox b = new CheckBox("bias");
            b.setSelected(bias);
            b.selectedProperty().addListener((o, x, y) -> bias = y);
            CheckBox f = new CheckBox("frozen");
            f.setSelected(frozen);
            f.setTooltip(new Tooltip("A frozen layer keeps its weights; applies at once, no reset"));
            f.selectedProperty().addListener((o, x, y) -> {
                frozen = y;
                if (!loading) {
                    applyFrozen();
                }
            });
            Button remove = new Button("Remove");
            remove.setTooltip(new Tooltip("Remove this layer"));
            remove.setOnAction(e -> {
                layers.remove(this);
                structureChanged = true;
                redraw();
            });
            Label name = new Label("Layer " + (index + 1));
            name.setMinWidth(52);
            HBox first = new HBox(6, name, w, act);
            HBox second = new HBox(8, p, b, f, remove);
            first.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            second.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {b, f, remove}) {
                c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }
            VBox box = new VBox(4, first, second);
            box.setId("layer-" + index);
            box.getStyleClass().add("layer-row");
            return box;
        }
    }
}
