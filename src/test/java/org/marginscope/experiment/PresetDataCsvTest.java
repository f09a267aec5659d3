package org.marginscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginscope.data.CsvDatasetReader;
import org.marginscope.data.CsvDatasetWriter;
import org.marginscope.data.Dataset;

/**
 * Every built-in preset's data survive the CSV that `run --out` writes as data.csv (and `gen` writes): the same
 * points in the same order and split, each with its class name. Integer labels keep their class numbers too;
 * named classes are numbered in order of first appearance when read (docs/datasets.md), which for Nar's and the
 * wide strip's data (first point of class 1) swaps the numbers.
 */
class PresetDataCsvTest {
    static Stream<String> presets() {
        return PresetLibrary.builtIn().stream().map(Preset::name);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void thePresetsDataReadBackAsTheSameDataset(String name) throws Exception {
        Dataset d = PresetLibrary.byName(name).dataset().build();
        StringWriter w = new StringWriter();
        CsvDatasetWriter.write(d, w);
        Dataset back = CsvDatasetReader.read(new StringReader(w.toString()), name + ".csv", name);
        assertArrayEquals(d.trainX(), back.trainX());
        assertArrayEquals(d.testX(), back.testX());
        assertEquals(names(d, d.trainY()), names(back, back.trainY()));
        assertEquals(names(d, d.testY()), names(back, back.testY()));
        assertEquals(new java.util.HashSet<>(d.classNames()), new java.util.HashSet<>(back.classNames()));
        if (d.classNames().stream().allMatch(c -> c.matches("[+-]?\\d+"))) {
            assertArrayEquals(d.trainY(), back.trainY());
            assertEquals(d.classNames(), back.classNames());
        }
    }

    private static java.util.List<String> names(Dataset d, int[] y) {
        return java.util.Arrays.stream(y).mapToObj(d.classNames()::get).toList();
    }
}
