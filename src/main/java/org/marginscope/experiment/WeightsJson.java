package org.marginscope.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginscope.data.AtomicFiles;
import org.marginscope.model.LayerSpec;
import org.marginscope.model.NetworkSpec;
import org.marginscope.model.Parameters;

/**
 * A network's spec and weights as plain JSON for scripts (docs/cli.md, `run --out`'s weights.json):
 * {@code {"layers": [{"activation": {"kind", "param"}, "weights": in x out rows, "biases": [...]}, ...],
 * "input_dim": d, "append_constant_input": bool}}. The first layer's rows are the inputs, then the constant
 * input where one is appended; a layer without bias has zero biases. Non-finite numbers are written as null.
 */
public final class WeightsJson {
    private WeightsJson() {
    }

    public static Map<String, Object> of(NetworkSpec spec, Parameters p) {
        if (p.layers() != spec.layers().size()) {
            throw new IllegalArgumentException("the parameters have " + p.layers() + " layers, the spec "
                    + spec.layers().size());
        }
        List<Object> layers = new ArrayList<>();
        for (int k = 0; k < p.layers(); k++) {
            LayerSpec l = spec.layers().get(k);
            Map<String, Object> activation = new LinkedHashMap<>();
            activation.put("kind", l.activation().kind().id());
            activation.put("param", l.activation().param());
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < p.in(k); i++) {
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < p.out(k); j++) {
                    row.add(finite(p.weight(k, i, j)));
                }
                rows.add(row);
            }
            List<Double> biases = new ArrayList<>();
            for (int j = 0; j < p.out(k); j++) {
                biases.add(finite(p.bias(k, j)));
            }
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("activation", activation);
            layer.put("weights", rows);
            layer.put("biases", biases);
            layers.add(layer);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers);
        m.put("input_dim", spec.inputDim());
        m.put("append_constant_input", spec.appendConstantInput());
        return m;
    }

    /** Written atomically. */
    public static void write(NetworkSpec spec, Parameters p, Path file) throws IOException {
        Map<String, Object> m = of(spec, p);
        AtomicFiles.write(file, out -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, m));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
