package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many rows each table gets: a default, per-table counts, and ratios to a parent table
 * ({@code ratio("orders", 3, "users")}: three orders per user). Immutable; each method returns a new value.
 * Table names are written as in SQL ({@link TableReference}): {@code billing.invoices} is that table, a bare
 * {@code customers} is the first table of that name along the search_path, {@code "AuditEvents"} keeps its capitals.
 * They are checked against the schema when planning ({@link LoadPlanner#plan}).
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

    /**
     * {@code table} gets exactly {@code count} rows (0 leaves it empty); replaces a ratio given for it. Throws
     * {@link IllegalArgumentException} for a name that cannot be read ({@link TableReference#parse}).
     */
    public Volume rows(String table, long count) {
        TableReference.parse(table);
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
        TableReference.parse(table);
        TableReference.parse(parent);
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
     * The row count of every table of the model. Reports every name that means no table, table named twice and ratio
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
        TableReference reference = TableReference.parse(name);
        Optional<TableName> table = reference.resolveIn(model);
        if (table.isEmpty()) {
            problems.add(reference.notFoundIn(model));
        }
        return table.orElse(null);
    }

    @Override
    public String toString() {
        return "Volume[defaultRows=" + defaultRows + ", rows=" + rows + ", ratios=" + ratios + "]";
    }
}
