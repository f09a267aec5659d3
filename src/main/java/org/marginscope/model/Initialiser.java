package org.marginscope.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.SplittableRandom;
import org.marginscope.data.Gaussian;

/** How a layer's weights start; every draw is multiplied by the layer's init scale. Biases start at 0. */
public enum Initialiser {
    /** N(0, 1). */
    NORMAL("normal"),
    /** U(-1, 1). */
    UNIFORM("uniform"),
    /** Glorot: N(0, 2/(in+out)). */
    XAVIER("xavier"),
    /** He: N(0, 2/in), the default for ReLU-type layers. */
    HE("he"),
    ZERO("zero");

    private final String id;

    Initialiser(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Initialiser parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Initialiser i : values()) {
            if (i.id.equals(k)) {
                return i;
            }
        }
        if (k.equals("glorot")) {
            return XAVIER;
        }
        throw new IllegalArgumentException("unknown initialiser '" + s + "'; known: normal, uniform, xavier, he, zero");
    }

    /** Fills an in x out weight matrix, row-major. */
    public double[] draw(int in, int out, double scale, SplittableRandom rnd) {
        double[] w = new double[in * out];
        double std;
        switch (this) {
            case ZERO:
                return w;
            case UNIFORM:
                for (int i = 0; i < w.length; i++) {
                    w[i] = scale * (2 * rnd.nextDouble() - 1);
                }
                return w;
            case XAVIER:
                std = Math.sqrt(2.0 / (in + out));
                break;
            case HE:
                std = Math.sqrt(2.0 / in);
                break;
            default:
                std = 1;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = scale * std * Gaussian.draw(rnd);
        }
        return w;
    }
}
