package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many rows each table gets: a default, per-table counts, and ratios to a parent table
 * ({@code ratio("orders", 3, "users")}: three orders per user). Immutable; each method returns a new value.
 * Table names are {@code schema.table} or a bare {@code table} that must be unique across schemas; they are
 * checked against the schema when planning ({@link LoadPlanner#plan}).
 */
public final class Volume {

    /** {@code rows} of {@code child} = round({@code perParent} × rows of {@code parent}). */
    public record Ratio(String parent, double perParent) { }

    private final long defaultRows;
    private final Map<String, Long> rows;
    private final Map<String, Ratio> ratios;

    private Volume(long defaultRows, Map<String, Long> rows, Map<String, Ratio> ratios) {
        this.defaultRows = defaultRows;
        this.rows = Collections.unmodifiableMap(rows);
        this.ratios = Collections.unmodifiableMap(ratios);
    }

    /** Every table gets {@code defaultRows} unless told otherwise. */
    public static Volume defaultRows(long defaultRows) {
        if (defaultRows < 0) {
            throw new IllegalArgumentException("defaultRows must be >= 0, was " + defaultRows);
        }
        return new Volume(defaultRows, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** {@code table} gets exactly {@code count} rows (0 leaves it empty); replaces a ratio given for it. */
    public Volume rows(String table, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("rows for " + table + " must be >= 0, was " + count);
        }
        Map<String, Long> r = new LinkedHashMap<>(rows);
        Map<String, Ratio> q = new LinkedHashMap<>(ratios);
        r.put(table, count);
        q.remove(table);
        return new Volume(defaultRows, r, q);
    }

    /** {@code table} gets {@code perParent} rows per row of {@code parent}; replaces a count given for it. */
    public Volume ratio(String table, double perParent, String parent) {
        if (!(perParent >= 0) || Double.isInfinite(perParent)) {
            throw new IllegalArgumentException("ratio for " + table + " must be a finite number >= 0, was " + perParent);
        }
        Map<String, Long> r = new LinkedHashMap<>(rows);
        Map<String, Ratio> q = new LinkedHashMap<>(ratios);
        q.put(table, new Ratio(parent, perParent));
        r.remove(table);
        return new Volume(defaultRows, r, q);
    }

    public long defaultRows() {
        return defaultRows;
    }

    public Map<String, Long> rows() {
        return rows;
    }

    public Map<String, Ratio> ratios() {
        return ratios;
    }

    /**
     * The row count of every table of the model. Reports every unknown or ambiguous name, duplicate and ratio
     * cycle at once.
     */
    Map<TableName, Long> resolve(SchemaModel model) {
        List<DatagenException.Problem> problems = new ArrayList<>();
        Map<TableName, Long> fixed = new HashMap<>();
        Map<TableName, TableName> parentOf = new HashMap<>();
        Map<TableName, Double> factor = new HashMap<>();
        Map<TableName, String> givenAs = new HashMap<>();
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            TableName t = lookup(model, e.getKey(), problems);
            if (t != null && given(t, e.getKey(), givenAs, problems)) {
                fixed.put(t, e.getValue());
            }
        }
        for (Map.Entry<String, Ratio> e : ratios.entrySet()) {
            TableName t = lookup(model, e.getKey(), problems);
            TableName p = lookup(model, e.getValue().parent(), problems);
            if (t != null && p != null && given(t, e.getKey(), givenAs, problems)) {
                parentOf.put(t, p);
                factor.put(t, e.getValue().perParent());
            }
        }
        Map<TableName, Long> out = new TreeMap<>();
        for (Table table : model.tables()) {
            out.put(table.name(), fixed.getOrDefault(table.name(), defaultRows));
        }
        // ratios, resolved parent first; a chain that comes back to itself is a cycle
        for (TableName start : new TreeMap<>(parentOf).keySet()) {
            List<TableName> chain = new ArrayList<>();
            TableName t = start;
            while (parentOf.containsKey(t) && !chain.contains(t)) {
                chain.add(t);
                t = parentOf.get(t);
            }
            if (chain.contains(t)) {
                if (t.equals(start) && chain.stream().allMatch(n -> start.compareTo(n) <= 0)) { // once, from its first table
                    chain.add(t);
                    problems.add(new DatagenException.Problem(start.toString(), null,
                            "ratios form a cycle " + chain.stream().map(TableName::toString).collect(Collectors.joining(" → ")),
                            "give one of these tables a row count instead of a ratio"));
                }
                continue;
            }
            long count = out.get(t);
            for (int i = chain.size() - 1; i >= 0; i--) {
                count = Math.round(factor.get(chain.get(i)) * count);
            }
            out.put(start, count);
        }
        if (!problems.isEmpty()) {
            throw new DatagenException(problems);
        }
        return out;
    }

    private static boolean given(TableName t, String as, Map<TableName, String> givenAs, List<DatagenException.Problem> problems) {
        String before = givenAs.putIfAbsent(t, as);
        if (before != null) {
            problems.add(new DatagenException.Problem(as, null,
                    "the volume names table " + t + " twice (as '" + before + "' and '" + as + "')",
                    "give it one row count or one ratio"));
            return false;
        }
        return true;
    }

    private static TableName lookup(SchemaModel model, String name, List<DatagenException.Problem> problems) {
        List<TableName> matches = model.tables().stream().map(Table::name)
                .filter(n -> name.contains(".") ? n.toString().equals(name) : n.name().equals(name))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            String known = model.tables().stream().map(t -> t.name().toString()).collect(Collectors.joining(", "));
            problems.add(new DatagenException.Problem(name, null, "no such table in the schema",
                    "use one of the known tables: " + (known.isEmpty() ? "(none)" : known)));
        } else {
            problems.add(new DatagenException.Problem(name, null,
                    "the name matches several tables: " + matches.stream().map(TableName::toString).collect(Collectors.joining(", ")),
                    "qualify it with its schema"));
        }
        return null;
    }

    @Override
    public String toString() {
        return "Volume[defaultRows=" + defaultRows + ", rows=" + rows + ", ratios=" + ratios + "]";
    }
}
