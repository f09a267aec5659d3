package org.marginscope.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code x,y,label} or {@code f1,...,fd,label} CSV files. A header is optional: the first line
 * is taken as one when a feature column does not hold a number or its last field is a label name
 * such as "label". The scikit-learn header {@code count,features,name0,name1,...} names the classes.
 * A column headed {@code split} with values {@code train}/{@code test} marks the test part. Labels
 * are integers 0..K-1 (kept), other numbers (mapped in numeric order) or any text (in order of first
 * appearance). Rows are parsed while streaming; either the whole file loads or nothing does.
 */
public final class CsvDatasetReader {
    private static final Set<String> LABEL_HEADERS = Set.of("label", "class", "y", "target", "labels", "category");
    private static final int MAX_CLASSES = 256;

    private CsvDatasetReader() {
    }

    public static Dataset read(Path file) throws DatasetFormatException, IOException {
        String source = file.toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, source, baseName(file));
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(source, 0, 0, "file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetFormatException(source, 0, 0, "not a UTF-8 text file");
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static Dataset read(Reader reader, String source, String name) throws DatasetFormatException, IOException {
        // Empty lines are kept as records so that record numbers are line numbers (no multi-line fields in
        // numeric data); the parse skips them.
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(new BufferedReader(reader), format)) {
            return new Parse(source, name, parser).run();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new DatasetFormatException(source, 0, 0, "not a UTF-8 text file");
            }
            throw new DatasetFormatException(source, 0, 0, "malformed CSV: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new DatasetFormatException(source, 0, 0, "malformed CSV: " + e.getMessage());
        }
    }

    /** One file's parse: the header decision, then rows parsed as they stream by. */
    private static final class Parse {
        final String source;
        final String name;
        final CSVParser parser;
        int cols = -1;
        int labelCol;
        int splitCol = -1;
        int dim;
        int firstDataLine;
        List<String> sklearnNames;
        double[] x = new double[1024];
        int n;
        final List<String> rawLabels = new ArrayList<>();
        boolean[] isTest = new boolean[256];

        Parse(String source, String name, CSVParser parser) {
            this.source = source;
            this.name = name;
            this.parser = parser;
        }

        Dataset run() throws DatasetFormatException {
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord firstRec = nextNonEmpty(it);
            if (firstRec == null) {
                throw new DatasetFormatException(source, 0, 0, "the file is empty; expected rows of features followed by a label");
            }
            String[] first = stripBom(firstRec.values());
            if (looksLikeHeader(first)) {
                CSVRecord rec = nextNonEmpty(it);
                if (rec == null) {
                    throw new DatasetFormatException(source, 0, 0, "the file has a header but no data rows");
                }
                layout(first, rec.size());
                addRow(rec.values(), (int) rec.getRecordNumber());
            } else {
                layout(null, first.length);
                addRow(first, (int) firstRec.getRecordNumber());
            }
            for (CSVRecord rec = nextNonEmpty(it); rec != null; rec = nextNonEmpty(it)) {
                addRow(rec.values(), (int) rec.getRecordNumber());
            }
            List<String> classNames = new ArrayList<>();
            int[] y = labels(classNames);
            if (Arrays.stream(y).distinct().count() < 2) {
                throw new DatasetFormatException(source, 0, labelCol + 1,
                        "all points have the same class '" + classNames.get(y[0]) + "'; at least two classes are needed");
            }
            return assemble(y, classNames);
        }

        private static CSVRecord nextNonEmpty(Iterator<CSVRecord> it) {
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                if (!(rec.size() == 1 && rec.get(0).isEmpty())) {
                    return rec;
                }
            }
            return null;
        }

        /** Decides the columns from the header (if any) and the first data row's width. */
        private void layout(String[] header, int width) throws DatasetFormatException {
            cols = width;
            if (header != null) {
                sklearnNames = sklearnClassNames(header, width);
            }
            if (sklearnNames != null) {
                header = null;
            } else if (header != null && header.length != width) {
                throw new DatasetFormatException(source, 1, 0, "the header has " + header.length
                        + " columns but the first data row has " + width);
            }
            if (header != null) {
                for (int c = 0; c < header.length; c++) {
                    if (header[c].equalsIgnoreCase("split")) {
                        splitCol = c;
                    }
                }
            }
            labelCol = splitCol == cols - 1 ? cols - 2 : cols - 1;
            dim = labelCol - (splitCol >= 0 && splitCol < labelCol ? 1 : 0);
            if (dim < 1) {
                throw new DatasetFormatException(source, 0, 0,
                        "expected at least two columns (features then a label), found " + cols);
            }
        }

        private void addRow(String[] row, int line) throws DatasetFormatException {
            if (firstDataLine == 0) {
                firstDataLine = line;
            }
            if (row.length != cols) {
                throw new DatasetFormatException(source, line, 0,
                        "expected " + cols + " columns (as on line " + firstDataLine + "), found " + row.length);
            }
            if ((long) (n + 1) * dim > Integer.MAX_VALUE - 8) {
                throw new DatasetFormatException(source, line, 0, "too many values to hold in memory");
            }
            if ((n + 1) * dim > x.length) {
                x = Arrays.copyOf(x, Math.max((n + 1) * dim, 2 * x.length));
            }
            if (n >= isTest.length) {
                isTest = Arrays.copyOf(isTest, 2 * isTest.length);
            }
            int f = 0;
            for (int c = 0; c < cols; c++) {
                if (c == labelCol) {
                    if (row[c].isEmpty()) {
                        throw new DatasetFormatException(source, line, c + 1, "expected a class label, found an empty field");
                    }
                    rawLabels.add(row[c]);
                } else if (c == splitCol) {
                    String s = row[c].toLowerCase(Locale.ROOT);
                    if (!s.equals("train") && !s.equals("test")) {
                        throw new DatasetFormatException(source, line, c + 1,
                                "expected 'train' or 'test' in the split column, found '" + row[c] + "'");
                    }
                    isTest[n] = s.equals("test");
                } else {
                    x[n * dim + f++] = number(row[c], line, c + 1);
                }
            }
            n++;
        }

        private double number(String s, int line, int col) throws DatasetFormatException {
            if (s.isEmpty()) {
                throw new DatasetFormatException(source, line, col, "expected a number, found an empty field");
            }
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(source, line, col, "expected a number, found '" + abbreviate(s) + "'");
            }
            if (!Double.isFinite(v)) {
                throw new DatasetFormatException(source, line, col, "expected a finite number, found '" + s + "'");
            }
            return v;
        }

        private int[] labels(List<String> names) throws DatasetFormatException {
            int[] y = new int[n];
            boolean allNumbers = rawLabels.stream().allMatch(CsvDatasetReader::isNumber);
            if (allNumbers) {
                TreeMap<Double, String> distinct = new TreeMap<>();
                for (String s : rawLabels) {
                    distinct.putIfAbsent(Double.parseDouble(s), s);
                }
                checkClassCount(distinct.size());
                boolean zeroToK = true;
                int i = 0;
                for (double v : distinct.keySet()) {
                    zeroToK &= v == i++;
                }
                Map<Double, Integer> index = new LinkedHashMap<>();
                for (Map.Entry<Double, String> e : distinct.entrySet()) {
                    index.put(e.getKey(), index.size());
                    names.add(e.getValue());
                }
                for (int k = 0; k < n; k++) {
                    y[k] = index.get(Double.parseDouble(rawLabels.get(k)));
                }
                if (zeroToK && sklearnNames != null && sklearnNames.size() == names.size()) {
                    names.clear();
                    names.addAll(sklearnNames);
                }
                return y;
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                Integer c = index.get(rawLabels.get(k));
                if (c == null) {
                    checkClassCount(index.size() + 1);
                    c = index.size();
                    index.put(rawLabels.get(k), c);
                    names.add(rawLabels.get(k));
                }
                y[k] = c;
            }
            return y;
        }

        private void checkClassCount(int k) throws DatasetFormatException {
            if (k > MAX_CLASSES) {
                throw new DatasetFormatException(source, 0, labelCol + 1, "more than " + MAX_CLASSES
                        + " distinct labels; is the last column really the class?");
            }
        }

        private Dataset assemble(int[] y, List<String> names) {
            int nTest = 0;
            for (int i = 0; i < n; i++) {
                nTest += isTest[i] ? 1 : 0;
            }
            int nTrain = n - nTest;
            double[] tx = new double[nTrain * dim], sx = new double[nTest * dim];
            int[] ty = new int[nTrain], sy = new int[nTest];
            int a = 0, b = 0;
            for (int i = 0; i < n; i++) {
                if (isTest[i]) {
                    System.arraycopy(x, i * dim, sx, b * dim, dim);
                    sy[b++] = y[i];
                } else {
                    System.arraycopy(x, i * dim, tx, a * dim, dim);
                    ty[a++] = y[i];
                }
            }
            x = null;
            return new Dataset(name, dim, tx, ty, sx, sy, names, null);
        }
    }

    private static String[] stripBom(String[] row) {
        if (row.length > 0 && !row[0].isEmpty() && row[0].charAt(0) == '\uFEFF') {
            row[0] = row[0].substring(1).trim();
        }
        return row;
    }

    /** The scikit-learn header "count,features,name0,name1,..." (its width differs from the data's). */
    private static List<String> sklearnClassNames(String[] header, int dataWidth) {
        if (header.length < 3 || !isInteger(header[0]) || !isInteger(header[1])
                || Integer.parseInt(header[1]) != dataWidth - 1) {
            return null;
        }
        return List.of(header).subList(2, header.length);
    }

    private static boolean looksLikeHeader(String[] row) {
        for (int c = 0; c < row.length - 1; c++) {
            if (!isNumber(row[c])) {
                return true;
            }
        }
        return row.length > 1 && LABEL_HEADERS.contains(row[row.length - 1].toLowerCase(Locale.ROOT));
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
