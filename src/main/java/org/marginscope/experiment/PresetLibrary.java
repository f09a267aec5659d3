package org.marginscope.experiment;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    public static Preset byName(String name) {
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
        } catch (JsonMappingException e) {
            throw new IOException(file + describe(e), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + describe(e), e);
        }
    }

    private static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        return where + ": " + msg;
    }

    private static List<String> index() {
        try (InputStream in = PresetLibrary.class.getResourceAsStream(DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("preset index missing from the build");
            }
            List<String> names = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
