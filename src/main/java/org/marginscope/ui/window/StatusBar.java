package org.marginscope.ui.window;

import org.marginscope.ui.fx.FxTicker;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.marginscope.model.BackendInfo;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;
import org.marginscope.ui.fx.FxPulseMonitor;
import org.marginscope.ui.fx.Nodes;
import org.marginscope.ui.panels.Fields;
import org.marginscope.ui.views.BoundaryView;

/**
 * Step, loss, accuracies, training and render speed, the ND4J backend, and the latest message; after a
 * divergence caused by the learning rate, a button that retries with a ten times lower one.
 */
public final class StatusBar extends HBox {
    private FxTicker timer;

    private final Label step = new Label();
    private final Label loss = new Label();
    private final Label acc = new Label();
    private final Label speed = new Label();
    private final Label fps = new Label();
    private final Label message = new Label();
    private final Button retry = new Button();
    private final LoadIndicator load = new LoadIndicator();
    private final Session session;
    private final BoundaryView view;
    private long lastStep = -1;
    private long lastTime;
    private long lastFrames;
    private double stepsPerSecond;
    private double framesPerSecond;

    public StatusBar(Session session, BoundaryView view) {
        this.session = session;
        this.view = view;
        setSpacing(18);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        step.setId("status-step");
        acc.setId("status-accuracy");
        Label backend = new Label(BackendInfo.describe() + ", "
                + (org.marginscope.model.Simd.enabled() ? "SIMD" : "no SIMD"));
        backend.setId("status-backend");
        backend.setTooltip(new Tooltip("ND4J's backend and device do the matrix products; the fused kernel of wide nets runs on "
                + org.marginscope.model.Simd.describe() + " (docs/gpu.md)"));
        message.textProperty().bind(session.messageProperty());
        message.setId("status-message");
        message.getStyleClass().add("message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0); // a long message is cut, never the numbers beside it
        message.setTooltip(new Tooltip());
        message.getTooltip().textProperty().bind(session.messageProperty());
        for (Label l : new Label[] {step, loss, acc, speed, fps, backend}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        retry.setId("retry-lower-learning-rate");
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.setOnAction(e -> session.retryWithSuggestedLearningRate());
        session.divergenceProperty().addListener((o, was, d) -> showRetry(d));
        showRetry(null);
        getChildren().addAll(step, loss, acc, speed, fps, message, retry, load, spacer, backend);
        Tooltip memory = new Tooltip();
        setOnMouseEntered(e -> memory.setText(String.format(Locale.ROOT, "timeline: %d snapshots, %.1f MB",
                session.trainer().timeline().size(), session.trainer().timeline().bytes() / 1e6)));
        Tooltip.install(this, memory);
        timer = FxTicker.every(250, now -> {
            long t0 = System.nanoTime();
            update(now);
            FxPulseMonitor.record("status", now, System.nanoTime() - t0);
        });
        timer.start();
    }

    private void update(long now) {
        Snapshot s = session.trainer().latest();
        double dt = (now - lastTime) * 1e-9;
        long frames = view.framesShown();
        if (lastTime != 0 && dt > 0) {
            if (s != null && lastStep >= 0 && s.step() >= lastStep) {
                stepsPerSecond = 0.5 * stepsPerSecond + 0.5 * (s.step() - lastStep) / dt;
            }
            framesPerSecond = 0.5 * framesPerSecond + 0.5 * (frames - lastFrames) / dt;
        }
        lastTime = now;
        lastFrames = frames;
        if (s == null) {
            return;
        }
        lastStep = s.step();
        Snapshot v = session.shown();
        step.setText(v == s ? "step " + s.step() : "viewing step " + v.step() + " of " + s.step());
        s = v;
        loss.setText(String.format(Locale.ROOT, "loss %.4g", s.loss()));
        acc.setText(String.format(Locale.ROOT, "train %.1f%%", 100 * s.trainAccuracy())
                + (Double.isNaN(s.testAccuracy()) ? "" : String.format(Locale.ROOT, "  test %.1f%%", 100 * s.testAccuracy())));
        speed.setText(session.trainer().isRunning() ? String.format(Locale.ROOT, "%.0f steps/s", stepsPerSecond) : "paused");
        fps.setText(String.format(Locale.ROOT, "%.0f fps", framesPerSecond));
    }

    /** The progress and Cancel of a file being loaded. */
    public LoadIndicator load() {
        return load;
    }

    private void showRetry(org.marginscope.train.TrainerEvent d) {
        boolean offer = d != null && Double.isFinite(d.suggestedLearningRate());
        retry.setText(offer ? "Retry with learning rate " + Fields.format(d.suggestedLearningRate()) : "");
        retry.setTooltip(offer ? new Tooltip("Set the learning rate to " + Fields.format(d.suggestedLearningRate())
                + " and reset the model") : null);
        Nodes.show(retry, offer);
        message.setStyle(d != null ? "-fx-text-fill: #c62828;" : ""); // red while the divergence stands
    }

    /** Stops the timer (window closing). */
    public void dispose() {
        timer.stop();
    }
}
