package org.marginscope.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.nd4j.linalg.api.buffer.DataType;

public enum Dtype {
    FLOAT32("float32", DataType.FLOAT),
    FLOAT64("float64", DataType.DOUBLE);

    private final String id;
    private final DataType nd4j;

    Dtype(String id, DataType nd4j) {
        this.id = id;
        this.nd4j = nd4j;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public DataType nd4j() {
        return nd4j;
    }

    @JsonCreator
    public static Dtype parse(String s) {
        switch (s.trim().toLowerCase()) {
            case "float32":
            case "float":
            case "f32":
                return FLOAT32;
            case "float64":
            case "double":
            case "f64":
                return FLOAT64;
            default:
                throw new IllegalArgumentException("unknown dtype '" + s + "'; use float32 or float64");
        }
    }
}
