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
                new double[] {0.5, 0.25, 0.125}, new int[] {1}, List.of("a,b", "c", "d"), null);
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
}
