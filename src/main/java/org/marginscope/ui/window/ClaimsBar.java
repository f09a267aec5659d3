package org.marginscope.ui.window;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.claims.ClaimsReport;
import org.marginscope.experiment.claims.Verdict;
import org.marginscope.ui.Session;
import org.marginscope.ui.Theme;
import org.marginscope.ui.fx.Nodes;

/**
 * The loaded preset's claims with the verdict the {@code claims} command measured over seeds (docs/claims.md): one
 * line each under the views, so nobody reads one run as "the paper's result". Hidden for presets without claims.
 */
public final class ClaimsBar extends VBox {
    public ClaimsBar(Session session) {
        setId("claims-bar");
        getStyleClass().add("claims-bar");
        setPadding(new Insets(2, 8, 2, 8));
        setSpacing(1);
        setMinWidth(0);
        show(session.presetProperty().get());
        session.presetProperty().addListener((o, a, b) -> show(b));
    }

    private void show(Preset p) {
        List<ClaimsReport.Recorded> claims = p == null ? List.of() : ClaimsReport.recorded(p.name());
        getChildren().clear();
        for (ClaimsReport.Recorded r : claims) {
            Verdict v = Verdict.byId(r.verdict());
            Label chip = new Label(v.words());
            chip.getStyleClass().addAll("verdict", "verdict-" + r.verdict().replace('_', '-'));
            chip.setStyle("-fx-padding: 0 5 0 5; -fx-background-radius: 3; -fx-text-fill: white; -fx-background-color: "
                    + Theme.verdictColour(v) + ";");
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label text = new Label(String.format(java.util.Locale.ROOT, "%s (%s) - over %d seeds at %,d steps", r.statement(),
                    r.source(), r.seeds(), r.horizon()));
            text.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            // never wider than the pane it is given: a long claim is cut with an ellipsis (full text in the tooltip)
            // instead of widening the views above it
            text.setMinWidth(0);
            text.setPrefWidth(1);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, chip, text);
            row.setMinWidth(0);
            Tooltip tip = new Tooltip(r.summary() + "\nMeaningful seeds passing: " + r.passing()
                    + ". Measured by `marginscope claims`; every claim and seed in docs/claims.md.");
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            Tooltip.install(row, tip);
            getChildren().add(row);
        }
        Nodes.show(this, !claims.isEmpty());
    }

    /** The verdict words shown, one per claim (FX thread; for tests). */
    List<String> shownVerdicts() {
        return getChildren().stream().map(n -> ((Label) ((HBox) n).getChildren().get(0)).getText()).toList();
    }
}
