package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link TableGenerator} for every table of a plan that gets rows, deciding per column where its values come
 * from: a foreign key (the parent's key of a parent row chosen by hash), a unique key (by construction from the row
 * index), or a pool of edge and realistic values filtered by the {@link CandidateFilter}. Every problem found is
 * collected and thrown together before anything is loaded.
 */
final class GeneratorFactory {

    /** How a foreign key picks the parent row of a child row. */
    private record Pick(int mode, long divisor) {
        static final int HASH = 0;
        static final int SAME_ROW = 1;
        static final int RADIX = 2;
    }

    private final long seed;
    private final double edgeFraction;
    private final boolean hostileEdges;
    private final CandidateFilter filter;
    private final ValuePools pools;
    private final Map<TableName, Table> tables = new HashMap<>();

    GeneratorFactory(long seed, double edgeFraction, CandidateFilter filter) {
        this(seed, edgeFraction, filter, false);
    }

    GeneratorFactory(long seed, double edgeFraction, CandidateFilter filter, boolean hostileEdges) {
        this.hostileEdges = hostileEdges;
        if (!(edgeFraction >= 0 && edgeFraction <= 1)) {
            throw new IllegalArgumentException("edgeFraction must be in [0, 1], was " + edgeFraction);
        }
        this.seed = seed;
        this.edgeFraction = edgeFraction;
        this.filter = filter;
        this.pools = new ValuePools(seed);
    }

    /** The generators, by table; notes on what is not guaranteed are added to {@code notes}. */
    Map<TableName, TableGenerator> build(LoadPlan plan, List<String> notes) {
        Map<TableName, Long> rows = new HashMap<>();
        plan.tables().forEach(t -> rows.put(t.table().name(), t.rows()));
        tables.clear();
        plan.tables().forEach(t -> tables.put(t.table().name(), t.table()));
        Map<TableName, TableGenerator> generators = new TreeMap<>();
        List<DatagenException.Problem> problems = new ArrayList<>();
        for (LoadPlan.TableLoad load : plan.tables()) {
            if (load.rows() > 0) {
                generators.put(load.table().name(), table(load, rows, generators, problems, notes));
            }
        }
        for (LoadPlan.Step step : plan.steps()) {
            for (LoadPlan.DeferredUpdate u : step.updates()) {
                TableGenerator g = generators.get(u.table());
                if (g != null && updateKey(g.table(), u) == null) {
                    problems.add(new DatagenException.Problem(u.table().toString(), String.join(", ", u.columns()),
                            "foreign key " + u.foreignKey().name() + " is loaded as NULL and set by an UPDATE, but the "
                                    + "table has no primary key or NOT NULL unique key filled by datagen to find its rows",
                            "add a primary key, or give the table 0 rows"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DatagenException(problems);
        }
        return generators;
    }

    /** The key that identifies rows of {@code table} for a deferred update, or null when there is none. */
    static UniqueKey updateKey(Table table, LoadPlan.DeferredUpdate update) {
        return table.uniqueKeys().stream()
                .filter(k -> k.respected() && !k.expression() && k.predicate() == null && !k.columns().isEmpty())
                .filter(k -> k.columns().stream().noneMatch(update.columns()::contains))
                .filter(k -> k.columns().stream().allMatch(c -> table.column(c)
                        .map(col -> col.notNull() && col.fill() == Column.Fill.DATAGEN).orElse(false)))
                .findFirst().orElse(null);
    }

    private TableGenerator table(LoadPlan.TableLoad load, Map<TableName, Long> rows,
                                 Map<TableName, TableGenerator> generators, List<DatagenException.Problem> problems,
                                 List<String> notes) {
        Table t = load.table();
        String tn = t.name().toString();
        long n = load.rows();
        Set<String> nullInCopy = new LinkedHashSet<>();
        Set<String> alwaysNull = new LinkedHashSet<>();
        load.nullUntilUpdated().forEach(fk -> nullInCopy.addAll(t.nullableColumns(fk)));
        load.alwaysNull().forEach(fk -> alwaysNull.addAll(t.nullableColumns(fk)));
        nullInCopy.addAll(alwaysNull);

        // which foreign key fills which column (the first one declared wins when keys overlap)
        Map<String, ForeignKey> fkOf = new LinkedHashMap<>();
        for (ForeignKey fk : t.foreignKeys()) {
            if (load.alwaysNull().contains(fk) || !rows.containsKey(fk.referencedTable())) {
                continue;
            }
            fk.columns().forEach(c -> fkOf.putIfAbsent(c, fk));
        }
        Map<ForeignKey, Pick> picks = new HashMap<>();
        Set<String> unique = new LinkedHashSet<>();
        for (UniqueKey key : t.uniqueKeys()) {
            if (!key.respected() || key.expression()) {
                notes.add(tn + ": unique index " + key.name() + " is not guaranteed: " + key.note());
                continue;
            }
            List<String> own = key.columns().stream().filter(c -> !fkOf.containsKey(c)).toList();
            if (own.stream().anyMatch(unique::contains)) {
                continue;
            }
            if (own.isEmpty()) {
                keyOfForeignKeys(t, key, fkOf, rows, n, picks, problems);
                continue;
            }
            String chosen = own.stream().filter(c -> UniqueValues.capacity(t.column(c).orElseThrow().type()) >= n)
                    .findFirst().orElse(null);
            if (chosen == null) {
                Column c = t.column(own.get(0)).orElseThrow();
                problems.add(new DatagenException.Problem(tn, String.join(", ", own), "unique key " + key.name()
                        + " needs " + n + " distinct values but " + c.type().declared() + " can hold only "
                        + UniqueValues.capacity(c.type()) + " (datagen makes them unique by construction)",
                        "give " + tn + " at most " + UniqueValues.capacity(c.type()) + " rows, or widen the column"));
            } else {
                unique.add(chosen);
            }
        }
        for (CheckConstraint check : t.checks()) {
            if (!check.columnLevel()) {
                notes.add(tn + ": CHECK " + check.name() + " mentions " + check.columns()
                        + "; datagen does not guarantee CHECKs over several columns");
            }
        }

        List<Column> copyColumns = t.columns().stream().filter(c -> c.fill() == Column.Fill.DATAGEN).toList();
        Map<String, TableGenerator.ColumnValues> values = new HashMap<>();
        for (Column c : copyColumns) {
            if (alwaysNull.contains(c.name())) {
                values.put(c.name(), row -> null);
            } else if (fkOf.containsKey(c.name())) {
                ForeignKey fk = fkOf.get(c.name());
                String refColumn = fk.referencedColumns().get(fk.columns().indexOf(c.name()));
                Column ref = tables.get(fk.referencedTable()).column(refColumn).orElse(null);
                if (ref == null || ref.fill() == Column.Fill.POSTGRES && !sequenceFilled(ref)) {
                    problems.add(new DatagenException.Problem(tn, c.name(), "foreign key " + fk.name()
                            + " references " + fk.referencedTable() + "." + refColumn
                            + ", whose values PostgreSQL computes (generated column), so datagen cannot know them",
                            "give " + tn + " 0 rows, or drop the foreign key while loading"));
                    continue;
                }
                values.put(c.name(), foreignKey(t, c, fk, picks.getOrDefault(fk, new Pick(Pick.HASH, 1)),
                        rows.get(fk.referencedTable()), generators));
            } else if (c.type().unsupported()) {
                problems.add(new DatagenException.Problem(tn, c.name(), "type " + c.type().unsupportedTypeName()
                        + " is not supported", "skip the table with 0 rows (Volume.rows(\"" + tn + "\", 0))"));
            } else if (unique.contains(c.name())) {
                values.put(c.name(), unique(t, c, n, problems));
            } else {
                TableGenerator.ColumnValues v = pooled(t, c, problems);
                if (v != null) {
                    values.put(c.name(), v);
                }
            }
        }
        for (Column c : t.columns()) {
            if (sequenceFilled(c)) {
                // PostgreSQL fills it from a sequence the loader restarts at 1: row i gets i + 1
                values.put(c.name(), row -> String.valueOf(row + 1));
            }
        }
        return new TableGenerator(t, n, copyColumns, values, nullInCopy);
    }

    /** A unique key made only of foreign key columns: one key → parent row = row; several → mixed radix. */
    /**
     * An identity or serial column PostgreSQL fills: foreign keys may reference it (identity ALWAYS cannot be
     * written by COPY), so its values must be known: the loader restarts its sequence, making them 1, 2, 3…
     */
    static boolean sequenceFilled(Column c) {
        return c.fill() == Column.Fill.POSTGRES && c.generated() == Column.Generated.NONE
                && (c.identity() != Column.Identity.NONE || c.serial()) && c.type().category() == TypeCategory.INTEGER;
    }

    private static void keyOfForeignKeys(Table t, UniqueKey key, Map<String, ForeignKey> fkOf, Map<TableName, Long> rows,
                                         long n, Map<ForeignKey, Pick> picks, List<DatagenException.Problem> problems) {
        List<ForeignKey> fks = key.columns().stream().map(fkOf::get).distinct().toList();
        double capacity = 1;
        long divisor = 1;
        for (ForeignKey fk : fks) {
            long parentRows = fk.referencedTable().equals(t.name()) ? n : rows.get(fk.referencedTable());
            picks.put(fk, fks.size() == 1 ? new Pick(Pick.SAME_ROW, 1) : new Pick(Pick.RADIX, divisor));
            capacity *= parentRows;
            divisor = divisor * Math.max(1, parentRows);
        }
        if (fks.stream().anyMatch(fk -> fk.referencedTable().equals(t.name())) || capacity < n) {
            problems.add(new DatagenException.Problem(t.name().toString(), String.join(", ", key.columns()),
                    "unique key " + key.name() + " is made of foreign keys " + fks.stream().map(ForeignKey::name).toList()
                            + " whose referenced tables allow only " + (long) capacity + " distinct combinations for "
                            + n + " rows",
                    "give " + t.name() + " at most " + (long) capacity + " rows, or the referenced tables more"));
        }
    }

    private TableGenerator.ColumnValues foreignKey(Table t, Column c, ForeignKey fk, Pick pick, long parentRows,
                                                   Map<TableName, TableGenerator> generators) {
        String refColumn = fk.referencedColumns().get(fk.columns().indexOf(c.name()));
        boolean self = fk.referencedTable().equals(t.name());
        boolean canBeNull = t.canBeNull(fk);
        boolean nullable = !c.notNull();
        long key = Mix.key(seed, t.name().toString(), "fk", fk.name());
        TableName parent = fk.referencedTable();
        return row -> {
            long parentRow;
            if (self) {
                parentRow = row == 0 ? (canBeNull ? -1 : 0) : Mix.below(Mix.at(key, row), row);
            } else if (pick.mode() == Pick.SAME_ROW) {
                parentRow = row;
            } else if (pick.mode() == Pick.RADIX) {
                parentRow = (row / pick.divisor()) % parentRows;
            } else {
                parentRow = row == 0 && canBeNull ? -1 : Mix.below(Mix.at(key, row), parentRows);
            }
            if (parentRow < 0) {
                if (nullable) {
                    return null;
                }
                parentRow = 0;
            }
            return generators.get(parent).value(refColumn, parentRow);
        };
    }

    private TableGenerator.ColumnValues unique(Table t, Column c, long n, List<DatagenException.Problem> problems) {
        long key = Mix.key(seed, t.name().toString(), c.name());
        List<String> prefixes = c.type().category() == TypeCategory.TEXT
                ? pools.pool(ValuePools.Kind.of(c.name())) : null;
        TableGenerator.ColumnValues v = row -> UniqueValues.value(c.type(), row,
                prefixes == null ? null : prefixes.get((int) Mix.below(Mix.at(key, row), prefixes.size())), key);
        // the values are fixed by the row index: check a sample against the column's constraints
        List<String> sample = new ArrayList<>();
        for (long r = 0; r < Math.min(n, 64); r++) {
            sample.add(v.value(r));
        }
        sample.add(v.value(n - 1));
        boolean[] ok = filter.accepts(t, c, sample);
        for (int i = 0; i < ok.length; i++) {
            if (!ok[i]) {
                problems.add(new DatagenException.Problem(t.name().toString(), c.name(), "the unique value '"
                        + sample.get(i) + "' datagen builds from the row index is rejected by " + constraints(t, c),
                        "relax the constraint while loading, or give the table 0 rows"));
                break;
            }
        }
        return v;
    }

    /** Edge values first (each once), then realistic values, with edge values again in a fraction of the rows. */
    private TableGenerator.ColumnValues pooled(Table t, Column c, List<DatagenException.Problem> problems) {
        List<String> edges = new ArrayList<>(EdgeValues.of(c.type()));
        if (hostileEdges) edges.addAll(EdgeValues.hostile(c.type()));
        List<String> realistic = RealisticValues.of(c.name(), c.type(), pools,
                new Random(Mix.key(seed, t.name().toString(), c.name(), "realistic")));
        List<String> candidates = new ArrayList<>(edges);
        candidates.addAll(realistic);
        boolean[] ok = filter.accepts(t, c, candidates);
        List<String> edgeOk = new ArrayList<>();
        if (!c.notNull()) {
            edgeOk.add(null);
        }
        for (int i = 0; i < edges.size(); i++) {
            if (ok[i]) {
                edgeOk.add(edges.get(i));
            }
        }
        List<String> realOk = new ArrayList<>();
        for (int i = 0; i < realistic.size(); i++) {
            if (ok[edges.size() + i]) {
                realOk.add(realistic.get(i));
            }
        }
        if (realOk.isEmpty()) {
            realOk.addAll(edgeOk);
        }
        if (realOk.isEmpty()) {
            problems.add(new DatagenException.Problem(t.name().toString(), c.name(), "none of " + candidates.size()
                    + " candidate values satisfies " + constraints(t, c),
                    "relax the constraint while loading, or give the table 0 rows"));
            return null;
        }
        String[] edge = edgeOk.toArray(new String[0]);
        String[] real = realOk.toArray(new String[0]);
        long key = Mix.key(seed, t.name().toString(), c.name());
        double fraction = edgeFraction;
        return row -> {
            if (row < edge.length) {
                return edge[(int) row];
            }
            long h = Mix.at(key, row);
            if (edge.length > 0 && Mix.unit(h) < fraction) {
                return edge[(int) Mix.below(Mix.fmix(h), edge.length)];
            }
            return real[(int) Mix.below(Mix.fmix(h ^ 0x5DEECE66DL), real.length)];
        };
    }

    private static String constraints(Table t, Column c) {
        List<String> parts = new ArrayList<>();
        parts.add("type " + c.type().declared());
        t.checks().stream().filter(k -> k.columnLevel() && k.columns().get(0).equals(c.name()))
                .forEach(k -> parts.add("constraint " + k.name() + " " + k.definition()));
        if (c.type().domain() != null) {
            c.type().domain().checks().forEach(k -> parts.add("domain " + c.type().domain().name() + " " + k));
        }
        return String.join(", ", parts);
    }
}
