package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Values that break migrations, per type, as PostgreSQL input text (never NULL: the caller adds NULL for nullable
 * columns). Some may be invalid for a column's constraints; the candidate filter drops those.
 */
final class EdgeValues {

    private EdgeValues() {
    }

    static List<String> of(ColumnType type) {
        List<String> out = switch (type.category()) {
            case TEXT -> text(type.maxLength());
            case INTEGER -> List.of("0", "-1", "1", String.valueOf(type.minValue()), String.valueOf(type.maxValue()));
            case NUMERIC -> numeric(type);
            case FLOAT -> List.of("0", "-0", "NaN", "Infinity", "-Infinity", "1e-300", "1.5e300", "3.4e38", "-1.17549e-38");
            case BOOLEAN -> List.of("t", "f");
            case DATE -> List.of("infinity", "-infinity", "4713-01-01 BC", "5874897-12-31", "2000-02-29", "1970-01-01");
            case TIME -> List.of("00:00:00", "23:59:59.999999", "24:00:00");
            case TIMESTAMP -> List.of("infinity", "-infinity", "4713-01-01 00:00:00 BC", "294276-12-31 23:59:59",
                    "2024-03-10 02:30:00", "2024-03-31 02:30:00", "1970-01-01 00:00:00");
            case TIMESTAMPTZ -> List.of("infinity", "-infinity", "4713-01-02 00:00:00+00 BC", "294276-12-30 23:59:59+00",
                    "2024-03-31 01:30:00+00", "1970-01-01 00:00:00+00");
            case INTERVAL -> List.of("0", "-1 day", "1 mon -1 days", "177999999 years", "-177999999 years", "00:00:00.000001");
            case UUID -> List.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff");
            case JSON, JSONB -> List.of("{}", "[]", "null", "\"\"", "0", "true",
                    "{\"a\": {\"b\": [1, {\"c\": null}, [[]]]}}", "{\"k\": \"\\u00e9\\ud83d\\ude00 \\\"q\\\"\"}",
                    "[1e308, -0, 12345678901234567890]");
            case BYTEA -> List.of("\\x", "\\x00", "\\xff00ff");
            case INET -> List.of("0.0.0.0", "255.255.255.255", "::", "::1", "192.168.0.1/24");
            case CIDR -> List.of("0.0.0.0/0", "::/0", "10.0.0.0/8", "255.255.255.255/32", "2001:db8::/32");
            case ENUM -> type.enumLabels().isEmpty() ? List.of()
                    : List.copyOf(new LinkedHashSet<>(List.of(type.enumLabels().get(0),
                    type.enumLabels().get(type.enumLabels().size() - 1))));
            case ARRAY -> array(type);
            case UNKNOWN -> List.of();
        };
        return out;
    }

    /**
     * Values the column's type accepts but a later migration may not: {@code json} keeps {@code \u0000} escapes and
     * duplicate keys, which {@code ::jsonb} rejects (22P05) or collapses to the last key.
     */
    static List<String> hostile(ColumnType type) {
        if (type.category() == TypeCategory.JSON) {
            return List.of("{\"nul\": \"\\u0000\"}", "{\"dup\": 1, \"dup\": 2}");
        }
        return List.of();
    }

    private static List<String> text(Integer maxLength) {
        List<String> out = new ArrayList<>(List.of("", " ", "e\u0301\u0301", "\uD83D\uDE00", "\u05E9\u05DC\u05D5\u05DD",
                "tab\there", "line\nbreak\r\n", "back\\slash \"quote\" 'single'", "NULL", "\\."));
        out.add(Values.ofLength(maxLength == null ? 300 : maxLength));
        if (maxLength != null) {
            out.removeIf(s -> Values.length(s) > maxLength);
        }
        return out;
    }

    private static List<String> numeric(ColumnType type) {
        if (type.precision() == null) {
            return List.of("0", "NaN", "Infinity", "-Infinity", "-1", "0.000000000000000000001",
                    "123456789012345678901234567890.123456789");
        }
        int p = type.precision();
        int s = Math.max(0, type.scale() == null ? 0 : type.scale());
        int intDigits = Math.max(0, p - s);
        String max = (intDigits == 0 ? "0" : "9".repeat(intDigits)) + (s > 0 ? "." + "9".repeat(Math.min(s, p)) : "");
        List<String> out = new ArrayList<>(List.of("0", max, "-" + max));
        if (s > 0) {
            out.add("0." + "0".repeat(s - 1) + "1");
        }
        return out;
    }

    private static List<String> array(ColumnType type) {
        List<String> out = new ArrayList<>();
        out.add("{}");
        List<String> nullOnly = new ArrayList<>();
        nullOnly.add(null);
        out.add(CopyText.array(nullOnly));
        List<String> elements = of(type.element());
        for (String e : elements) {
            List<String> withNull = new ArrayList<>();
            withNull.add(e);
            withNull.add(null);
            out.add(CopyText.array(withNull));
        }
        if (type.dimensions() > 1 && elements.size() >= 1) {
            String row = CopyText.array(List.of(elements.get(0), elements.get(elements.size() - 1)));
            out.add(CopyText.nested(List.of(row, row)));
        }
        return out;
    }
}
