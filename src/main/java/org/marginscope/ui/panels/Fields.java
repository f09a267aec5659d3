package org.marginscope.ui.panels;

import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** Small helpers for validated input fields: bad input is marked and never applied. */
public final class Fields {
    private Fields() {
    }

    /**
     * A text field for a number: applied on Enter or focus loss when it parses and passes the check;
     * otherwise marked red with the reason in its tooltip, and the old value stays in force.
     */
    static TextField number(double initial, DoublePredicate valid, String rule, DoubleConsumer apply) {
        TextField f = new TextField(format(initial));
        f.setPrefColumnCount(7);
        Tooltip tip = new Tooltip(rule);
        f.setTooltip(tip);
        Runnable commit = () -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                if (!Double.isFinite(v) || !valid.test(v)) {
                    throw new NumberFormatException();
                }
                f.getStyleClass().remove("invalid");
                tip.setText(rule);
                apply.accept(v);
            } catch (NumberFormatException e) {
                if (!f.getStyleClass().contains("invalid")) {
                    f.getStyleClass().add("invalid");
                }
                tip.setText("'" + f.getText() + "' is not valid: " + rule);
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return f;
    }

    /** Shows an enum by a readable name: its lower-case constant with spaces (cross entropy, leaky relu). */
    static <E extends Enum<E>> void readable(javafx.scene.control.ComboBox<E> box) {
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
