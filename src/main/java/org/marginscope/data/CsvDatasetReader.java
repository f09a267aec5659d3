package org.marginscope.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code x,y,label} or {@code f1,...,fd,label} CSV files. A header is optional: the first line
 * is taken as one when a feature column does not hold a number. The scikit-learn header
 * {@code count,features,name0,name1,...} names the classes. A column headed {@code split} with values
 * {@code train}/{@code test} marks the test part. Labels are non-negative integers or any text.
 * Either the whole file loads or nothing does.
 */
public final class CsvDatasetReader {
    private CsvDatasetReader() {
    }

    public static Dataset read(Path file) throws DatasetFormatException, IOException {
        String source = file.toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, source, baseName(file));
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(source, 0, 0, "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetFormatException(source, 0, 0, "not a UTF-8 text file");
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static Dataset read(Reader reader, String source, String name) throws DatasetFormatException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(false) // keeps record number == line number
                .setTrim(true)
                .build();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new BufferedReader(reader), format)) {
            for (CSVRecord rec : parser) {
                int line = (int) rec.getRecordNumber();
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue;
                }
                rows.add(rec.values());
                lines.add(line);
            }
        } catch (java.io.UncheckedIOException e) {
            throw new DatasetFormatException(source, 0, 0, "malformed CSV: " + e.getCause().getMessage());
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(source, 0, 0, "the file is empty; expected rows of features followed by a label");
        }
        return parse(rows, lines, source, name);
    }

    private static Dataset parse(List<String[]> rows, List<Integer> lines, String source, String name)
            throws DatasetFormatException {
        int cols = rows.get(0).length;
        String[] header = null;
        int first = 0;
        if (looksLikeHeader(rows.get(0))) {
            header = rows.get(0);
            first = 1;
        }
        int splitCol = -1;
        if (header != null) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equalsIgnoreCase("split")) {
                    splitCol = c;
                }
            }
        }
        int labelCol = splitCol == cols - 1 ? cols - 2 : cols - 1;
        int dim = labelCol - (splitCol >= 0 && splitCol < labelCol ? 1 : 0);
        if (dim < 1) {
            throw new DatasetFormatException(source, lines.get(0), 0,
                    "expected at least two columns (features then a label), found " + cols);
        }
        int n = rows.size() - first;
        if (n == 0) {
            throw new DatasetFormatException(source, 0, 0, "the file has a header but no data rows");
        }
        double[] x = new double[n * dim];
        String[] rawLabels = new String[n];
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(first + i);
            int line = lines.get(first + i);
            if (row.length != cols) {
                throw new DatasetFormatException(source, line, 0,
                        "expected " + cols + " columns (as on line " + lines.get(0) + "), found " + row.length);
            }
            int f = 0;
            for (int c = 0; c < cols; c++) {
                if (c == labelCol) {
                    if (row[c].isEmpty()) {
                        throw new DatasetFormatException(source, line, c + 1, "expected a class label, found an empty field");
                    }
                    rawLabels[i] = row[c];
                } else if (c == splitCol) {
                    String s = row[c].toLowerCase();
                    if (!s.equals("train") && !s.equals("test")) {
                        throw new DatasetFormatException(source, line, c + 1,
                                "expected 'train' or 'test' in the split column, found '" + row[c] + "'");
                    }
                    isTest[i] = s.equals("test");
                } else {
                    x[i * dim + f++] = number(row[c], source, line, c + 1);
                }
            }
        }
        List<String> classNames = new ArrayList<>();
        int[] y = labels(rawLabels, header, dim, classNames, source, lines, first);
        if (new TreeSet<>(Arrays.stream(y).boxed().toList()).size() < 2) {
            throw new DatasetFormatException(source, 0, labelCol + 1,
                    "all points have the same class '" + classNames.get(y[0]) + "'; at least two classes are needed");
        }
        return assemble(name, dim, x, y, isTest, classNames);
    }

    private static Dataset assemble(String name, int dim, double[] x, int[] y, boolean[] isTest, List<String> names) {
        int nTest = 0;
        for (boolean t : isTest) {
            nTest += t ? 1 : 0;
        }
        int n = y.length, nTrain = n - nTest;
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
        return new Dataset(name, dim, tx, ty, sx, sy, names, null);
    }

    private static int[] labels(String[] raw, String[] header, int dim, List<String> names, String source,
                                List<Integer> lines, int first) throws DatasetFormatException {
        int n = raw.length;
        int[] y = new int[n];
        boolean allInts = true;
        for (String s : raw) {
            if (!isInteger(s)) {
                allInts = false;
                break;
            }
        }
        if (allInts) {
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
            for (String s : raw) {
                long v = Long.parseLong(s);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min >= 0 && max < 1000) {
                for (int i = 0; i < n; i++) {
                    y[i] = Integer.parseInt(raw[i]);
                }
                names.addAll(Dataset.defaultClassNames((int) Math.max(2, max + 1)));
                List<String> sk = sklearnClassNames(header, dim);
                if (sk != null && sk.size() >= names.size()) {
                    names.clear();
                    names.addAll(sk);
                }
                return y;
            }
            // Integers such as -1/+1 or sparse ids: map the sorted distinct values to 0..K-1.
            TreeSet<Long> distinct = new TreeSet<>();
            for (String s : raw) {
                distinct.add(Long.parseLong(s));
            }
            if (distinct.size() > 256) {
                throw new DatasetFormatException(source, 0, 0,
                        "the label column has " + distinct.size() + " distinct values; at most 256 classes are supported");
            }
            Map<Long, Integer> index = new LinkedHashMap<>();
            for (long v : distinct) {
                index.put(v, index.size());
                names.add(Long.toString(v));
            }
            for (int i = 0; i < n; i++) {
                y[i] = index.get(Long.parseLong(raw[i]));
            }
            return y;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Integer k = index.get(raw[i]);
            if (k == null) {
                if (index.size() == 256) {
                    throw new DatasetFormatException(source, lines.get(first + i), 0,
                            "more than 256 distinct labels; is the last column really the class?");
                }
                k = index.size();
                index.put(raw[i], k);
                names.add(raw[i]);
            }
            y[i] = k;
        }
        return y;
    }

    /** The scikit-learn header "count,features,name0,name1,..." gives class names. */
    private static List<String> sklearnClassNames(String[] header, int dim) {
        if (header == null || header.length < 3 || !isInteger(header[0]) || !isInteger(header[1])
                || Integer.parseInt(header[1]) != dim) {
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
        return false;
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 18) {
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
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String s, String source, int line, int col) throws DatasetFormatException {
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

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
