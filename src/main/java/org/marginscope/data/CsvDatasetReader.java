package org.marginscope.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads {@code x,y,label} or {@code f1,...,fd,label} CSV files by the grammar in docs/datasets.md:
 * numbers per {@link CsvGrammar}, the class label in the last column (integers or names), an optional
 * header (a first row of names, a first row ending in a label word such as "label", or the scikit-learn
 * header {@code count,features,name0,name1,...} that names the classes) and an optional {@code split}
 * column of {@code train}/{@code test}. Rows are parsed while streaming within {@link CsvLimits};
 * either the whole file loads or nothing does, and every refusal names the file, line and column.
 */
public final class CsvDatasetReader {
    private static final Set<String> LABEL_HEADERS = Set.of("label", "class", "y", "target", "labels", "category");

    private CsvDatasetReader() {
    }

    /** Rows parsed between progress reports and checks for cancellation. */
    static final int REPORT_EVERY_ROWS = 1 << 14;

    public static Dataset read(Path file) throws DatasetFormatException, IOException {
        return read(file, CsvLimits.DEFAULT, null, null);
    }

    /**
     * Reads with progress (bytes read of the file's size, rows parsed) every {@link #REPORT_EVERY_ROWS} rows;
     * when {@code cancelled} turns true (or the thread is interrupted) the read throws {@link CancellationException}.
     * Either may be null.
     */
    public static Dataset read(Path file, LoadProgress progress, BooleanSupplier cancelled)
            throws DatasetFormatException, IOException {
        return read(file, CsvLimits.DEFAULT, progress, cancelled);
    }

    static Dataset read(Path file, CsvLimits limits) throws DatasetFormatException, IOException {
        return read(file, limits, null, null);
    }

    static Dataset read(Path file, CsvLimits limits, LoadProgress progress, BooleanSupplier cancelled)
            throws DatasetFormatException, IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException(source, 0, 0, "this is a folder, not a CSV file");
        }
        if (Files.isRegularFile(file) && Files.size(file) > limits.maxBytes()) {
            throw new DatasetFormatException(source, 0, 0, "the file is larger than the limit of "
                    + CsvLimits.bytes(limits.maxBytes()) + " (it has " + (Files.size(file) >> 20) + " MB)");
        }
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) { // malformed UTF-8 is reported
            long total = Files.isRegularFile(file) ? Files.size(file) : 0;
            Parse parse = new Parse(source, baseName(file), new CsvLines(r, source, limits), limits);
            if (progress != null || cancelled != null) {
                parse.tick = rows -> {
                    if (cancelled != null && (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted())) {
                        throw new CancellationException("reading " + source + " cancelled");
                    }
                    if (progress != null) {
                        progress.loaded(in.count(), total, rows);
                    }
                };
            }
            return parse.run();
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(source, 0, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException(source, 0, 0, "permission denied");
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static Dataset read(Reader reader, String source, String name) throws DatasetFormatException, IOException {
        return read(reader, source, name, CsvLimits.DEFAULT);
    }

    static Dataset read(Reader reader, String source, String name, CsvLimits limits)
            throws DatasetFormatException, IOException {
        return new Parse(source, name, new CsvLines(reader, source, limits), limits).run();
    }

    /** One file's parse: the header decision, then rows parsed as they stream by. */
    private static final class Parse {
        final String source;
        final String name;
        final CsvLines lines;
        final CsvLimits limits;
        int cols;
        int labelCol;
        int splitCol = -1;
        int dim;
        int firstDataLine;
        boolean firstRowIsData;
        CsvLabels labels;
        double[] x = new double[1024];
        boolean[] isTest = new boolean[256];
        int n;
        /** Called every {@link #REPORT_EVERY_ROWS} rows and at the end, with the rows so far. */
        java.util.function.IntConsumer tick = rows -> {
        };

        Parse(String source, String name, CsvLines lines, CsvLimits limits) {
            this.source = source;
            this.name = name;
            this.lines = lines;
            this.limits = limits;
        }

        Dataset run() throws DatasetFormatException, IOException {
            CsvLines.Record first = lines.next();
            if (first == null) {
                throw new DatasetFormatException(source, 0, 0, "the file is empty; expected rows of features followed by a label");
            }
            CsvLines.Record second = lines.next();
            List<String> headerNames = sklearnNames(first.fields(), second);
            boolean header = headerNames != null || isHeader(first.fields());
            if (header && second == null) {
                throw new DatasetFormatException(source, 0, 0, "the file has a header but no data rows");
            }
            CsvLines.Record data = header ? second : first;
            layout(header && headerNames == null ? first : null, data);
            firstRowIsData = !header;
            addRow(data);
            if (!header && second != null) {
                addRow(second);
            }
            for (CsvLines.Record rec = lines.next(); rec != null; rec = lines.next()) {
                addRow(rec);
                if (n % REPORT_EVERY_ROWS == 0) {
                    tick.accept(n);
                }
            }
            tick.accept(n);
            List<String> classNames = new ArrayList<>();
            int[] y = labels.classes(classNames, headerNames);
            return assemble(y, classNames);
        }

        /** A first row of names: no field starts like a number, or the last field is a word such as "label". */
        private static boolean isHeader(String[] row) {
            if (row.length > 1 && LABEL_HEADERS.contains(row[row.length - 1].toLowerCase(Locale.ROOT))) {
                return true;
            }
            return Arrays.stream(row).noneMatch(CsvGrammar::startsLikeNumber);
        }

        /** The class names of a scikit-learn header "count,features,name0,name1,...", or null. */
        private static List<String> sklearnNames(String[] row, CsvLines.Record next) {
            if (next == null || row.length < 4 || !isCount(row[0]) || !isCount(row[1])
                    || Integer.parseInt(row[1]) != next.fields().length - 1) {
                return null;
            }
            List<String> names = List.of(row).subList(2, row.length);
            return names.stream().allMatch(CsvGrammar::isName) ? names : null;
        }

        private static boolean isCount(String s) {
            return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        /** Decides the columns from the header (if any) and the first data row's width. */
        private void layout(CsvLines.Record header, CsvLines.Record data) throws DatasetFormatException {
            cols = data.fields().length;
            if (header != null) {
                String[] h = header.fields();
                if (h.length != cols) {
                    throw new DatasetFormatException(source, header.line(), 0, "the header has " + h.length
                            + " columns but the first data row (line " + data.line() + ") has " + cols);
                }
                for (int c = 0; c < h.length; c++) {
                    if (h[c].equalsIgnoreCase("split")) {
                        splitCol = c;
                    }
                }
            }
            labelCol = splitCol == cols - 1 ? cols - 2 : cols - 1;
            dim = labelCol - (splitCol >= 0 && splitCol < labelCol ? 1 : 0);
            if (dim < 1) {
                throw new DatasetFormatException(source, data.line(), 0,
                        "expected at least two columns (features then a label), found " + cols);
            }
            firstDataLine = data.line();
            labels = new CsvLabels(source, labelCol + 1);
        }

        private void addRow(CsvLines.Record rec) throws DatasetFormatException {
            String[] row = rec.fields();
            int line = rec.line();
            if (row.length != cols) {
                throw new DatasetFormatException(source, line, 0,
                        "expected " + cols + " columns (as on line " + firstDataLine + "), found " + row.length);
            }
            reserveRow(line);
            int f = 0;
            for (int c = 0; c < cols; c++) {
                if (c == labelCol) {
                    labels.add(row[c], line);
                } else if (c == splitCol) {
                    String s = row[c].toLowerCase(Locale.ROOT);
                    if (!s.equals("train") && !s.equals("test")) {
                        throw new DatasetFormatException(source, line, c + 1,
                                "expected 'train' or 'test' in the split column, found " + CsvGrammar.quote(row[c]));
                    }
                    isTest[n] = s.equals("test");
                } else {
                    x[n * dim + f++] = number(row[c], line, c + 1);
                }
            }
            n++;
        }

        /** Room for one more row, within the limits, checked before anything grows. */
        private void reserveRow(int line) throws DatasetFormatException {
            if (n == limits.maxRows()) {
                throw new DatasetFormatException(source, line, 0, "more than the limit of " + limits.maxRows() + " rows");
            }
            long need = (long) (n + 1) * dim;
            if (need > limits.maxValues()) {
                throw new DatasetFormatException(source, line, 0, "more than the limit of " + limits.maxValues()
                        + " numbers (rows x features)");
            }
            if (need > x.length) {
                x = Arrays.copyOf(x, (int) Math.min(limits.maxValues(), Math.max(need, 2L * x.length)));
            }
            if (n == isTest.length) {
                isTest = Arrays.copyOf(isTest, (int) Math.min(limits.maxRows(), 2L * n));
            }
        }

        private double number(String s, int line, int col) throws DatasetFormatException {
            if (!CsvGrammar.isNumber(s)) {
                String why = CsvGrammar.notANumber(s);
                if (firstRowIsData && n == 0 && !s.isEmpty() && !CsvGrammar.startsLikeNumber(s)) {
                    why += " (the first row is data, not a header, because some of its fields are numbers)";
                }
                throw new DatasetFormatException(source, line, col, why);
            }
            double v = CsvGrammar.value(s);
            if (!Double.isFinite(v)) {
                throw new DatasetFormatException(source, line, col, "the number " + CsvGrammar.quote(s)
                        + " is too large (beyond +-1.8e308)");
            }
            return v;
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
}
