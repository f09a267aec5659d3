package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's final metrics as one line of JSON (what {@code run} prints last on stdout and writes as
 * {@code final.json}); NaN and infinities become null, as JSON has no such numbers.
 */
public final class MetricsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    public static String line(Map<String, ?> values) {
        try {
            return MAPPER.writeValueAsString(clean(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Maps, lists, arrays and numbers with every non-finite double replaced by null. */
    public static Object clean(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double d : a) {
                l.add(clean(d));
            }
            return l;
        }
        if (v instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            for (Object o : list) {
                l.add(clean(o));
            }
            return l;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, val) -> m.put(String.valueOf(k), clean(val)));
            return m;
        }
        return v;
    }
}
