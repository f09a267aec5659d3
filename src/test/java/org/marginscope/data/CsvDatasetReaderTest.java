package org.marginscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
    @TempDir
    Path dir;

    private static Dataset parse(String text) throws Exception {
        return CsvDatasetReader.read(new StringReader(text), "test.csv", "test");
    }

    private static DatasetFormatException failure(String text) {
        return assertThrows(DatasetFormatException.class, () -> parse(text));
    }

    @Test
    void readsXyLabelWithAndWithoutHeader() throws Exception {
        Dataset a = parse("x,y,label\n1,2,0\n3,4,1\n5.5,-6e-1,1\n");
        Dataset b = parse("1,2,0\n3,4,1\n5.5,-6e-1,1\n");
        for (Dataset d : List.of(a, b)) {
            assertEquals(3, d.size());
            assertEquals(2, d.dim());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5.5, -0.6}, d.trainX());
            assertArrayEquals(new int[] {0, 1, 1}, d.trainY());
        }
    }

    @Test
    void stringLabelsBecomeClassesInOrderOfAppearance() throws Exception {
        Dataset d = parse("f1,f2,f3,species\n1,2,3,cat\n4,5,6,dog\n7,8,9,cat\n1,1,1,emu\n");
        assertEquals(3, d.dim());
        assertEquals(List.of("cat", "dog", "emu"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0, 2}, d.trainY());
    }

    @Test
    void signedIntegerLabelsAreMappedInOrder() throws Exception {
        Dataset d = parse("0,0,-1\n1,1,1\n2,2,-1\n");
        assertEquals(List.of("-1", "1"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, d.trainY());
    }

    @Test
    void integerLabelsThatAreNotZeroToKAreMappedInNumericOrder() throws Exception {
        Dataset d = parse("0,0,2\n1,1,1\n2,2,2\n");
        assertEquals(List.of("1", "2"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.trainY());
        Dataset f = parse("0,0,1.0\n1,1,0.0\n2,2,1.0\n");
        assertEquals(List.of("0.0", "1.0"), f.classNames(), "numeric labels sort by value, not by appearance");
        assertArrayEquals(new int[] {1, 0, 1}, f.trainY());
    }

    @Test
    void headerVariants() throws Exception {
        Dataset bom = parse("\uFEFFx,y,label\n1,2,0\n3,4,1\n");
        assertEquals(2, bom.size());
        Dataset numericNames = parse("0,1,label\n1,2,0\n3,4,1\n");
        assertEquals(2, numericNames.size(), "a header of numbers ending in 'label' is a header");
        assertEquals(List.of("0", "1"), numericNames.classNames());
        // scikit-learn's header when it is narrower than the rows (wine: 178 rows, 13 features, 3 names)
        Dataset wide = parse("4,3,a,b\n1,2,3,0\n4,5,6,1\n7,8,9,1\n1,1,1,0\n");
        assertEquals(3, wide.dim());
        assertEquals(List.of("a", "b"), wide.classNames());
    }

    @Test
    void lineNumbersCountBlankLinesAndTheLastLineWithoutNewline() {
        DatasetFormatException e = failure("x,y,label\n\n1,2,0\n3,4,1\n5,oops,1");
        assertEquals(5, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void emptyFileIsRejected() {
        DatasetFormatException e = failure("");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertTrue(failure("\n\n  \n").getMessage().contains("test.csv"));
    }

    @Test
    void headerOnlyIsRejected() {
        assertTrue(failure("x,y,label\n").getMessage().contains("no data rows"));
    }

    @Test
    void raggedRowNamesItsLine() {
        DatasetFormatException e = failure("x,y,label\n1,2,0\n3,4,1\n5,1\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("expected 3 columns"), e.getMessage());
    }

    @Test
    void nanNamesLineAndColumn() {
        DatasetFormatException e = failure("1,2,0\n3,NaN,1\n");
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertEquals(1, failure("1,2,0\nInfinity,1,1\n").column());
    }

    @Test
    void textInNumberColumnNamesLineColumnAndValue() {
        DatasetFormatException e = failure("x,y,label\n1,2,0\n3,abc,1\n");
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("'abc'") && e.getMessage().contains("expected a number"), e.getMessage());
    }

    @Test
    void emptyFieldsAreReported() {
        assertEquals(1, failure("1,2,0\n,2,1\n").column());
        assertTrue(failure("1,2,0\n1,2,\n").getMessage().contains("class label"));
    }

    @Test
    void oneClassOnlyIsRejected() {
        DatasetFormatException e = failure("1,2,a\n3,4,a\n");
        assertTrue(e.getMessage().contains("at least two classes"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByName() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CsvDatasetReader.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("not found"));
    }

    @Test
    void binaryGarbageIsRejectedWithoutHalfLoading() throws IOException {
        Path f = dir.resolve("garbage.csv");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(f));
    }

    @Test
    void writeThenReadGivesTheSameDatasetIncludingTestSplitAndNames() throws Exception {
        Dataset d = new Dataset("d", 3, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {0, 1, 2},
                new double[] {0.5, 0.25, 0.125}, new int[] {1}, List.of("a_b", "c", "d"), null);
        Path f = dir.resolve("sub/out.csv");
        CsvDatasetWriter.write(d, f);
        Dataset back = CsvDatasetReader.read(f);
        assertArrayEquals(d.trainX(), back.trainX());
        assertArrayEquals(d.trainY(), back.trainY());
        assertArrayEquals(d.testX(), back.testX());
        assertArrayEquals(d.testY(), back.testY());
        assertEquals(d.classNames(), back.classNames());
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void irisHeaderNamesTheClasses() throws Exception {
        Dataset iris = CsvDatasetReader.read(Path.of("datasets/iris.csv"));
        assertEquals(150, iris.size());
        assertEquals(4, iris.dim());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
    }

    @Test
    void digitsLoadWith64Features() throws Exception {
        Dataset digits = CsvDatasetReader.read(Path.of("datasets/digits-8x8.csv"));
        assertEquals(1797, digits.size());
        assertEquals(64, digits.dim());
        assertEquals(10, digits.numClasses());
    }

    @Test
    void aMillionRowsLoad() throws Exception {
        Path f = dir.resolve("big.csv");
        int n = 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("x,y,label\n");
            for (int i = 0; i < n; i++) {
                w.write((i % 1000) * 0.5 + "," + (i / 1000) + "," + (i % 3) + "\n");
            }
        }
        Dataset d = CsvDatasetReader.read(f);
        assertEquals(n, d.size());
        assertEquals(3, d.numClasses());
        assertEquals(999 * 0.5, d.trainCoord(n - 1, 0));
        assertEquals(999, d.trainCoord(n - 1, 1));
    }

    @Test
    void writerUsesXyHeaderIn2d() throws Exception {
        StringWriter w = new StringWriter();
        CsvDatasetWriter.write(Dataset.of("d", 2, new double[] {1, 2, 3, 4}, new int[] {0, 1}), w);
        assertTrue(w.toString().startsWith("x,y,label\n1.0,2.0,0\n"), w.toString());
    }

    // Issue 23: nothing wrong is accepted silently.

    private static void assertRefusedAt(String text, int line, int column, String... words) {
        DatasetFormatException e = failure(text);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing in: " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("test.csv, line " + line), e.getMessage());
    }

    @Test
    void strayCharacterInALabelIsRefusedNotANewClass() {
        assertRefusedAt("1,2,0\n3,4,1\n5,6,0\"\n", 3, 3, "'0\"'", "class label");
        assertRefusedAt("1,2,0\n3,4,1;\n5,6,0\n", 2, 3, "';'");
        assertRefusedAt("1,2,cat\n3,4,dog!\n", 2, 3, "'dog!'");
        assertRefusedAt("1,2,cat\n3,4,NaN\n", 2, 3, "'NaN'");
    }

    @Test
    void javaOnlyNumberSpellingsAndNonFiniteWordsAreRefusedWithTheirPosition() {
        for (String s : List.of("1f", "2.5d", "0x1p3", "1e5f", "1L", "nan", "inf", "Infinity", "NaN", "-Infinity",
                "1e", "1.2.3", "--1", "1e+", ".", "+")) {
            assertRefusedAt("1,2,0\n3," + s + ",1\n", 2, 2, "'" + s + "'");
        }
        assertRefusedAt("1,2,0\n3,1e400,1\n", 2, 2, "too large");
    }

    @Test
    void plainNumberSpellingsAreAccepted() throws Exception {
        Dataset d = parse("+1,.5,0\n-2.,1E-3,1\n3e+2,1e-400,0\n");
        assertArrayEquals(new double[] {1, 0.5, -2, 0.001, 300, 0}, d.trainX());
    }

    @Test
    void integerLabelsAreComparedAsIntegers() throws Exception {
        Dataset d = parse("1,2,0\n3,4,-0\n5,6,1\n7,8,+1\n9,9,01\n1,1,1.0\n");
        assertEquals(List.of("0", "1"), d.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1}, d.trainY());
    }

    @Test
    void aHeaderlessFirstRowWithABadValueIsAnErrorNotAHeader() {
        assertRefusedAt("1,2x,0\n3,4,1\n5,6,0\n", 1, 2, "'2x'");
        assertRefusedAt("x,1,z\n3,4,1\n5,6,0\n", 1, 1, "'x'", "not a header");
        assertRefusedAt("1f,2d,0\n3,4,1\n", 1, 1, "'1f'");
    }

    @Test
    void aHeaderIsAFirstRowOfNamesFollowedByNumbers() throws Exception {
        assertEquals(2, parse("height,weight,kind\n1,2,a\n3,4,b\n").size());
        assertRefusedAt("a,b,c\nd,e,f\n", 2, 1, "'d'");
    }

    @Test
    void aFileWithoutALabelColumnIsRefused() {
        assertRefusedAt("0.5,0.25,0.75\n0.1,0.2,0.3\n", 1, 3, "'0.75'", "not an integer", "label column");
        assertRefusedAt("x,y,z\n1,2,0\n3,4,0.5\n", 3, 3, "'0.5'", "not an integer");
    }

    @Test
    void labelsMixingIntegersAndNamesAreRefused() {
        assertRefusedAt("1,2,0\n3,4,cat\n", 2, 3, "'cat'", "'0' on line 1");
    }

    @Test
    void decimalCommaFilesAreRefusedByName() {
        assertRefusedAt("1,5;2,25;0\n3,5;4,0;1\n", 1, 2, "decimal commas", "use a point");
        assertRefusedAt("\"1,5\",\"2,3\",1\n\"3,5\",\"4,5\",0\n", 1, 1, "decimal commas", "use a point");
        assertRefusedAt("x;y;label\n1;2;0\n", 1, 1, "';'", "commas");
    }

    @Test
    void binaryContentIsNotAText() throws Exception {
        Path nul = dir.resolve("nul.csv");
        Files.write(nul, new byte[1 << 20]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(nul));
        assertTrue(e.getMessage().contains("not a text file") && e.getMessage().contains("line 1"), e.getMessage());
        assertRefusedAt("1,2,0\n3,4\u0000,1\n", 2, 2, "not a text file");
    }

    @Test
    void devZeroFailsFastAndCleanly() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        DatasetFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5),
                () -> assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(zero)));
        assertTrue(e.getMessage().contains("not a text file"), e.getMessage());
    }

    @Test
    void defaultLimitsAreNamedInTheMessage() {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            wide.append(i % 2).append(',');
        }
        wide.append("0\n");
        assertRefusedAt(wide.toString(), 1, 1025, "limit of 1024 columns");
        assertRefusedAt("1,2,0\n" + "1".repeat(70_000) + ",2,0\n", 2, 0, "limit of 65536 characters");
    }

    @Test
    void everyShippedDatasetStillLoads() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : List.of(Path.of("datasets"), Path.of("../shared/data"))) {
            if (Files.isDirectory(folder)) {
                try (var s = Files.list(folder)) {
                    s.filter(p -> p.toString().endsWith(".csv")).forEach(files::add);
                }
            }
        }
        assertTrue(files.size() >= 2, "no datasets found: " + files);
        for (Path f : files) {
            Dataset d = CsvDatasetReader.read(f);
            assertTrue(d.size() >= 100 && d.numClasses() >= 3, f + ": " + d.size() + " points, " + d.numClasses());
        }
    }

    @Test
    void theWriterRefusesClassNamesTheReaderWouldRefuse() {
        Dataset d = new Dataset("d", 2, new double[] {1, 2, 3, 4}, new int[] {0, 1}, null, null,
                List.of("a,b", "c"), null);
        assertThrows(IllegalArgumentException.class, () -> CsvDatasetWriter.write(d, new StringWriter()));
    }

    @Test
    void sizeLimitsAreCheckedAndNamed() throws Exception {
        String text = "1,2,0\n3,4,1\n5,6,0\n7,8,1\n";
        CsvLimits rows = new CsvLimits(1 << 20, 100, 10, 3, 1000);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CsvDatasetReader.read(new StringReader(text), "test.csv", "t", rows));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("limit of 3 rows"), e.getMessage());
        CsvLimits values = new CsvLimits(1 << 20, 100, 10, 100, 5);
        e = assertThrows(DatasetFormatException.class,
                () -> CsvDatasetReader.read(new StringReader(text), "test.csv", "t", values));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("limit of 5 numbers"), e.getMessage());
        Path f = dir.resolve("big.csv");
        Files.writeString(f, text);
        CsvLimits bytes = new CsvLimits(10, 100, 10, 100, 1000);
        e = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(f, bytes));
        assertTrue(e.getMessage().contains("limit of 10 bytes"), e.getMessage());
        e = assertThrows(DatasetFormatException.class,
                () -> CsvDatasetReader.read(new StringReader(text), "test.csv", "t", bytes));
        assertTrue(e.getMessage().contains("limit of 10 bytes"), e.getMessage());
        assertEquals(4, CsvDatasetReader.read(new StringReader(text), "test.csv", "t",
                new CsvLimits(24, 5, 3, 4, 8)).size(), "exactly at every limit still loads");
    }
}
