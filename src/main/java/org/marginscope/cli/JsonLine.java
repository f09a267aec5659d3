package org.marginscope.cli;

import java.util.Map;
import org.marginscope.experiment.MetricsJson;

/** One-line JSON for stdout; NaN and infinities become null, as JSON has no such numbers. */
public final class JsonLine {
    private JsonLine() {
    }

    public static String of(Map<String, ?> values) {
        return MetricsJson.line(values);
    }
}
