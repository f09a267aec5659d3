package org.marginscope.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits CSV text into records of trimmed fields, one per non-blank line. Lines end with LF, CRLF or CR;
 * a byte-order mark at the start is skipped. A field is either plain text without commas or a whole
 * field in double quotes (no quote inside). Control characters (NUL and the like) mean a binary file;
 * a ';' means a semicolon-separated (usually decimal-comma) file. Both are refused, as is anything over
 * the {@link CsvLimits}, before the text is kept.
 */
final class CsvLines {
    record Record(int line, String[] fields) {
    }

    /** A line like 1,5;2,25;0 or "1,5";"2,3";cat: ';'-separated numbers (maybe with decimal commas) and names. */
    private static final String SEMICOLON_FIELD = "[ \\t]*(\"?[+-]?\\d+(,\\d+)?\"?|\\p{L}[\\p{L}\\d_.-]*)[ \\t]*";
    private static final Pattern DECIMAL_COMMA_LINE = Pattern.compile(SEMICOLON_FIELD + "(;" + SEMICOLON_FIELD + ")+");

    private final Reader in;
    private final String source;
    private final CsvLimits limits;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder text = new StringBuilder();
    private int pos;
    private int end;
    private long chars;
    private int line;
    private boolean pendingCr;
    private boolean started;

    CsvLines(Reader in, String source, CsvLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
    }

    /** The next non-blank line's fields, or null at the end of the text. */
    Record next() throws DatasetFormatException, IOException {
        while (readLine()) {
            if (skipBlanks(0) < text.length()) {
                checkSemicolon();
                return new Record(line, fields());
            }
        }
        return null;
    }

    private boolean readLine() throws DatasetFormatException, IOException {
        text.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (any) {
                    line++;
                }
                return any;
            }
            char c = buf[pos++];
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                line++;
                return true;
            }
            any = true;
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new DatasetFormatException(source, line + 1, column(), "not a text file: it contains "
                        + (c == 0 ? "NUL bytes" : String.format("the control character U+%04X", (int) c)));
            }
            if (text.length() >= limits.maxLineLength()) {
                throw new DatasetFormatException(source, line + 1, 0,
                        "the line is longer than the limit of " + limits.maxLineLength() + " characters");
            }
            text.append(c);
        }
    }

    private boolean fill() throws DatasetFormatException, IOException {
        try {
            end = in.read(buf);
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(source, line + 1, 0, "not a UTF-8 text file");
        }
        pos = 0;
        if (end <= 0) {
            end = 0;
            return false;
        }
        chars += end;
        if (chars > limits.maxBytes()) {
            throw new DatasetFormatException(source, 0, 0,
                    "the file is larger than the limit of " + CsvLimits.bytes(limits.maxBytes()));
        }
        return true;
    }

    /** The field (1-based) that the text read so far on this line ends in. */
    private int column() {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            commas += text.charAt(i) == ',' ? 1 : 0;
        }
        return commas + 1;
    }

    private void checkSemicolon() throws DatasetFormatException {
        int at = text.indexOf(";");
        if (at < 0) {
            return;
        }
        boolean decimalCommas = DECIMAL_COMMA_LINE.matcher(text).matches() && text.indexOf(",") >= 0;
        text.setLength(at);
        throw new DatasetFormatException(source, line, column(), decimalCommas
                ? "this looks like ';'-separated data with decimal commas, which is not supported:"
                        + " use a point for decimals (1.5) and commas between fields"
                : "found ';': fields must be separated by commas, and ';' is not allowed in a field");
    }

    private String[] fields() throws DatasetFormatException {
        List<String> out = new ArrayList<>();
        int i = 0, n = text.length();
        while (true) {
            if (out.size() == limits.maxColumns()) {
                throw new DatasetFormatException(source, line, out.size() + 1,
                        "more than the limit of " + limits.maxColumns() + " columns");
            }
            int col = out.size() + 1;
            i = skipBlanks(i);
            int stop;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf("\"", i + 1);
                if (close < 0) {
                    throw new DatasetFormatException(source, line, col, "the quote that opens this field is not closed");
                }
                out.add(text.substring(i + 1, close));
                stop = skipBlanks(close + 1);
                if (stop < n && text.charAt(stop) != ',') {
                    throw new DatasetFormatException(source, line, col,
                            "text after the closing quote; a quoted field must be quoted as a whole");
                }
            } else {
                stop = text.indexOf(",", i);
                stop = stop < 0 ? n : stop;
                out.add(trim(text.substring(i, stop)));
            }
            if (stop >= n) {
                return out.toArray(new String[0]);
            }
            i = stop + 1;
        }
    }

    private int skipBlanks(int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String trim(String s) {
        int a = 0, b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
            b--;
        }
        return s.substring(a, b);
    }
}
