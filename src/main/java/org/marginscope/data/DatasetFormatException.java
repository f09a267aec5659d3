package org.marginscope.data;

/**
 * A dataset file could not be read. The message names the source, and the line and column
 * (1-based) where they are known, and what was expected there.
 */
public class DatasetFormatException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public DatasetFormatException(String source, int line, int column, String problem) {
        super(format(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 where the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 where the problem concerns a whole line or file. */
    public int column() {
        return column;
    }
}
