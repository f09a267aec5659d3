package org.marginscope.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Locale;

/**
 * Jackson's errors in a user's words: what is wrong and where (the line and column, or the field path such as
 * {@code network.layers[1].width}), never Jackson's own text or a class name. A record's own check (an
 * IllegalArgumentException) is written by us for users, so its message is kept.
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** "line 3, column 14", or "" when the location is unknown. */
    public static String position(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return "line " + at.getLineNr() + (at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "");
    }

    /** What went wrong, as a clause ("a number has more than 100 digits"), with the field path when known. */
    public static String explain(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        return (where.isEmpty() ? "" : "at " + where + ": ") + what(e);
    }

    private static String what(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return limit(String.valueOf(e.getOriginalMessage()));
        }
        if (e instanceof JsonEOFException) {
            return "the file ends in the middle of the data (it was cut short)";
        }
        if (e instanceof InputCoercionException) {
            return "a number is out of range for its field";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "the text is not valid JSON here (the file is damaged or was edited by hand)";
        }
        if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
            return ownCheck(e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "there is an unknown field \"" + shorten(u.getPropertyName()) + "\"";
        }
        if (e instanceof InvalidFormatException f) {
            return (f.getValue() == null ? "an empty value" : "the value \"" + shorten(f.getValue().toString()) + "\"")
                    + " is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            if (String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
                return "there is more text after the end of the data";
            }
            return "expected " + expected(m.getTargetType());
        }
        return "the data cannot be read";
    }

    private static String limit(String jackson) {
        if (jackson.contains("NestingDepth")) {
            return "the data are nested more than " + Json.MAX_NESTING_DEPTH + " levels deep (the limit)";
        }
        if (jackson.contains("StringLength")) {
            return "a text value is longer than the limit of " + count(Json.MAX_STRING_LENGTH) + " characters";
        }
        if (jackson.contains("NumberLength")) {
            return "a number is longer than the limit of " + Json.MAX_NUMBER_LENGTH + " characters";
        }
        return "a value is over the size limits of a MarginScope file";
    }

    /** The message of our own IllegalArgumentException in the chain, else a plain sentence. */
    private static String ownCheck(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalArgumentException && !(t instanceof NumberFormatException) && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return "a value is missing or does not fit the others";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text in quotes";
        }
        if (type.isEnum()) {
            return "one of the known names";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list in [ ]";
        }
        return "an object in { }";
    }

    /** The field path from the top of the file: data.trainX[12]. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(shorten(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
