package dev.migratest.junit;

import dev.migratest.datagen.TableReference;
import dev.migratest.datagen.Volume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tableRows} setting: entries {@code table=rows} or {@code table=perParent/parent}, table names written as
 * in SQL ({@code customers}, {@code billing.invoices}, {@code "AuditEvents"}). Every bad entry is reported at once.
 *
 * @param counts rows per table, by the name as written
 * @param ratios rows per parent row, by the name as written
 */
record TableRowsEntries(Map<String, Long> counts, Map<String, Volume.Ratio> ratios) {

    /** The entries of the property's value: separated by commas outside double quotes. */
    static List<String> split(String property) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        boolean quoted = false;
        for (char c : property.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                entries.add(entry.toString());
                entry.setLength(0);
            } else {
                entry.append(c);
            }
        }
        entries.add(entry.toString());
        return entries;
    }

    static TableRowsEntries parse(List<String> entries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Volume.Ratio> ratios = new LinkedHashMap<>();
        Map<TableReference, String> entryOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            int equals = indexOutsideQuotes(entry, '=');
            if (equals < 0) {
                problems.add(notAnEntry(entry));
                continue;
            }
            String table = entry.substring(0, equals).trim();
            String value = entry.substring(equals + 1).trim();
            try {
                TableReference reference = TableReference.parse(table);
                int slash = value.indexOf('/');
                if (slash >= 0) {
                    // underscores group digits (3_000); a parent's name keeps its own
                    double perParent = Double.parseDouble(value.substring(0, slash).trim().replace("_", ""));
                    String parent = value.substring(slash + 1).trim();
                    TableReference.parse(parent);
                    if (!(perParent >= 0) || Double.isInfinite(perParent)) throw new NumberFormatException("negative");
                    ratios.put(table, new Volume.Ratio(parent, perParent));
                } else {
                    long count = Long.parseLong(value.replace("_", ""));
                    if (count < 0) throw new NumberFormatException("negative");
                    counts.put(table, count);
                }
                String before = entryOf.putIfAbsent(meaning(reference), entry.trim());
                if (before != null) {
                    problems.add("tableRows entries '" + before + "' and '" + entry.trim() + "' both give " + table
                            + " its rows; keep one of them");
                }
            } catch (NumberFormatException e) {
                problems.add(notAnEntry(entry));
            } catch (IllegalArgumentException e) {
                problems.add("tableRows entry '" + entry.trim() + "': " + e.getMessage());
            }
        }
        if (problems.size() == 1) throw new IllegalArgumentException(problems.get(0));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " tableRows entries are wrong:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new TableRowsEntries(counts, ratios);
    }

    /** The name however it is spelled ({@code Customers}, {@code "customers"}); with and without schema differ. */
    private static TableReference meaning(TableReference reference) {
        return new TableReference("", reference.schema(), reference.name());
    }

    private static String notAnEntry(String entry) {
        return "tableRows entry '" + entry.trim() + "' is neither table=rows nor table=perParent/parent with a count of"
                + " 0 or more; expected e.g. orders=50000 or orders=3/users";
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == wanted && !quoted) return i;
        }
        return -1;
    }
}
