package org.marginscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the CSV reader: mutated valid files must either be refused with a message naming
 * line and column (or a whole-file reason), or read exactly as {@link Reference} - a second, plain
 * parser of the grammar in docs/datasets.md - reads them. Both must agree on accepting.
 */
class CsvFuzzTest {
    static final int INPUTS = 150_000;

    private static final String[] SEEDS = {
        "1,2,0\n3,4,1\n5.5,-6e-1,1\n",
        "x,y,label\n1,2,0\n3,4,1\n0.5,0.25,0\n",
        "f1,f2,f3,species\n1,2,3,cat\n4,5,6,dog\n7,8,9,cat\n1,1,1,emu\n",
        "0,0,-1\n1,1,1\n2,2,-1\n",
        "150,3,setosa,versicolor,virginica\n5.1,3.5,1.4,0\n4.9,3.0,1.4,1\n6.2,3.4,5.4,2\n",
        "x,y,label,split\n1.0,2.0,a,train\n3.0,4.0,b,test\n5.0,6.0,a,train\n7.0,8.0,b,train\n",
        "\"1.5\",\"2\",\"0\"\n\"3\",\"4.25\",\"1\"\n",
        "\uFEFFa,b,class\r\n1,2,0\r\n\r\n3,4,1\r\n",
        "0,1,label\n1,2,0\n3,4,1\n",
        "1e3,-2E-2,+1\n.5,7.,0\n  8 , 9 ,1\n",
    };
    private static final String[] NUMBERS = {"1f", "2.5d", "0x1p3", "1e5f", "NaN", "inf", "Infinity", "-0", "+0",
        "1e400", "1e-400", "1e99999", "007", "1.0", "1.5", ".", "-", "1e", "1,5", "1.2.3", "", " ", "\"1\"", "01"};
    private static final String STRAY = "0123456789.eE+-,;\"' \t\n\r\u0000\uFEFFfdxpLaZ_é\u0001\u007f\u00a0/";

    @Test
    void mutatedCsvsAreRefusedWithAPositionOrReadAsTheReferenceReadsThem() {
        SplittableRandom rnd = new SplittableRandom(20240623);
        int accepted = 0, refused = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            String text = mutate(SEEDS[rnd.nextInt(SEEDS.length)], rnd);
            Dataset want = Reference.parse(text);
            Dataset got;
            try {
                got = CsvDatasetReader.read(new StringReader(text), "fuzz.csv", "fuzz");
            } catch (DatasetFormatException e) {
                checkMessage(e, text);
                if (want != null) {
                    fail("refused what the reference reads: " + e.getMessage() + "\ninput: " + escape(text));
                }
                refused++;
                continue;
            } catch (Throwable e) {
                throw new AssertionError("input " + i + " threw " + e + "\ninput: " + escape(text), e);
            }
            if (want == null) {
                fail("read what the reference refuses: " + escape(text));
            }
            assertSame(want, got, text);
            accepted++;
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "CSV fuzz: %d inputs, %d read, %d refused, %.1f s%n",
                INPUTS, accepted, refused, secs);
        assertTrue(accepted > INPUTS / 20 && refused > INPUTS / 20, "the mutations should give both outcomes");
    }

    private static void checkMessage(DatasetFormatException e, String text) {
        String m = e.getMessage();
        boolean ok = m.startsWith("fuzz.csv")
                && (e.line() == 0 || m.contains(", line " + e.line()))
                && (e.column() == 0 || m.contains(", column " + e.column()))
                && !m.contains("Exception") && !m.contains("java.");
        if (e.line() == 0) {
            ok &= m.contains("empty") || m.contains("no data rows") || m.contains("same class");
        }
        if (!ok) {
            fail("unclear message '" + m + "' for input " + escape(text));
        }
    }

    private static void assertSame(Dataset want, Dataset got, String text) {
        String at = escape(text);
        assertEquals(want.dim(), got.dim(), at);
        assertArrayEquals(want.trainX(), got.trainX(), at);
        assertArrayEquals(want.trainY(), got.trainY(), at);
        assertArrayEquals(want.testX(), got.testX(), at);
        assertArrayEquals(want.testY(), got.testY(), at);
        assertEquals(want.classNames(), got.classNames(), at);
    }

    static String mutate(String seed, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(seed);
        int k = 1 + rnd.nextInt(3);
        for (int m = 0; m < k; m++) {
            int at = s.length() == 0 ? 0 : rnd.nextInt(s.length());
            switch (rnd.nextInt(12)) {
                case 0 -> { // flip one character
                    if (s.length() > 0) {
                        s.setCharAt(at, STRAY.charAt(rnd.nextInt(STRAY.length())));
                    }
                }
                case 1 -> s.insert(at, STRAY.charAt(rnd.nextInt(STRAY.length())));
                case 2 -> replaceField(s, rnd, NUMBERS[rnd.nextInt(NUMBERS.length)]);
                case 3 -> { // decimal commas, ';' between fields
                    String t = s.toString().replace(',', ';').replace('.', ',');
                    s.setLength(0);
                    s.append(t);
                }
                case 4 -> s.insert(at, '\u0000');
                case 5 -> replaceField(s, rnd, (rnd.nextBoolean() ? "1e" : "1e-") + (300 + rnd.nextInt(100)));
                case 6 -> { // drop a field
                    int c = s.indexOf(",", at);
                    if (c >= 0) {
                        int e = s.indexOf(",", c + 1);
                        int nl = s.indexOf("\n", c + 1);
                        s.delete(c, e < 0 || (nl >= 0 && nl < e) ? (nl < 0 ? s.length() : nl) : e);
                    }
                }
                case 7 -> s.insert(lineStart(s, at), rnd.nextBoolean() ? "\n" : "  \t\n");
                case 8 -> s.insert(0, '\uFEFF');
                case 9 -> {
                    String t = s.toString().replace("\r\n", "\n").replace("\n", rnd.nextBoolean() ? "\r\n" : "\r");
                    s.setLength(0);
                    s.append(t);
                }
                case 10 -> s.setLength(at); // truncate
                default -> { // duplicate a line, so classes and header rules meet more rows
                    int a = lineStart(s, at);
                    int e = s.indexOf("\n", a);
                    String line = e < 0 ? s.substring(a) + "\n" : s.substring(a, e + 1);
                    s.insert(a, line);
                }
            }
        }
        return s.toString();
    }

    private static int lineStart(StringBuilder s, int at) {
        int nl = s.lastIndexOf("\n", Math.max(0, at - 1));
        return at == 0 || nl < 0 ? 0 : nl + 1;
    }

    private static void replaceField(StringBuilder s, SplittableRandom rnd, String with) {
        Matcher m = Pattern.compile("[^,\n\r]+").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (!spans.isEmpty()) {
            int[] sp = spans.get(rnd.nextInt(spans.size()));
            s.replace(sp[0], sp[1], with);
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c)
                    : String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    /** The grammar of docs/datasets.md written as directly as possible: whole text, regexes, no streaming. */
    static final class Reference {
        static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
        static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{Nd}_.-]*");
        static final Pattern LIKE_NUMBER = Pattern.compile("[+-]?\\.?[0-9].*", Pattern.DOTALL);
        static final Pattern FIELD = Pattern.compile("[ \\t]*+(?:\"([^\"]*)\"[ \\t]*|([^,\"][^,]*)?)(,|\\z)");
        static final List<String> NOT_VALUES = List.of("nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");
        static final List<String> LABEL_WORDS = List.of("label", "class", "y", "target", "labels", "category");

        /** The dataset, or null where the grammar refuses the text. */
        static Dataset parse(String text) {
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f)) {
                return null;
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : text.split("\r\n|\r|\n", -1)) {
                if (line.replace(" ", "").replace("\t", "").isEmpty()) {
                    continue;
                }
                String[] f = line.contains(";") ? null : fields(line);
                if (f == null) {
                    return null;
                }
                rows.add(f);
            }
            if (rows.isEmpty()) {
                return null;
            }
            String[] first = rows.get(0);
            List<String> sk = rows.size() > 1 ? sklearn(first, rows.get(1).length) : null;
            boolean header = sk != null
                    || first.length > 1 && LABEL_WORDS.contains(first[first.length - 1].toLowerCase(Locale.ROOT))
                    || Arrays.stream(first).noneMatch(f -> LIKE_NUMBER.matcher(f).matches());
            List<String[]> data = header ? rows.subList(1, rows.size()) : rows;
            if (data.isEmpty()) {
                return null;
            }
            int cols = data.get(0).length;
            int split = -1;
            if (header && sk == null) {
                if (first.length != cols) {
                    return null;
                }
                for (int c = 0; c < cols; c++) {
                    split = first[c].equalsIgnoreCase("split") ? c : split;
                }
            }
            int label = split == cols - 1 ? cols - 2 : cols - 1;
            int dim = cols - 1 - (split >= 0 ? 1 : 0);
            if (dim < 1) {
                return null;
            }
            List<double[]> trainX = new ArrayList<>(), testX = new ArrayList<>();
            List<String> trainL = new ArrayList<>(), testL = new ArrayList<>(), all = new ArrayList<>();
            for (String[] r : data) {
                if (r.length != cols) {
                    return null;
                }
                double[] x = new double[dim];
                int f = 0;
                for (int c = 0; c < cols; c++) {
                    if (c != label && c != split) {
                        if (!NUMBER.matcher(r[c]).matches() || !Double.isFinite(Double.parseDouble(r[c]))) {
                            return null;
                        }
                        x[f++] = Double.parseDouble(r[c]);
                    }
                }
                String s = split < 0 ? "train" : r[split].toLowerCase(Locale.ROOT);
                if (!s.equals("train") && !s.equals("test")) {
                    return null;
                }
                (s.equals("test") ? testX : trainX).add(x);
                (s.equals("test") ? testL : trainL).add(r[label]);
                all.add(r[label]);
            }
            Map<Object, String> classes = classes(all, sk);
            if (classes == null || classes.size() < 2 || classes.size() > 256) {
                return null;
            }
            List<Object> keys = new ArrayList<>(classes.keySet());
            return new Dataset("fuzz", dim, flat(trainX, dim), ys(trainL, keys), flat(testX, dim), ys(testL, keys),
                    new ArrayList<>(classes.values()), null);
        }

        static String[] fields(String line) {
            List<String> out = new ArrayList<>();
            Matcher m = FIELD.matcher(line);
            int at = 0;
            while (m.find(at) && m.start() == at) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2) == null ? "" : m.group(2).replaceAll("^[ \\t]+|[ \\t]+$", ""));
                if (m.group(3).isEmpty()) {
                    return out.size() > 1024 ? null : out.toArray(new String[0]);
                }
                at = m.end();
            }
            return null;
        }

        static List<String> sklearn(String[] row, int nextWidth) {
            boolean ok = row.length >= 4 && row[0].matches("[0-9]{1,9}") && row[1].matches("[0-9]{1,9}")
                    && Integer.parseInt(row[1]) == nextWidth - 1;
            List<String> names = Arrays.asList(row).subList(Math.min(2, row.length), row.length);
            return ok && names.stream().allMatch(Reference::isName) ? names : null;
        }

        static boolean isName(String s) {
            return NAME.matcher(s).matches() && s.length() <= 64 && !NOT_VALUES.contains(s.toLowerCase(Locale.ROOT));
        }

        /** Class key (Long or String) to class name, in class order; null where a label is refused. */
        static Map<Object, String> classes(List<String> labels, List<String> headerNames) {
            boolean integers = NUMBER.matcher(labels.get(0)).matches();
            TreeMap<Long, String> ints = new TreeMap<>();
            Map<Object, String> names = new LinkedHashMap<>();
            for (String l : labels) {
                if (integers && NUMBER.matcher(l).matches()) {
                    double v = Double.parseDouble(l);
                    if (v != Math.floor(v) || Math.abs(v) > Integer.MAX_VALUE) {
                        return null;
                    }
                    ints.putIfAbsent((long) v, l);
                } else if (!integers && isName(l)) {
                    names.putIfAbsent(l, l);
                } else {
                    return null;
                }
            }
            if (!integers) {
                return headerNames == null ? names : null;
            }
            for (Map.Entry<Long, String> e : ints.entrySet()) {
                if (headerNames != null && (e.getKey() < 0 || e.getKey() >= headerNames.size())) {
                    return null;
                }
                names.put(e.getKey(), headerNames == null ? e.getValue() : headerNames.get((int) (long) e.getKey()));
            }
            return names;
        }

        static double[] flat(List<double[]> rows, int dim) {
            double[] out = new double[rows.size() * dim];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, out, i * dim, dim);
            }
            return out;
        }

        static int[] ys(List<String> labels, List<Object> keys) {
            int[] y = new int[labels.size()];
            for (int i = 0; i < y.length; i++) {
                String l = labels.get(i);
                Object key = NUMBER.matcher(l).matches() ? (Object) (long) Double.parseDouble(l) : l;
                y[i] = keys.indexOf(key);
            }
            return y;
        }
    }
}
