package org.marginscope.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field grammar of dataset CSV files (docs/datasets.md). A number is an optional sign, digits with at
 * most one decimal point, and an optional exponent: {@code [+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)?}
 * with ASCII digits. A name starts with a letter and goes on with letters, digits, '_', '-' or '.'.
 * Text is checked here before {@link Double#parseDouble} sees it, so Java-only spellings (1f, 0x1p3,
 * NaN, Infinity) never get through.
 */
final class CsvGrammar {
    static final int MAX_NAME_LENGTH = 64;
    /** Integer labels are limited to the int range so that comparing them is exact. */
    static final long MAX_LABEL = Integer.MAX_VALUE;
    private static final Set<String> NOT_A_VALUE = Set.of("nan", "inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern JAVA_SPELLING = Pattern.compile("[+-]?(0[xX][0-9a-fA-F.]+([pP][+-]?\\d+)?[fFdD]?"
            + "|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[fFdDlL])");

    private CsvGrammar() {
    }

    static boolean isNumber(String s) {
        int i = 0, n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = digits(s, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fracDigits = digits(s, i);
            i += fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(s, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** The value of text that {@link #isNumber} accepted; may be infinite when the exponent is too large. */
    static double value(String number) {
        return Double.parseDouble(number);
    }

    static boolean isName(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME_LENGTH || !Character.isLetter(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')
                && !NOT_A_VALUE.contains(s.toLowerCase(Locale.ROOT));
    }

    /** True when a field starts like a number (a digit, or a sign or point then a digit): never a column name. */
    static boolean startsLikeNumber(String s) {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Why a field that should be a number is not one, in words. */
    static String notANumber(String field) {
        if (field.isEmpty()) {
            return "expected a number, found an empty field";
        }
        if (NOT_A_VALUE.contains(field.toLowerCase(Locale.ROOT))) {
            return "expected a finite number, found '" + field + "' (missing and infinite values are not allowed)";
        }
        return "expected a number, found " + quote(field) + hint(field);
    }

    /** Why a field that should be a class label is not one, in words. */
    static String notALabel(String field) {
        if (field.isEmpty()) {
            return "expected a class label, found an empty field";
        }
        if (NOT_A_VALUE.contains(field.toLowerCase(Locale.ROOT))) {
            return "expected a class label, found '" + field + "' (missing values are not allowed)";
        }
        return "expected a class label (an integer, or a name: a letter then letters, digits, '_', '-' or '.'),"
                + " found " + quote(field) + hint(field);
    }

    private static String hint(String field) {
        if (DECIMAL_COMMA.matcher(field).matches()) {
            return ": decimal commas are not supported; use a point (1.5, not 1,5)";
        }
        if (JAVA_SPELLING.matcher(field).matches()) {
            return ": write plain decimal numbers (no type suffix such as f or d, no hexadecimal)";
        }
        if (field.indexOf('\t') >= 0) {
            return ": fields must be separated by commas, not tabs";
        }
        if (field.indexOf('"') >= 0) {
            return ": stray quote character";
        }
        return "";
    }

    /** A field for a message: quoted, shortened, with invisible characters written as \\uXXXX. */
    static String quote(String s) {
        String t = s.length() <= 40 ? s : s.substring(0, 37) + "...";
        StringBuilder sb = new StringBuilder("'");
        t.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || (Character.isWhitespace(c) && c != ' ') || Character.isSpaceChar(c) && c != ' ') {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('\'').toString();
    }
}
