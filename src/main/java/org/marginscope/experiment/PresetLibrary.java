package org.marginscope.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in presets (listed in presets/index.txt beside them) and presets read from files. */
public final class PresetLibrary {
    private static final String DIR = "/org/marginscope/presets/";
    private static List<Preset> builtIn;

    private PresetLibrary() {
    }

    public static synchronized List<Preset> builtIn() {
        if (builtIn == null) {
            List<Preset> list = new ArrayList<>();
            for (String name : index()) {
                list.add(load(name));
            }
            builtIn = List.copyOf(list);
        }
        return builtIn;
    }

    /** The built-in preset of that name; reads only its own file when the others are not loaded yet (a run's start). */
    public static Preset byName(String name) {
        synchronized (PresetLibrary.class) {
            if (builtIn == null && index().contains(name)) {
                return load(name);
            }
        }
        for (Preset p : builtIn()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = builtIn().stream().map(Preset::name).toList();
        throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + String.join(", ", names));
    }

    /** Reads a preset (or run configuration) from a JSON file; errors name the file, line and column. */
    public static Preset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.MAPPER.readValue(in, Preset.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + Json.describe(e), e);
        }
    }

    private static List<String> index() {
        return Json.index(DIR + "index.txt");
    }

    private static Preset load(String name) {
        try (InputStream in = PresetLibrary.class.getResourceAsStream(DIR + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is listed but missing");
            }
            Preset p = Json.MAPPER.readValue(in, Preset.class);
            if (!p.name().equals(name)) {
                throw new IllegalStateException("preset file " + name + ".json names itself " + p.name());
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("built-in preset " + name + " is broken: " + e.getMessage(), e);
        }
    }
}
