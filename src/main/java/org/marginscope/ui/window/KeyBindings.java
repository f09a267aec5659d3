package org.marginscope.ui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;

/**
 * The window's single-key bindings, kept as data: the key filter runs them and Help > Keyboard
 * shortcuts lists them (with the menus' accelerators), so the help can never drift from the keys.
 */
public final class KeyBindings {
    /**
     * @param keys     the key as the help shows it
     * @param when     the situation the binding is for, as the help says it ("" for always)
     * @param applies  whether this binding takes this key press now
     * @param action   what it does; returns false to let the key through after all
     */
    record Binding(String keys, String description, String when, Predicate<KeyEvent> applies, Predicate<KeyEvent> action) {
    }

    private final List<Binding> bindings = new ArrayList<>();

    void add(String keys, String description, Predicate<KeyEvent> applies, Runnable action) {
        add(keys, description, "", applies, e -> {
            action.run();
            return true;
        });
    }

    /** A binding for a situation: the action returns false when it is not its situation (the key goes on). */
    void add(String keys, String description, String when, Predicate<KeyEvent> applies, BooleanSupplier action) {
        add(keys, description, when, applies, e -> action.getAsBoolean());
    }

    void add(String keys, String description, String when, Predicate<KeyEvent> applies, Predicate<KeyEvent> action) {
        bindings.add(new Binding(keys, description, when, applies, action));
    }

    /** Runs the first binding that takes the key; consumes the event when one did. */
    boolean handle(KeyEvent e) {
        for (Binding b : bindings) {
            if (b.applies().test(e) && b.action().test(e)) {
                e.consume();
                return true;
            }
        }
        return false;
    }

    List<Binding> all() {
        return List.copyOf(bindings);
    }

    /** The help text: every key binding, then every menu item with an accelerator, by menu. */
    String helpText(MenuBar menus) {
        StringBuilder sb = new StringBuilder();
        int width = 0;
        List<String[]> rows = new ArrayList<>();
        String previous = null;
        for (Binding b : bindings) {
            String key = b.keys().equals(previous) ? "" : b.keys();
            rows.add(new String[] {key, b.description() + (b.when().isEmpty() ? "" : " (" + b.when() + ")")});
            previous = b.keys();
        }
        for (Menu m : menus.getMenus()) {
            accelerators(m, m.getText(), rows);
        }
        for (String[] r : rows) {
            width = Math.max(width, r[0].length());
        }
        for (String[] r : rows) {
            sb.append(String.format("%-" + (width + 3) + "s%s%n", r[0], r[1]));
        }
        return sb.toString().stripTrailing();
    }

    private static void accelerators(Menu menu, String path, List<String[]> rows) {
        for (MenuItem mi : menu.getItems()) {
            if (mi instanceof Menu sub) {
                accelerators(sub, path + " > " + sub.getText(), rows);
            } else if (mi.getAccelerator() != null) {
                rows.add(new String[] {mi.getAccelerator().getDisplayText(),
                        path + " > " + mi.getText().replace("\u2026", "")});
            }
        }
    }
}
