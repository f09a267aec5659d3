package org.marginscope.ui.window;

import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.marginscope.ui.Session;
import org.marginscope.ui.Theme;

/**
 * Presentation mode: full screen, the views and the tour only (menus, toolbar, side panels and status
 * bar folded away), larger type, markers and lines. It also applies the theme, whose look depends on it.
 */
public final class PresentationMode {
    private final BooleanProperty on;
    private final ObjectProperty<Theme> theme;
    private final Stage stage;
    private final Scene scene;
    private final BorderPane root;
    private final Node top, bottom, side;
    private final SplitPane main;
    /** Scales the views' type, markers and lines. */
    private final DoubleConsumer scale;
    private final Session session;
    /** Esc left full screen: leave presentation mode with it (removed on close: the stage outlives the window in tests). */
    private final ChangeListener<Boolean> fullScreenLeft;
    /** Where the window was before presentation mode took the whole screen. */
    private Rectangle2D windowedBounds;

    /** {@code top} and {@code bottom} fold away from the root, {@code side} from the {@code main} split. */
    public PresentationMode(BooleanProperty on, ObjectProperty<Theme> theme, Stage stage, Scene scene, Node top, Node bottom,
                     SplitPane main, Node side, DoubleConsumer scale, Session session) {
        this.on = on;
        this.theme = theme;
        this.stage = stage;
        this.scene = scene;
        this.root = (BorderPane) scene.getRoot();
        this.top = top;
        this.bottom = bottom;
        this.main = main;
        this.side = side;
        this.scale = scale;
        this.session = session;
        theme.get().applyTo(scene, false);
        theme.addListener((o, a, b) -> {
            b.applyTo(scene, on.get());
            b.save();
        });
        on.addListener((o, a, b) -> apply(b));
        fullScreenLeft = (o, a, b) -> {
            if (!b && on.get()) {
                on.set(false);
            }
        };
        stage.fullScreenProperty().addListener(fullScreenLeft);
        stage.setFullScreenExitHint("F11 or Esc leaves presentation mode");
    }

    private void apply(boolean present) {
        theme.get().applyTo(scene, present);
        root.setTop(present ? null : top);
        root.setBottom(present ? null : bottom);
        if (present) {
            main.getItems().remove(side);
        } else if (!main.getItems().contains(side)) {
            main.getItems().add(0, side);
            main.setDividerPositions(0.28);
        }
        scale.accept(present ? 1.8 : 1);
        if (!Boolean.getBoolean("marginscope.windowedPresentation")) { // tests measure it at a set window size
            if (present) {
                // the whole screen also where full screen is refused (no window manager, some X servers)
                windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
                Rectangle2D screen = Screen.getScreensForRectangle(windowedBounds).stream()
                        .findFirst().orElse(Screen.getPrimary()).getBounds();
                place(screen);
            }
            stage.setFullScreen(present);
            if (!present && windowedBounds != null) {
                place(windowedBounds);
            }
        }
        session.messageProperty().set(present ? "Presentation mode: F11 or Esc to leave" : "");
    }

    private void place(Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }

    public void close() {
        stage.fullScreenProperty().removeListener(fullScreenLeft);
    }
}
