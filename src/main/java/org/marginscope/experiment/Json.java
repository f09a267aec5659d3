package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The project's one configured Jackson mapper. Reading is strict: unknown fields, duplicate keys, null for a
 * number and anything after the JSON value are errors, and the parser's limits are set here (not left to
 * Jackson's defaults) so that the messages can name them.
 */
public final class Json {
    /** Deeper than any real file nests (a project's deepest value is about ten levels down). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** A double needs at most 24 characters; a longer number is damage, not data. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The base64 text of the largest array of float64 weights a network may have (8 bytes each, 4 chars per 3). */
    public static final int MAX_STRING_LENGTH =
            (int) ((org.marginscope.model.NetworkSpec.MAX_PARAMETERS * 8 + 2) / 3 * 4);

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    private Json() {
    }

    /**
     * Where and what a JSON error is, for a message after the file name: ", line L, column C: what".
     * A record's own check (an IllegalArgumentException) is reported in its words, not Jackson's.
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : ", " + JsonProblems.position(e.getLocation());
        return where + ": " + JsonProblems.explain(e);
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
