package dev.migratest.datagen;

import java.util.List;

/**
 * The text formats datagen writes: a field of {@code COPY … FROM STDIN} in text format, and an array literal.
 * Values are handled as PostgreSQL input text; {@code null} is SQL NULL.
 */
final class CopyText {

    /** How COPY text format writes NULL. */
    static final String NULL = "\\N";

    private CopyText() {
    }

    /** Appends {@code value} as one COPY text field: backslash, tab, newline and CR escaped; null as {@code \N}. */
    static void appendField(StringBuilder out, String value) {
        if (value == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static String field(String value) {
        StringBuilder b = new StringBuilder();
        appendField(b, value);
        return b.toString();
    }

    /** A one-dimensional array literal: {@code {a,"b c",NULL}}; elements quoted when they need it. */
    static String array(List<String> elements) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            appendElement(b, elements.get(i));
        }
        return b.append('}').toString();
    }

    /** An array of already formatted sub-arrays: {@code {{1,2},{3,4}}}. */
    static String nested(List<String> subArrays) {
        return "{" + String.join(",", subArrays) + "}";
    }

    static void appendElement(StringBuilder b, String element) {
        if (element == null) {
            b.append("NULL");
        } else if (needsQuotes(element)) {
            b.append('"');
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        } else {
            b.append(element);
        }
    }

    private static boolean needsQuotes(String e) {
        if (e.isEmpty() || e.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)
                    || c == '\u000b' || c == '\f') {
                return true;
            }
        }
        return false;
    }
}
