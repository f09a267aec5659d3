package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The project's one configured Jackson mapper. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    private Json() {
    }

    /**
     * Where and what a JSON error is, for a message after the file name: ", line L, column C: what".
     * A record's own check (an IllegalArgumentException) is reported in its words, not Jackson's.
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        return where + ": " + msg;
    }

    /** The names listed in a resource index (one per line; blank lines and # comments skipped). */
    static java.util.List<String> index(String resource) {
        try (java.io.InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
