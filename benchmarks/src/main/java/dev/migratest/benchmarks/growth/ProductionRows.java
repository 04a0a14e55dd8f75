package dev.migratest.benchmarks.growth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Row counts of the production tables, to predict at.
 * <p>
 * From the command line: {@code orders=5000000,users=800000}. Or from a CSV export of the planner's estimates, taken
 * on production with psql (one line; {@code reltuples} is what ANALYZE last saw, close enough for growth, and free
 * to read unlike {@code count(*)}):
 * <pre>{@code
 * \copy (select n.nspname || '.' || c.relname as table_name, c.reltuples::bigint as row_estimate from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' order by 2 desc) to 'production-rows.csv' with (format csv, header)
 * }</pre>
 * Tables never analyzed report {@code -1} (PostgreSQL 14+) and are skipped.
 * <p>
 * Which count applies: the table named with {@code --table} (qualified, or unqualified if the name is unique);
 * without it, the largest table, and {@link Target#note()} says so.
 */
public final class ProductionRows {
    private final Map<String, Long> rows;

    private ProductionRows(Map<String, Long> rows) {
        this.rows = rows;
    }

    /** The count that applies to the migration under test, and how it was picked. */
    public record Target(String table, long rows, String note) {
    }

    public static ProductionRows empty() {
        return new ProductionRows(new LinkedHashMap<>());
    }

    /** {@code orders=5000000,users=800000}; underscores in numbers are allowed ({@code 5_000_000}). */
    public static ProductionRows parse(String spec) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected table=rows, got '" + part.trim() + "'");
            }
            rows.put(part.substring(0, eq).trim(), count(part.substring(eq + 1), part));
        }
        return new ProductionRows(rows);
    }

    public static ProductionRows readCsv(Path csv) throws IOException {
        return parseCsv(Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    /** Two columns, table and count; a header line, blank lines and unanalyzed tables (count below 0) are skipped. */
    static ProductionRows parseCsv(List<String> lines) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected table,rows, got '" + line + "'");
            }
            String table = unquote(line.substring(0, comma).strip());
            String number = unquote(line.substring(comma + 1).strip());
            if (i == 0 && !looksNumeric(number)) {
                continue; // the header psql writes with (header)
            }
            long count = count(number, line);
            if (count >= 0) {
                rows.put(table, count);
            }
        }
        return new ProductionRows(rows);
    }

    /** Counts from {@code other} win: what the user typed overrides the export. */
    public ProductionRows with(ProductionRows other) {
        Map<String, Long> merged = new LinkedHashMap<>(rows);
        merged.putAll(other.rows);
        return new ProductionRows(merged);
    }

    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The count for {@code table} ({@code orders} matches {@code public.orders} when no other schema has an
     * {@code orders}), or the largest table when none is named. Empty when there are no counts at all.
     */
    public Optional<Target> target(Optional<String> table) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (table.isEmpty()) {
            Map.Entry<String, Long> largest = Collections.max(rows.entrySet(), Map.Entry.comparingByValue());
            String note = rows.size() == 1 ? "" : String.format(Locale.ROOT,
                    "no --table given: predicting at the largest table, %s (%s rows); name the table the migration "
                            + "touches with --table", largest.getKey(), Format.rows(largest.getValue()));
            return Optional.of(new Target(largest.getKey(), largest.getValue(), note));
        }
        String name = table.get();
        if (rows.containsKey(name)) {
            return Optional.of(new Target(name, rows.get(name), ""));
        }
        List<String> matches = new ArrayList<>();
        for (String qualified : rows.keySet()) {
            if (qualified.endsWith("." + name)) {
                matches.add(qualified);
            }
        }
        if (matches.size() == 1) {
            return Optional.of(new Target(matches.get(0), rows.get(matches.get(0)), ""));
        }
        throw new IllegalArgumentException(matches.isEmpty()
                ? "no production row count for table '" + name + "'; known: " + rows.keySet()
                : "table '" + name + "' is ambiguous, qualify it: " + matches);
    }

    private static long count(String text, String context) {
        String t = text.strip().replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException notLong) {
            try {
                // reltuples exported without the ::bigint cast comes as 5e+06
                return Math.round(Double.parseDouble(t));
            } catch (NumberFormatException notNumber) {
                throw new IllegalArgumentException("not a row count: '" + text.strip() + "' in '" + context + "'");
            }
        }
    }

    private static boolean looksNumeric(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-');
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }
}
