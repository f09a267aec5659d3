package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum OptimiserKind {
    /** Plain gradient descent; full-batch when the batch size is 0, SGD otherwise. */
    GD("gd"),
    /** Heavy-ball momentum: v = mu v + g, w -= lr v. */
    MOMENTUM("momentum"),
    ADAM("adam");

    private final String id;

    OptimiserKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static OptimiserKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        if (k.equals("sgd")) {
            return GD;
        }
        for (OptimiserKind o : values()) {
            if (o.id.equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimiser '" + s + "'; known: gd, sgd, momentum, adam");
    }
}
