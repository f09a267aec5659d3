package org.marginscope.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label column of a CSV as it streams by. Labels are all integers (compared by value, so -0, 0 and
 * 0.0 are one class; classes in numeric order, named by their first spelling or by a scikit-learn
 * header) or all names (classes in order of first appearance).
 */
final class CsvLabels {
    static final int MAX_CLASSES = 256;

    private final String source;
    private final int column;
    private final Map<Object, Integer> index = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();
    private final List<String> spellings = new ArrayList<>();
    private final List<Integer> firstLines = new ArrayList<>();
    private Boolean integers;
    private int[] y = new int[1024];
    private int n;

    CsvLabels(String source, int column) {
        this.source = source;
        this.column = column;
    }

    void add(String field, int line) throws DatasetFormatException {
        Object key;
        boolean integer;
        if (CsvGrammar.isNumber(field)) {
            key = integerValue(field, line);
            integer = true;
        } else if (CsvGrammar.isName(field)) {
            key = field;
            integer = false;
        } else {
            throw new DatasetFormatException(source, line, column, CsvGrammar.notALabel(field));
        }
        if (integers == null) {
            integers = integer;
        } else if (integers != integer) {
            throw new DatasetFormatException(source, line, column, "labels must be all integers or all names: found "
                    + CsvGrammar.quote(field) + " here but " + CsvGrammar.quote(spellings.get(0)) + " on line "
                    + firstLines.get(0));
        }
        Integer c = index.get(key);
        if (c == null) {
            if (keys.size() == MAX_CLASSES) {
                throw new DatasetFormatException(source, line, column, "more than " + MAX_CLASSES
                        + " distinct labels; the last column is read as the class label - is it one?");
            }
            c = keys.size();
            index.put(key, c);
            keys.add(key);
            spellings.add(field);
            firstLines.add(line);
        }
        if (n == y.length) {
            y = Arrays.copyOf(y, 2 * n);
        }
        y[n++] = c;
    }

    private Long integerValue(String field, int line) throws DatasetFormatException {
        double v = CsvGrammar.value(field);
        if (v != Math.rint(v) || Double.isInfinite(v)) {
            throw new DatasetFormatException(source, line, column, "expected a class label, found "
                    + CsvGrammar.quote(field) + ", a number that is not an integer: the last column is the class"
                    + " label and must hold integers or names (is the label column missing?)");
        }
        if (Math.abs(v) > CsvGrammar.MAX_LABEL) {
            throw new DatasetFormatException(source, line, column, "the class label " + CsvGrammar.quote(field)
                    + " is outside the integer range -" + CsvGrammar.MAX_LABEL + ".." + CsvGrammar.MAX_LABEL);
        }
        return (long) v;
    }

    /** Class indices per row, the names filled in; headerNames (or null) name integer classes 0..K-1. */
    int[] classes(List<String> names, List<String> headerNames) throws DatasetFormatException {
        if (keys.size() < 2) {
            throw new DatasetFormatException(source, 0, column, "all points have the same class "
                    + CsvGrammar.quote(spellings.get(0)) + "; at least two classes are needed");
        }
        int k = keys.size();
        int[] rank = new int[k];
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        if (integers) {
            Arrays.sort(order, (a, b) -> Long.compare((Long) keys.get(a), (Long) keys.get(b)));
        } else if (headerNames != null) {
            throw new DatasetFormatException(source, firstLines.get(0), column,
                    "the header names the classes, so the labels must be integers 0.." + (headerNames.size() - 1)
                            + ", found " + CsvGrammar.quote(spellings.get(0)));
        }
        for (int r = 0; r < k; r++) {
            int c = order[r];
            rank[c] = r;
            names.add(headerNames == null ? spellings.get(c) : headerName(headerNames, c));
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rank[y[i]];
        }
        return out;
    }

    private String headerName(List<String> headerNames, int c) throws DatasetFormatException {
        long v = (Long) keys.get(c);
        if (v < 0 || v >= headerNames.size()) {
            throw new DatasetFormatException(source, firstLines.get(c), column, "the header names "
                    + headerNames.size() + " classes, so the labels must be integers 0.." + (headerNames.size() - 1)
                    + ", found " + CsvGrammar.quote(spellings.get(c)));
        }
        return headerNames.get((int) v);
    }
}
