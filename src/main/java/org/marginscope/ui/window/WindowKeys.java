package org.marginscope.ui.window;

import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.marginscope.ui.Session;
import org.marginscope.ui.tour.TourHost;
import org.marginscope.ui.views.BoundaryView;
import org.marginscope.ui.views.TimelineScrubber;

/** The main window's single-key bindings, as data: Help &gt; Keyboard shortcuts lists exactly these. */
public final class WindowKeys {
    /** Keys for the window, not for typing or for the menus' accelerators. */
    private static final Predicate<KeyEvent> FREE = e -> !(e.getTarget() instanceof TextInputControl)
            && !e.isShortcutDown() && !e.isAltDown();
    // sliders, combo boxes, spinners and lists use the arrows, Home and End themselves
    private static final Predicate<KeyEvent> ARROWS_FREE = e -> FREE.test(e)
            && !(e.getTarget() instanceof Slider || e.getTarget() instanceof ComboBoxBase
            || e.getTarget() instanceof Spinner || e.getTarget() instanceof ListView);

    private WindowKeys() {
    }

    public static void install(KeyBindings keys, Scene scene, BooleanProperty presentation, TourHost tours,
                        TimelineScrubber scrubber, MainToolBar toolbar, Session session, BoundaryView view) {
        keys.add("F11", "presentation mode on / off", key(KeyCode.F11, e -> !e.isShortcutDown()),
                () -> presentation.set(!presentation.get()));
        keys.add("Esc", "leave presentation mode", "in presentation mode", key(KeyCode.ESCAPE, e -> true),
                () -> {
                    if (!presentation.get()) {
                        return false;
                    }
                    presentation.set(false);
                    return true;
                });
        keys.add("Page Down", "next tour step", "while a tour is open", key(KeyCode.PAGE_DOWN, FREE),
                () -> tours.step(1));
        keys.add("Page Up", "previous tour step, as it was", "while a tour is open", key(KeyCode.PAGE_UP, FREE),
                () -> tours.step(-1));
        keys.add("Right", "next tour step", "while a tour is open", key(KeyCode.RIGHT, ARROWS_FREE),
                () -> tours.step(1));
        keys.add("Left", "previous tour step, as it was", "while a tour is open", key(KeyCode.LEFT, ARROWS_FREE),
                () -> tours.step(-1));
        keys.add("Left", "previous snapshot (scrub back)", key(KeyCode.LEFT, ARROWS_FREE), () -> scrubber.move(-1));
        keys.add("Right", "next snapshot (scrub forward)", key(KeyCode.RIGHT, ARROWS_FREE), () -> scrubber.move(1));
        keys.add("Home", "first snapshot", key(KeyCode.HOME, ARROWS_FREE), scrubber::first);
        keys.add("End", "back to live", key(KeyCode.END, ARROWS_FREE), scrubber::toLive);
        keys.add("Space", "play / pause", key(KeyCode.SPACE, FREE), toolbar::togglePlay);
        keys.add("R", "reset the model (new random weights)", key(KeyCode.R, FREE), session::reset);
        keys.add("S", "one training step", key(KeyCode.S, e -> FREE.test(e) && !e.isShiftDown()),
                () -> session.trainer().step(1));
        keys.add("Shift+S", "ten training steps", key(KeyCode.S, e -> FREE.test(e) && e.isShiftDown()),
                () -> session.trainer().step(10));
        keys.add("A", "tool: add points", key(KeyCode.A, FREE), () -> view.toolProperty().set(BoundaryView.Tool.ADD));
        keys.add("E", "tool: erase points", key(KeyCode.E, FREE),
                () -> view.toolProperty().set(BoundaryView.Tool.ERASE));
        keys.add("M", "tool: move points (drag one)", key(KeyCode.M, FREE),
                () -> view.toolProperty().set(BoundaryView.Tool.MOVE));
        keys.add("1 .. 8", "the class new points get", "", e -> FREE.test(e) && classOf(e.getCode()) >= 0, e -> {
            view.selectedClassProperty().set(classOf(e.getCode()));
            return true;
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::handle);
    }

    private static Predicate<KeyEvent> key(KeyCode k, Predicate<KeyEvent> guard) {
        return e -> e.getCode() == k && guard.test(e);
    }

    /** 0..7 for the keys 1..8 (main row or keypad), else -1. */
    private static int classOf(KeyCode k) {
        return switch (k) {
            case DIGIT1, NUMPAD1 -> 0;
            case DIGIT2, NUMPAD2 -> 1;
            case DIGIT3, NUMPAD3 -> 2;
            case DIGIT4, NUMPAD4 -> 3;
            case DIGIT5, NUMPAD5 -> 4;
            case DIGIT6, NUMPAD6 -> 5;
            case DIGIT7, NUMPAD7 -> 6;
            case DIGIT8, NUMPAD8 -> 7;
            default -> -1;
        };
    }
}
