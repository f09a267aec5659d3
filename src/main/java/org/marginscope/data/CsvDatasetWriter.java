package org.marginscope.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a dataset as CSV with a header ({@code x,y,label} in 2D, {@code f1..fd,label} otherwise), and a
 * {@code split} column when it has a test part. Labels are written as their class names (which must be
 * integers or names by the reader's grammar), so
 * {@link CsvDatasetReader} reads back the same dataset. The file is replaced atomically.
 */
public final class CsvDatasetWriter {
    private CsvDatasetWriter() {
    }

    public static void write(Dataset data, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(data, w);
            w.flush();
        });
    }

    public static void write(Dataset data, Writer w) throws IOException {
        checkClassNames(data);
        int d = data.dim();
        boolean split = data.testSize() > 0;
        StringBuilder sb = new StringBuilder();
        if (d == 2) {
            sb.append("x,y");
        } else {
            for (int f = 0; f < d; f++) {
                sb.append(f == 0 ? "" : ",").append('f').append(f + 1);
            }
        }
        sb.append(",label");
        if (split) {
            sb.append(",split");
        }
        w.write(sb.append('\n').toString());
        for (int i = 0; i < data.size(); i++) {
            row(w, sb, d, data.classNames().get(data.trainLabel(i)), split ? "train" : null, i, data, false);
        }
        for (int i = 0; i < data.testSize(); i++) {
            row(w, sb, d, data.classNames().get(data.testLabel(i)), "test", i, data, true);
        }
    }

    private static void row(Writer w, StringBuilder sb, int d, String label, String split, int i, Dataset data,
                            boolean test) throws IOException {
        sb.setLength(0);
        for (int f = 0; f < d; f++) {
            double v = test ? data.testCoord(i, f) : data.trainCoord(i, f);
            sb.append(f == 0 ? "" : ",").append(v);
        }
        sb.append(',').append(label);
        if (split != null) {
            sb.append(',').append(split);
        }
        w.write(sb.append('\n').toString());
    }

    /** Only labels that the reader's grammar accepts, so that what is written reads back as the same classes. */
    private static void checkClassNames(Dataset data) {
        for (String s : data.classNames()) {
            if (!CsvGrammar.isName(s) && !(CsvGrammar.isNumber(s) && s.matches("[+-]?\\d{1,9}"))) {
                throw new IllegalArgumentException("class name " + CsvGrammar.quote(s) + " cannot be written to CSV:"
                        + " a class name is an integer or a letter followed by letters, digits, '_', '-' or '.'");
            }
        }
    }
}
