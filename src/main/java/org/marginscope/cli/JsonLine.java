package org.marginscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One-line JSON for stdout; NaN and infinities become null, as JSON has no such numbers. */
public final class JsonLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLine() {
    }

    public static String of(Map<String, ?> values) {
        try {
            return MAPPER.writeValueAsString(clean(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object clean(Object v) {
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
