package org.marginscope.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every dataset generator by name. */
public final class Generators {
    private static final Map<String, DatasetGenerator> BY_NAME = new LinkedHashMap<>();

    static {
        for (DatasetGenerator g : List.of(
                new LiGenerators.Plate(),
                LiGenerators.blob(),
                LiGenerators.blob3(),
                new LiGenerators.Sector("sector", "Li Fig 2 Sector: inner quarter disc r<=200 vs ring 300..400 (separable)", 300),
                new LiGenerators.Sector("sector-nonsep",
                        "Li Fig 2 Sector-not-separable: inner quarter disc r<=200 vs ring 240..400", 240),
                new LiGenerators.Moon(),
                GaussianGenerators.narGaussians(),
                new GaussianGenerators.AffineLine(),
                GaussianGenerators.twoPoints(),
                GaussianGenerators.twoPointsFar(),
                new GaussianGenerators.SymmetricGaussians(),
                new GaussianGenerators.AntipodalWithOutlier(),
                new GaussianGenerators.LinearTeacher(),
                new StripGenerator(),
                StripGenerator.wide(),
                new ClassicGenerators.Xor(),
                new ClassicGenerators.Circles(),
                new ClassicGenerators.Spiral())) {
            BY_NAME.put(g.name(), g);
        }
    }

    private Generators() {
    }

    public static List<DatasetGenerator> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
    }

    public static DatasetGenerator byName(String name) {
        DatasetGenerator g = BY_NAME.get(name.trim().toLowerCase());
        if (g == null) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return g;
    }
}
