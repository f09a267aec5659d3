package org.marginscope.ui.panels;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.marginscope.data.Dataset;
import org.marginscope.data.DatasetGenerator;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;
import org.marginscope.experiment.Preset;
import org.marginscope.render.Palette;
import org.marginscope.ui.Session;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.Markers;

/** Drawing tools (class palette, add/erase, clear) and the generator with its parameters. */
public final class DataPanel extends VBox {
    private final Session session;
    private final ComboBox<DatasetGenerator> generator = new ComboBox<>();
    private final Spinner<Integer> n = new Spinner<>(2, 1_000_000, 400, 50);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1, 1);
    private final ComboBox<String> range = new ComboBox<>();
    private final Slider testFraction = new Slider(0, 0.5, 0.25);
    private double noise;
    private final Button generateButton = new Button("Generate");

    public DataPanel(Session session, BoundaryView view) {
        this.session = session;
        setSpacing(8);
        setPadding(new Insets(10));

        Label drawTitle = title("Draw points");
        FlowPane classes = new FlowPane(4, 4);
        ToggleGroup classGroup = new ToggleGroup();
        for (int c = 0; c < Palette.MAX_CLASSES; c++) {
            ToggleButton b = new ToggleButton(Integer.toString(c));
            Canvas swatch = new Canvas(14, 14);
            Markers.draw(swatch.getGraphicsContext2D(), c, 7, 7, 10, true);
            b.setGraphic(swatch);
            b.setToggleGroup(classGroup);
            b.setId("class-" + c);
            int cls = c;
            b.setOnAction(e -> view.selectedClassProperty().set(cls));
            b.setTooltip(new Tooltip("Draw class " + c + " (key " + (c + 1) + ")"));
            b.setSelected(c == 0);
            classes.getChildren().add(b);
        }
        view.selectedClassProperty().addListener((o, a, b) -> classGroup.getToggles().get(b.intValue()).setSelected(true));

        ToggleGroup tools = new ToggleGroup();
        ToggleButton add = new ToggleButton("Add");
        add.setTooltip(new Tooltip("Click adds a point, drag sprays points (A)"));
        ToggleButton erase = new ToggleButton("Erase");
        erase.setTooltip(new Tooltip("Click or drag removes points (E); right-click always removes one"));
        ToggleButton move = new ToggleButton("Move");
        move.setId("tool-move");
        move.setTooltip(new Tooltip("Drag a point to move it; the network trains on as it moves (M)"));
        add.setToggleGroup(tools);
        erase.setToggleGroup(tools);
        move.setToggleGroup(tools);
        add.setSelected(true);
        add.setOnAction(e -> view.toolProperty().set(BoundaryView.Tool.ADD));
        erase.setOnAction(e -> view.toolProperty().set(BoundaryView.Tool.ERASE));
        move.setOnAction(e -> view.toolProperty().set(BoundaryView.Tool.MOVE));
        view.toolProperty().addListener((o, a, b) -> (switch (b) {
            case ADD -> add;
            case ERASE -> erase;
            case MOVE -> move;
        }).setSelected(true));
        Button clear = new Button("Clear");
        clear.setId("clear-points");
        clear.setTooltip(new Tooltip("Remove every point (undo with Ctrl+Z)"));
        clear.setOnAction(e -> session.editData(session.dataset().cleared()));
        FlowPane toolRow = new FlowPane(4, 4, add, erase, move, clear);

        Label genTitle = title("Generate");
        generator.getItems().addAll(Generators.all());
        generator.setCellFactory(l -> new GeneratorCell());
        generator.setButtonCell(new GeneratorCell());
        generator.setMaxWidth(Double.MAX_VALUE);
        generator.setId("generator");
        generator.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                n.getValueFactory().setValue(b.defaultN());
            }
        });
        n.setEditable(true);
        seed.setEditable(true);
        range.getItems().addAll("large", "small");
        range.setValue("large");
        range.setTooltip(new Tooltip("large: the natural range (e.g. 0..100); small: the same set in [0,1] (Li Fig 7/8)"));
        testFraction.setShowTickLabels(true);
        testFraction.setMajorTickUnit(0.25);
        testFraction.setTooltip(new Tooltip("Fraction of the points held out as a test set (drawn hollow)"));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, new Label("dataset"), generator);
        grid.addRow(1, new Label("points"), n);
        grid.addRow(2, new Label("noise"), Fields.number(0, v -> v >= 0 && v <= 1, "coordinate jitter as a fraction of the domain width, 0..1", v -> noise = v));
        grid.addRow(3, new Label("seed"), seed);
        grid.addRow(4, new Label("range"), range);
        grid.addRow(5, new Label("test split"), testFraction);
        Button regenerate = generateButton;
        regenerate.setId("generate");
        regenerate.setDefaultButton(false);
        regenerate.setTooltip(new Tooltip("Replace the data with a new draw (undo with Ctrl+Z)"));
        regenerate.setOnAction(e -> generate());
        Label hint = new Label("Right-click removes a point. Middle-drag or Shift-drag pans, the wheel zooms.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(drawTitle, classes, toolRow, hint, new Separator(), genTitle, grid, regenerate);
        selectFor(session.dataset());
        session.presetProperty().addListener((o, a, b) -> selectFor(session.dataset()));
    }

    private void selectFor(Dataset d) {
        String base = d.name().replace("-small", "");
        for (DatasetGenerator g : Generators.all()) {
            if (g.name().equals(base)) {
                generator.setValue(g);
                range.setValue(d.name().endsWith("-small") ? "small" : "large");
                n.getValueFactory().setValue(d.size() + d.testSize());
                Preset p = session.presetProperty().get();
                if (p != null && p.dataset().generator().equals(g.name())) {
                    seed.getValueFactory().setValue((int) p.dataset().seed());
                    testFraction.setValue(p.dataset().testFraction());
                }
                return;
            }
        }
        generator.setValue(Generators.all().get(0));
    }

    /** Draws a new data set on a background thread (a million points take a while), then one undoable edit. */
    void generate() {
        DatasetGenerator g = generator.getValue();
        GeneratorParams params = new GeneratorParams(n.getValue(), noise, seed.getValue(), Scale.parse(range.getValue()));
        double f = Math.round(testFraction.getValue() * 100) / 100.0;
        long splitSeed = seed.getValue() + 1L;
        generateButton.setDisable(true);
        session.messageProperty().set("Generating " + params.n() + " points of " + g.name() + "\u2026");
        Thread t = new Thread(() -> {
            Dataset d = g.generate(params);
            Dataset result = f > 0 ? d.split(f, splitSeed) : d;
            javafx.application.Platform.runLater(() -> {
                generateButton.setDisable(false);
                session.messageProperty().set("Generated " + result);
                session.editData(result);
            });
        }, "marginscope-generate");
        t.setDaemon(true);
        t.start();
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static final class GeneratorCell extends ListCell<DatasetGenerator> {
        @Override
        protected void updateItem(DatasetGenerator g, boolean empty) {
            super.updateItem(g, empty);
            setText(empty || g == null ? null : g.name());
            setTooltip(empty || g == null ? null : new Tooltip(g.description()));
        }
    }

}
