package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged variants of a real saved project: each is refused with a clean sentence (naming the file and the
 * problem, no exception class or Jackson wording, no "null"), or (only where the damage can leave a valid
 * file) opens; never any other exception.
 */
class ProjectDamageTest {
    private static final Pattern RAW = Pattern.compile("\\b(java|javax|com|org)\\.[a-z]|[A-Za-z](Exception|Error)\\b"
            + "|\\$|`|\\[Source|\\(code \\d|Jackson|[Dd]eserializ|Unexpected|Unrecognized|StreamRead|\\bnull\\b");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** Parts a file may leave empty: the training settings (all defaults), the timeline, a snapshot's norms. */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of("/training", "/timeline",
            "/timeline/0/weightNorms");

    @TempDir
    static Path dir;
    private static String json;
    private static String canonical;

    @BeforeAll
    static void saveARealProject() throws IOException {
        Path good = dir.resolve("good.msproj");
        ProjectFile.write(ProjectFileTest.trained("li-blob-small-net", 12), good);
        json = Files.readString(good);
        canonical = Json.MAPPER.writeValueAsString(ProjectFile.read(good));
    }

    /** The project the bytes open as, or null when refused cleanly; any other outcome fails the test. */
    private static Project outcome(String variant, byte[] bytes) {
        Path f = dir.resolve("damaged.msproj");
        try {
            Files.write(f, bytes);
            return outcome(variant, f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Project outcome(String variant, Path f) {
        try {
            return ProjectFile.read(f);
        } catch (ProjectFileException e) {
            assertClean(variant, f, e.getMessage());
            return null;
        } catch (Throwable t) {
            fail(variant + ": " + t, t);
            return null;
        }
    }

    static void assertClean(String variant, Path f, String m) {
        assertNotNull(m, variant);
        assertTrue(m.contains(f.getFileName().toString()), variant + ": names the file: " + m);
        assertTrue(m.contains("damaged") || m.contains("not a MarginScope project") || m.contains("project format"),
                variant + ": names the problem: " + m);
        assertTrue(!RAW.matcher(m).find(), variant + ": no raw exception text: " + m);
        assertTrue(m.length() < 400, variant + ": a sentence, not a dump: " + m.length() + " chars");
    }

    private static String refused(String variant, String text) {
        return refused(variant, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String variant, byte[] bytes) {
        Path f = dir.resolve("damaged.msproj");
        Project p = outcome(variant, bytes);
        assertTrue(p == null, variant + " must be refused");
        try {
            ProjectFile.read(f);
            return "";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static void refusedSaying(String variant, String text, String... words) {
        refusedSaying(variant, text.getBytes(StandardCharsets.UTF_8), words);
    }

    private static void refusedSaying(String variant, byte[] bytes, String... words) {
        String m = refused(variant, bytes);
        for (String w : words) {
            assertTrue(m.contains(w), variant + ": the message names " + w + ": " + m);
        }
    }

    @Test
    void theUndamagedFileOpensEqual() throws IOException {
        Project p = outcome("the original", json.getBytes(StandardCharsets.UTF_8));
        assertNotNull(p);
        assertEquals(canonical, Json.MAPPER.writeValueAsString(p));
        assertEquals(canonical, Json.MAPPER.writeValueAsString(outcome("a trailing comment", (json + "\n// ok\n")
                .getBytes(StandardCharsets.UTF_8))), "comments are allowed, and change nothing");
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] all = json.getBytes(StandardCharsets.UTF_8);
        int end = json.lastIndexOf('}');
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cuts.add(i);
            cuts.add(end - i);
            cuts.add((int) ((long) end * i / 300));
        }
        for (int cut : cuts) {
            refused("cut at byte " + cut, Arrays.copyOf(all, cut));
        }
    }

    @Test
    void byteFlipsAreRefusedOrHarmless() throws IOException {
        byte[] all = json.getBytes(StandardCharsets.UTF_8);
        boolean[] inString = inStrings(json);
        byte[] into = {'{', '}', '[', ']', ',', ':', '"', '\\', 'x', 0, (byte) 0xFF};
        Random r = new Random(23);
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            int at = r.nextInt(all.length);
            byte b = into[r.nextInt(into.length)];
            if (all[at] == b) {
                continue;
            }
            byte[] flipped = all.clone();
            flipped[at] = b;
            String variant = "byte " + at + " ('" + (char) all[at] + "') set to " + (b & 0xFF);
            Project p = outcome(variant, flipped);
            if (p == null) {
                refused++;
            } else if (!inString[at]) {
                // outside a text value no such byte leaves a different valid project
                assertEquals(canonical, Json.MAPPER.writeValueAsString(p), variant);
            }
        }
        assertTrue(refused > 500, "nearly every flip breaks the file: " + refused);
    }

    /** Which characters lie inside a JSON string (quotes included). */
    private static boolean[] inStrings(String s) {
        boolean[] in = new boolean[s.length()];
        boolean on = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                on = !on;
                in[i] = true;
            } else {
                in[i] = on;
            }
        }
        return in;
    }

    @Test
    void deepNestingIsRefusedNamingTheLimit() {
        for (int depth : new int[] {Json.MAX_NESTING_DEPTH + 1, 1_001, 100_000}) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            refusedSaying("arrays " + depth + " deep", json.replace("\"preset\" : \"li-blob-small-net\"",
                    "\"preset\" : " + arrays), "nested", String.valueOf(Json.MAX_NESTING_DEPTH), "line");
            refusedSaying("objects " + depth + " deep, unclosed", "{\"a\":".repeat(depth), "nested", "line");
        }
    }

    @Test
    void hugeStringsAreRefusedNamingTheLimit() throws IOException {
        refusedSaying("a 20M-character data name", json.replace("\"name\" : \"", "\"name\" : \""
                + "n".repeat(20_000_000)), "1,000");
        // a text over the parser's limit, written in pieces so the test does not hold it
        Path f = dir.resolve("damaged.msproj");
        int cut = json.indexOf("\"weights\" : [ \"") + "\"weights\" : [ \"".length();
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(json.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (long n = 0; n <= Json.MAX_STRING_LENGTH; n += chunk.length) {
                out.write(chunk);
            }
            out.write(json.substring(cut).getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(outcome("a text over the parser's limit", f) == null);
        String m = org.junit.jupiter.api.Assertions.assertThrows(ProjectFileException.class, () -> ProjectFile.read(f))
                .getMessage();
        assertTrue(m.contains(JsonProblems.count(Json.MAX_STRING_LENGTH)) && m.contains("line"), m);
    }

    @Test
    void hugeNumbersAreRefused() {
        String digits = "7".repeat(1_000);
        refusedSaying("a 1,000-digit learning rate", json.replaceFirst("\"learningRate\" : [0-9.Ee-]+",
                "\"learningRate\" : " + digits), "number", String.valueOf(Json.MAX_NUMBER_LENGTH));
        refusedSaying("a 1,000-digit coordinate", json.replaceFirst("\"trainX\" : \\[ ", "\"trainX\" : [ 0." + digits
                + ", "), "number");
        refused("a step beyond a long", json.replaceFirst("\"step\" : \\d+", "\"step\" : 99999999999999999999"));
        refused("a width beyond an int", json.replaceFirst("\"width\" : \\d+", "\"width\" : 99999999999"));
        refused("an infinite learning rate", json.replaceFirst("\"learningRate\" : [0-9.Ee-]+", "\"learningRate\" : 1e400"));
        refused("an infinite coordinate", json.replaceFirst("\"trainX\" : \\[ ", "\"trainX\" : [ -1e999, "));
    }

    @Test
    void trailingGarbageIsRefused() {
        for (String tail : List.of("x", "}", "]", ",", "1", "{}", "{\"format\" : 1}", "\"more\"", "\u0000")) {
            refused("followed by " + tail, json + "\n" + tail);
        }
        refused("a duplicate key", json.replaceFirst("\\{", "{ \"format\" : 1,"));
        refused("an unknown field", json.replaceFirst("\\{", "{ \"colour\" : \"red\","));
    }

    @Test
    void wrongTypesAreRefused() throws IOException {
        JsonNode[] wrong = {NODES.textNode("fast"), NODES.objectNode(), NODES.arrayNode(), NODES.booleanNode(true),
            NODES.nullNode(), NODES.numberNode(2.5)};
        String[] at = {"/format", "/data", "/data/dim", "/data/trainX", "/data/trainY", "/data/classNames",
            "/network/inputDim", "/network/layers", "/network/layers/0", "/network/layers/0/width",
            "/network/layers/0/activation", "/network/layers/0/activation/kind", "/training",
            "/training/learningRate", "/training/loss", "/current/in", "/current/weights", "/current/weights/0",
            "/current/step", "/timeline", "/timeline/0/weightNorms", "/timeline/0/seconds", "/view/show-svm"};
        JsonNode saved = PLAIN.readTree(json);
        int n = 0;
        for (String pointer : at) {
            JsonNode was = saved.at(pointer);
            for (JsonNode w : wrong) {
                // null means "missing: the default"; a value of the same kind, or an empty optional part, is no damage
                boolean sameKind = w.getNodeType() == was.getNodeType();
                boolean fits = w.isNull() || sameKind && !w.isContainerNode()
                        || sameKind && w.isEmpty() && OPTIONAL.contains(pointer);
                Project p = outcome(pointer + " = " + w, with(pointer, w));
                assertTrue(p == null || fits, pointer + " = " + w + " must be refused");
                n += p == null ? 1 : 0;
            }
        }
        assertTrue(n > 100, "refused " + n);
    }

    @Test
    void valuesThatMakeNoSenseAreRefused() throws IOException {
        String[][] cases = {
            {"/network/layers/0/width", "0"}, {"/network/layers/0/width", "-3"},
            {"/training/learningRate", "-0.1"}, {"/training/learningRate", "\"NaN\""},
            {"/training/momentum", "\"Infinity\""}, {"/training/batchSize", "-1"},
            {"/training/epsilon", "\"Infinity\""}, {"/training/layers", "[{\"maxRowNorm\": \"Infinity\"}]"}, {"/timeline/0/seconds", "-1"}, {"/timeline/0/seconds", "\"NaN\""},
            {"/timeline/0/trainAccuracy", "1.5"}, {"/timeline/0/loss", "-2"}, {"/timeline/0/weightNorms/0", "-1"},
            {"/timeline/0/weightNorms", "[1]"}, {"/timeline/0/decisionOffset", "\"Infinity\""},
            {"/current/step", "-5"}, {"/current/in/0", "0"}, {"/current/out/1", "-32"},
            {"/current/weights/0", "\"AAAAAAAAAAA=\""}, {"/current/weights/0", "\"@@@@\""},
            {"/current/biases/0", "\"AAAAAAAAAAA=\""}, {"/data/trainY/0", "7"}, {"/data/trainY/0", "-1"},
            {"/data/dim", "3"}, {"/data/classNames", "[\"a\", \"b\", \"c\"]"}, {"/data/trainX/0", "\"NaN\""},
            {"/timeline/2/parameters/step", "0"}, {"/network/layers/1/biasInit", "\"NaN\""},
            {"/network/inputDim", "1000000"}};
        for (String[] c : cases) {
            byte[] bytes = with(c[0], PLAIN.readTree(c[1]));
            String m = refused(c[0] + " = " + c[1], bytes);
            assertTrue(m.contains("damaged"), m);
        }
        refused("a weight array that is not base64", json.replaceFirst("(\"weights\" : \\[ \")(.)", "$1@"));
        refused("the biases of a layer that has them removed", with("/current/biases/0", NODES.nullNode()));
        refusedSaying("no training points", with("/data/trainY", NODES.arrayNode(), "/data/trainX", NODES.arrayNode()),
                "no training points");
    }

    @Test
    void aNetworkTooLargeToTrainIsRefusedNamingTheLimit() throws IOException {
        for (long width : new long[] {1_000_000_000, 50_000_000, Integer.MAX_VALUE, 100_001}) {
            String m = refused("width " + width, with("/network/layers/0/width", NODES.numberNode(width)));
            assertTrue(m.contains("100,000") && m.contains(String.valueOf(width)), m);
        }
        ArrayNode layers = (ArrayNode) PLAIN.readTree("[{\"width\": 4000, \"activation\": {\"kind\": \"relu\"}},"
                + "{\"width\": 4000, \"activation\": {\"kind\": \"relu\"}}, {\"width\": 1, \"activation\": {\"kind\": \"linear\"}}]");
        String m = refused("2-4000-4000-1", with("/network/layers", layers));
        assertTrue(m.contains("10,000,000") && m.contains("2-4000-4000-1"), m);
    }

    /** The saved project with the values at these JSON pointers replaced. */
    private static byte[] with(Object... pointerValue) throws IOException {
        ObjectNode root = (ObjectNode) PLAIN.readTree(json);
        for (int i = 0; i < pointerValue.length; i += 2) {
            JsonPointer p = JsonPointer.compile((String) pointerValue[i]);
            JsonNode parent = root.at(p.head());
            JsonNode v = (JsonNode) pointerValue[i + 1];
            if (parent instanceof ArrayNode a) {
                a.set(p.last().getMatchingIndex(), v);
            } else {
                ((ObjectNode) parent).set(p.last().getMatchingProperty(), v);
            }
        }
        return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }
}
