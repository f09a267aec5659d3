package org.marginscope.ui.panels;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.marginscope.model.LossKind;
import org.marginscope.train.Dtype;
import org.marginscope.train.LayerTraining;
import org.marginscope.train.OptimiserKind;
import org.marginscope.train.TrainingConfig;
import org.marginscope.ui.Session;

/** Loss, optimiser and hyper-parameters; every change applies between two steps, the weights stay. */
public final class TrainingPanel extends VBox {
    private final Session session;
    private final ComboBox<LossKind> loss = new ComboBox<>();
    private final ComboBox<OptimiserKind> optimiser = new ComboBox<>();
    private final ComboBox<Dtype> dtype = new ComboBox<>();
    private final Spinner<Integer> batch = new Spinner<>(0, 1_000_000, 0, 1);
    private final TextField lr;
    private final TextField l2;
    private final TextField rowNorm;
    /** "every layer", then "layer 1" .. "layer L": where the L2 penalty and the row-norm bound apply. */
    private final ComboBox<String> penaltyLayer = new ComboBox<>();
    private boolean loading;
    private final NormProductTable normProducts;

    public TrainingPanel(Session session) {
        this.session = session;
        setSpacing(8);
        setPadding(new Insets(10));
        loss.getItems().addAll(LossKind.values());
        optimiser.getItems().addAll(OptimiserKind.values());
        dtype.getItems().addAll(Dtype.values());
        Fields.readable(loss);
        Fields.readable(optimiser);
        Fields.readable(dtype);
        loss.setTooltip(new Tooltip("cross entropy and exponential drive the last layer to the max-margin SVM (Li, Soudry); "
                + "differential is Nar's pairwise loss"));
        optimiser.setTooltip(new Tooltip("gd: plain (stochastic) gradient descent; momentum; adam"));
        dtype.setTooltip(new Tooltip("float32 is faster; float64 for long asymptotic runs"));
        batch.setEditable(true);
        batch.setTooltip(new Tooltip("0 = full batch (gradient descent); otherwise mini-batches without replacement per epoch"));
        lr = Fields.number(0.1, v -> v > 0 && v < 1e6, "a learning rate > 0", v -> change(c -> c.withLearningRate(v)));
        lr.setId("learning-rate");
        l2 = Fields.number(0, v -> v >= 0, "L2 penalty lambda >= 0 on the chosen layers' weights: (lambda/2)|W|^2"
                + " (van den Berg Fig 16)", v -> change(c -> onLayers(c, v, Double.NaN)));
        l2.setId("l2-penalty");
        rowNorm = Fields.number(0, v -> v >= 0, "bound kappa on each unit's incoming weight norm in the chosen layers,"
                + " by projection after every step (van den Berg Fig 16); 0 = none", v -> change(c -> onLayers(c, Double.NaN, v)));
        rowNorm.setId("max-row-norm");
        penaltyLayer.setId("penalty-layer");
        penaltyLayer.setTooltip(new Tooltip("Which layers the L2 penalty and the row-norm bound apply to"));
        penaltyLayer.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                load(session.configProperty().get());
            }
        });
        session.specProperty().addListener((o, a, b) -> fillLayers(b));
        fillLayers(session.specProperty().get());
        loss.valueProperty().addListener((o, a, b) -> change(c -> c.withLoss(b)));
        optimiser.valueProperty().addListener((o, a, b) -> change(c -> c.withOptimiser(b, c.batchSize())));
        dtype.valueProperty().addListener((o, a, b) -> change(c -> c.withDtype(b)));
        batch.valueProperty().addListener((o, a, b) -> change(c -> c.withOptimiser(c.optimiser(), b)));
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("loss"), loss);
        g.addRow(1, new Label("optimiser"), optimiser);
        g.addRow(2, new Label("learning rate"), lr);
        g.addRow(3, new Label("batch size"), batch);
        g.addRow(4, new Label("penalties on"), penaltyLayer);
        g.addRow(5, new Label("L2 penalty"), l2);
        g.addRow(6, new Label("max row norm"), rowNorm);
        g.addRow(7, new Label("dtype"), dtype);
        Label note = new Label("Changes apply between two steps; the weights stay.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        normProducts = new NormProductTable(session);
        getChildren().addAll(DataPanel.title("Loss and optimiser"), g, note, normProducts);
        session.configProperty().addListener((o, a, b) -> load(b));
        load(session.configProperty().get());
    }

    NormProductTable normProducts() {
        return normProducts;
    }

    public void dispose() {
        normProducts.dispose();
    }

    private static final String EVERY_LAYER = "every layer";

    private void fillLayers(org.marginscope.model.NetworkSpec spec) {
        String keep = penaltyLayer.getValue();
        List<String> items = new java.util.ArrayList<>(List.of(EVERY_LAYER));
        for (int k = 1; spec != null && k <= spec.layers().size(); k++) {
            items.add("layer " + k);
        }
        loading = true;
        penaltyLayer.getItems().setAll(items);
        penaltyLayer.setValue(items.contains(keep) ? keep : EVERY_LAYER);
        loading = false;
    }

    /** The chosen layer's index, or -1 for every layer. */
    private int chosenLayer() {
        String v = penaltyLayer.getValue();
        return v == null || v.equals(EVERY_LAYER) ? -1 : Integer.parseInt(v.substring("layer ".length())) - 1;
    }

    /** Sets the L2 penalty and/or the row-norm bound (NaN: leave) on the chosen layer or on every layer. */
    private TrainingConfig onLayers(TrainingConfig c, double l2v, double kappa) {
        int chosen = chosenLayer();
        // every layer: also layers a later architecture adds (as many as a net here has), as before
        int layers = Math.max(Math.max(c.layers().size(), session.specProperty().get().layers().size()), 8);
        for (int k = 0; k < layers; k++) {
            if (chosen >= 0 && k != chosen) {
                continue;
            }
            LayerTraining t = c.layer(k);
            c = c.withLayer(k, new LayerTraining(Double.isNaN(l2v) ? t.l2() : l2v,
                    Double.isNaN(kappa) ? t.maxRowNorm() : kappa, t.frozen()));
        }
        return c;
    }

    private void load(TrainingConfig c) {
        loading = true;
        loss.setValue(c.loss());
        optimiser.setValue(c.optimiser());
        dtype.setValue(c.dtype());
        batch.getValueFactory().setValue(c.batchSize());
        lr.setText(Fields.format(c.learningRate()));
        int k = Math.max(0, chosenLayer()); // every layer: the first one's (the usual case is all alike)
        l2.setText(Fields.format(c.layer(k).l2()));
        rowNorm.setText(Fields.format(c.layer(k).maxRowNorm()));
        loading = false;
    }

    private void change(java.util.function.UnaryOperator<TrainingConfig> f) {
        if (loading) {
            return;
        }
        TrainingConfig old = session.configProperty().get();
        try {
            TrainingConfig c = f.apply(old);
            if (!c.equals(old)) {
                session.setConfig(c);
            }
        } catch (IllegalArgumentException ex) {
            session.messageProperty().set("Not applied: " + ex.getMessage());
            javafx.application.Platform.runLater(() -> load(old));
        }
    }
}
