package org.marginscope.ui.panels;

import org.marginscope.ui.fx.FxTicker;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marginscope.experiment.NormProductAtLoss;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;

/**
 * Poggio et al.'s norm-product complexity: each run's product of layer norms when its training loss
 * first reaches a set small value, one row per run, so runs (depths, losses, starts) compare at the same loss.
 */
final class NormProductTable extends VBox {
    /** One run's row. */
    record Row(String run, long step, double loss, double product, String norms) {
    }

    private final Session session;
    private final TableView<Row> table = new TableView<>();
    private final TextField level;
    private double levelValue = 0.01;
    private long recordedGeneration = -1;
    private long seenGeneration = -1;
    private Snapshot beforeReset;
    private final FxTicker poll;

    NormProductTable(Session session) {
        this.session = session;
        setSpacing(6);
        setPadding(new Insets(6, 0, 0, 0));
        level = Fields.number(levelValue, v -> v > 0 && v < 1e6, "a training loss > 0 (e.g. 0.01)", v -> {
            levelValue = v;
            recordedGeneration = -1; // look again at the current run for the new level
        });
        level.setId("norm-product-level");
        level.setPrefColumnCount(6);
        table.setId("norm-product-table");
        table.getColumns().add(column("run", Row::run, 150));
        table.getColumns().add(column("step", r -> String.format(Locale.ROOT, "%,d", r.step()), 64));
        table.getColumns().add(column("\u220f|Wk|", r -> String.format(Locale.ROOT, "%.4g", r.product()), 70));
        table.getColumns().add(column("|Wk|", Row::norms, 130));
        table.setPrefHeight(150);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No run has reached the loss yet"));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            table.getItems().clear();
            recordedGeneration = -1;
        });
        Label hint = new Label("Each run's product of layer norms when its training loss first reaches this value:"
                + " compare depths, losses or starts at the same loss (Poggio et al.).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        HBox row = new HBox(6, new Label("at loss \u2264"), level, clear);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Tooltip.install(table, new Tooltip("One row per run (preset or reset); the snapshot is the first kept one"
                + " at or below the loss"));
        getChildren().addAll(DataPanel.title("Norm product at a set loss"), row, table, hint);
        poll = FxTicker.every(250, now -> check());
        poll.start();
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Adds the current run's row once its loss has reached the level (cheap: reads the newest snapshot). */
    private void check() {
        Snapshot s = session.trainer().latest();
        long generation = session.generation();
        if (generation != seenGeneration) {
            // a reset: until the trainer publishes the new run, the newest snapshot is still the old run's
            seenGeneration = generation;
            beforeReset = s;
            return;
        }
        if (s == null || s == beforeReset || generation == recordedGeneration || !(s.loss() <= levelValue)) {
            return;
        }
        NormProductAtLoss at = NormProductAtLoss.first(session.trainer().timeline().snapshots(), levelValue);
        if (at == null) {
            return;
        }
        recordedGeneration = generation;
        var c = session.configProperty().get();
        String run = session.presetProperty().get().name() + " (" + c.loss().id().replace('_', '-') + ", seed "
                + c.seed() + ")";
        String norms = Arrays.stream(at.norms()).mapToObj(n -> String.format(Locale.ROOT, "%.3g", n))
                .collect(Collectors.joining(", "));
        table.getItems().add(new Row(run, at.step(), at.loss(), at.product(), norms));
    }

    double level() {
        return levelValue;
    }

    TableView<Row> table() {
        return table;
    }

    void dispose() {
        poll.stop();
    }
}
