package org.marginscope.ui.window;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.marginscope.train.Snapshot;
import org.marginscope.train.Trainer;
import org.marginscope.train.TrainerEvent;
import org.marginscope.ui.Session;
import org.marginscope.ui.views.BoundaryView;

/** The toolbar: Play, the step buttons, Reset, the training speed and Fit view. */
public final class MainToolBar extends ToolBar {
    private final Session session;
    private final ToggleButton play = new ToggleButton("Play");

    public MainToolBar(Session session, BoundaryView view) {
        this.session = session;
        setId("toolbar");
        play.setId("play");
        play.setTooltip(new Tooltip("Play / pause training (Space)"));
        play.setOnAction(e -> {
            if (play.isSelected()) {
                play.setSelected(session.play());
            } else {
                session.trainer().pause();
            }
        });
        play.setGraphic(Icons.play());
        play.selectedProperty().addListener((o, a, b) -> {
            play.setText(b ? "Pause" : "Play");
            play.setGraphic(b ? Icons.pause() : Icons.play());
        });
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setTooltip(new Tooltip("New random weights, step 0 (R)"));
        reset.setOnAction(e -> session.reset());
        ComboBox<String> speed = new ComboBox<>();
        speed.getItems().addAll("full speed", "1000 steps/s", "100 steps/s", "10 steps/s", "1 step/s");
        speed.setValue("full speed");
        speed.setTooltip(new Tooltip("Target training speed (slow it down to watch early steps)"));
        speed.valueProperty().addListener((o, a, b) -> session.trainer().setTargetStepsPerSecond(
                b.startsWith("full") ? 0 : Double.parseDouble(b.split(" ")[0])));
        Button resetView = new Button("Fit view");
        resetView.setTooltip(new Tooltip("Show all the data (Ctrl+0)"));
        resetView.setOnAction(e -> view.resetWindow());
        getItems().addAll(play, stepButton(1), stepButton(10), stepButton(100), new Separator(), reset, new Separator(),
                new Label("speed"), speed, new Separator(), resetView);
        session.trainer().addListener(new Trainer.Listener() {
            @Override
            public void onSnapshot(Snapshot s) {
            }

            @Override
            public void onEvent(TrainerEvent e) {
                Platform.runLater(() -> play.setSelected(session.trainer().isRunning()
                        && e.kind() != TrainerEvent.Kind.DIVERGED));
            }
        });
    }

    private Button stepButton(int n) {
        Button b = new Button("+" + n);
        b.setId("step-" + n);
        b.setTooltip(new Tooltip("Train " + n + " step" + (n == 1 ? "" : "s") + (n == 1 ? " (S)" : n == 10 ? " (Shift+S)" : "")));
        b.setOnAction(e -> session.trainer().step(n));
        return b;
    }

    /** Starts training. */
    public void play() {
        play.setSelected(session.play());
    }

    public void togglePlay() {
        if (session.trainer().isRunning()) {
            play.setSelected(false);
            session.trainer().pause();
        } else {
            play();
        }
    }

    /** Shows Play (not Pause): a preset or a tour was loaded, paused. */
    public void showPaused() {
        play.setSelected(false);
    }
}
