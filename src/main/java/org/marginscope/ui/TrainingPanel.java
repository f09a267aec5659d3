package org.marginscope.ui;

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

/** Loss, optimiser and hyper-parameters; every change applies between two steps, the weights stay. */
final class TrainingPanel extends VBox {
    private final Session session;
    private final ComboBox<LossKind> loss = new ComboBox<>();
    private final ComboBox<OptimiserKind> optimiser = new ComboBox<>();
    private final ComboBox<Dtype> dtype = new ComboBox<>();
    private final Spinner<Integer> batch = new Spinner<>(0, 1_000_000, 0, 1);
    private final TextField lr;
    private final TextField l2;
    private final TextField rowNorm;
    private boolean loading;
    private final NormProductTable normProducts;

    TrainingPanel(Session session) {
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
        l2 = Fields.number(0, v -> v >= 0, "L2 penalty lambda >= 0 on every layer's weights: (lambda/2)|W|^2",
                v -> change(c -> everyLayer(c, v, Double.NaN)));
        rowNorm = Fields.number(0, v -> v >= 0, "bound kappa on each unit's incoming weight norm, by projection; 0 = none",
                v -> change(c -> everyLayer(c, Double.NaN, v)));
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
        g.addRow(4, new Label("L2 penalty"), l2);
        g.addRow(5, new Label("max row norm"), rowNorm);
        g.addRow(6, new Label("dtype"), dtype);
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

    void dispose() {
        normProducts.dispose();
    }

    private static TrainingConfig everyLayer(TrainingConfig c, double l2v, double kappa) {
        int layers = Math.max(c.layers().size(), 8);
        for (int k = 0; k < layers; k++) {
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
        l2.setText(Fields.format(c.layer(0).l2()));
        rowNorm.setText(Fields.format(c.layer(0).maxRowNorm()));
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
