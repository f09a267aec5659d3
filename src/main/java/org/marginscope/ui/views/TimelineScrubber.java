package org.marginscope.ui.views;

import org.marginscope.ui.fx.FxTicker;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.marginscope.train.Snapshot;
import org.marginscope.ui.Session;

/**
 * Training time on a log-step axis: one tick per snapshot of the timeline, a thumb at the moment the
 * views show. Dragging (or Left/Right, Home/End) pins every view to a snapshot; "Live" follows training
 * again; "Continue from here" forks the run from the pinned snapshot.
 */
public final class TimelineScrubber extends HBox {
    private static final double PAD = 14;
    private final Session session;
    private final Canvas canvas = new Canvas();
    private final Label where = new Label();
    private final Button live = new Button("Live");
    private final Button fork = new Button("Continue from here");
    private List<Snapshot> ticks = List.of();
    private int drawnSize = -1;
    private long drawnLast = -1;
    private Snapshot drawnShown;
    private final FxTicker timer;

    public TimelineScrubber(Session session) {
        this.session = session;
        setId("scrubber");
        setSpacing(8);
        setPadding(new Insets(2, 10, 2, 10));
        setAlignment(Pos.CENTER_LEFT);
        Pane holder = new Pane(canvas);
        holder.setMinHeight(34);
        holder.setPrefHeight(34);
        holder.setMinWidth(200);
        HBox.setHgrow(holder, Priority.ALWAYS);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.setId("scrubber-canvas");
        Tooltip.install(canvas, new Tooltip("Training time (log steps), one tick per kept snapshot. Drag to show"
                + " that moment in every view; Left/Right: previous/next snapshot, Home: first, End: live."));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> scrubTo(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> scrubTo(e.getX()));
        where.setId("scrubber-step");
        // room for a long run's label in the label's own font (presentation mode's is larger), so the
        // label neither cuts off nor makes the timeline jump as the step count grows
        where.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.ceil(ViewCanvas.textWidth("step 8888888 of 8888888", where.getFont())) + 4, where.fontProperty()));
        where.fontProperty().addListener(o -> redraw());
        live.setMinWidth(Region.USE_PREF_SIZE);
        fork.setMinWidth(Region.USE_PREF_SIZE);
        live.setId("scrub-live");
        live.setTooltip(new Tooltip("Follow training again (End)"));
        live.setOnAction(e -> session.view(null));
        fork.setId("scrub-fork");
        fork.setTooltip(new Tooltip("Train on from the moment shown; the later part of this run is discarded"));
        fork.setOnAction(e -> confirmFork());
        live.disableProperty().bind(session.viewedProperty().isNull());
        fork.disableProperty().bind(session.viewedProperty().isNull());
        Label time = new Label("Time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(time, holder, where, live, fork);
        session.viewedProperty().addListener(o -> redraw());
        timer = FxTicker.every(200, now -> refresh());
        timer.start();
    }

    /** Pulls the timeline (cheap: a copy of the list) and redraws when it or the shown moment changed. */
    private void refresh() {
        List<Snapshot> s = session.trainer().timeline().snapshots();
        Snapshot shown = session.shown();
        long lastStep = s.isEmpty() ? -1 : s.get(s.size() - 1).step();
        if (s.size() != drawnSize || lastStep != drawnLast || shown != drawnShown) {
            ticks = s;
            redraw();
        }
    }

    /** The previous (-1) or next (+1) snapshot from the one shown; past the newest goes live. */
    public void move(int direction) {
        List<Snapshot> s = session.trainer().timeline().snapshots();
        Snapshot shown = session.shown();
        if (s.isEmpty() || shown == null || (session.live() && direction > 0)) {
            return;
        }
        if (session.live()) {
            Snapshot before = null;
            for (Snapshot t : s) {
                if (t.step() < shown.step()) {
                    before = t;
                }
            }
            if (before != null) {
                session.view(before);
            }
            return;
        }
        int j = indexAtOrBefore(s, shown.step()) + direction;
        session.view(j >= s.size() ? null : s.get(Math.max(0, j)));
    }

    public void first() {
        List<Snapshot> s = session.trainer().timeline().snapshots();
        if (!s.isEmpty()) {
            session.view(s.get(0));
        }
    }

    public void toLive() {
        session.view(null);
    }

    private static int indexAtOrBefore(List<Snapshot> s, long step) {
        int i = 0;
        while (i + 1 < s.size() && s.get(i + 1).step() <= step) {
            i++;
        }
        return i;
    }

    private void scrubTo(double x) {
        List<Snapshot> s = session.trainer().timeline().snapshots();
        if (s.isEmpty()) {
            return;
        }
        double target = unmap(x, s);
        Snapshot best = s.get(0);
        for (Snapshot t : s) {
            if (Math.abs(Math.log1p(t.step()) - target) < Math.abs(Math.log1p(best.step()) - target)) {
                best = t;
            }
        }
        session.view(best);
    }

    private double maxLog(List<Snapshot> s) {
        Snapshot latest = session.trainer().latest();
        long max = Math.max(s.isEmpty() ? 1 : s.get(s.size() - 1).step(), latest == null ? 1 : latest.step());
        return Math.log1p(Math.max(max, 10));
    }

    private double map(long step, List<Snapshot> s) {
        double w = canvas.getWidth() - 2 * PAD;
        return PAD + w * Math.log1p(step) / maxLog(s);
    }

    private double unmap(double x, List<Snapshot> s) {
        double w = canvas.getWidth() - 2 * PAD;
        return Math.max(0, (x - PAD) / w) * maxLog(s);
    }

    private void redraw() {
        Snapshot shown = session.shown();
        drawnSize = ticks.size();
        drawnLast = ticks.isEmpty() ? -1 : ticks.get(ticks.size() - 1).step();
        drawnShown = shown;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double axisY = 12;
        g.setStroke(Color.web("#9aa0a6"));
        g.setLineWidth(1);
        g.strokeLine(PAD, axisY, w - PAD, axisY);
        g.setStroke(Color.web("#5f6b7a", 0.3)); // 64 ticks an octave: light, or they merge into a bar
        for (Snapshot t : ticks) {
            double x = Math.round(map(t.step(), ticks)) + 0.5;
            g.strokeLine(x, axisY - 4, x, axisY + 4);
        }
        g.setFill(Color.web("#5f6b7a"));
        // grows with the window's type (presentation mode) as far as the 34 px strip has room
        g.setFont(Font.font(Math.min(14, 10 * where.getFont().getSize() / 13)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double maxLog = maxLog(ticks);
        for (long d = 1; Math.log1p(d) <= maxLog + 1e-9; d *= 10) {
            double x = map(d, ticks);
            g.strokeLine(x, axisY + 4, x, axisY + 7);
            g.setStroke(Color.web("#5f6b7a"));
            g.fillText(decade(d), x, axisY + 8);
        }
        if (shown != null) {
            double x = map(shown.step(), ticks);
            g.setFill(session.live() ? Color.web("#2e7d32") : Color.web("#1565c0"));
            g.fillOval(x - 6, axisY - 6, 12, 12);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(x - 6, axisY - 6, 12, 12);
            where.setText(session.live() ? "step " + shown.step() + " (live)"
                    : String.format(Locale.ROOT, "step %d of %d", shown.step(),
                            session.trainer().latest() == null ? shown.step() : session.trainer().latest().step()));
        } else {
            where.setText("no snapshot yet");
        }
    }

    private static String decade(long d) {
        return d >= 1_000_000 ? d / 1_000_000 + "M" : d >= 1000 ? d / 1000 + "k" : Long.toString(d);
    }

    private void confirmFork() {
        Snapshot s = session.viewedProperty().get();
        if (s == null) {
            return;
        }
        Snapshot latest = session.trainer().latest();
        if (latest != null && latest.step() > s.step() && !Boolean.getBoolean("marginscope.noConfirm")) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Train on from step " + s.step() + "? Steps "
                    + (s.step() + 1) + " to " + latest.step() + " of this run will be discarded.",
                    ButtonType.OK, ButtonType.CANCEL);
            a.setHeaderText("Continue from here");
            if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        session.continueFromViewed();
    }

    public void dispose() {
        timer.stop();
    }
}
