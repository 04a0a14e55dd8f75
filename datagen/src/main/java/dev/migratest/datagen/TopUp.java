package dev.migratest.datagen;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills the empty tables of a schema that grows migration by migration: tables that already hold rows are left as
 * they are (and count as parents with the rows they have), empty ones get their target volume. Deterministic for a
 * seed, so the same history gets the same data on every run.
 * <p>
 * The volume's names are read as in SQL ({@link TableReference}) against the schema as it is at each run: a name
 * that means no table yet waits for the migration that creates its table; a table with a ratio waits, empty, until
 * its parent exists (and so do the empty tables whose foreign keys point at it, so that their keys find rows).
 */
public final class TopUp {
    private final long defaultRows;
    private final Map<String, Long> perTable;
    private final Map<String, Volume.Ratio> ratios;
    private final long seed;
    private final boolean hostileEdges;
    /** Hears every load of this top-up; null for a {@link LoadProgress#console()} of its own per load. */
    private final LoadProgress progress;

    /**
     * What one run did.
     *
     * @param present rows each table holds now ({@code schema.table} → rows)
     * @param loaded  rows this run wrote, per table it loaded ({@code schema.table} → rows)
     * @param waiting the volume's names that mean no table yet, as written
     */
    public record Result(Map<String, Long> present, Map<String, Long> loaded, List<String> waiting) {
        public Result {
            present = Collections.unmodifiableMap(new LinkedHashMap<>(present));
            loaded = Collections.unmodifiableMap(new LinkedHashMap<>(loaded));
            waiting = List.copyOf(waiting);
        }
    }

    /**
     * @param perTable rows per table ({@code table} or {@code schema.table}); names of tables that do not exist yet
     *                 wait for the migration that creates them
     */
    public TopUp(long defaultRows, Map<String, Long> perTable, long seed) {
        this(defaultRows, perTable, Map.of(), seed);
    }

    /** @param ratios rows per parent row, e.g. {@code orders → (users, 3)}: applied once both tables exist */
    public TopUp(long defaultRows, Map<String, Long> perTable, Map<String, Volume.Ratio> ratios, long seed) {
        this(defaultRows, perTable, ratios, seed, false);
    }

    /** @param hostileEdges also load {@link DataLoader#hostileEdgeValues values a later migration may choke on} */
    public TopUp(long defaultRows, Map<String, Long> perTable, Map<String, Volume.Ratio> ratios, long seed,
                 boolean hostileEdges) {
        this(defaultRows, perTable, ratios, seed, hostileEdges, null);
    }

    private TopUp(long defaultRows, Map<String, Long> perTable, Map<String, Volume.Ratio> ratios, long seed,
                  boolean hostileEdges, LoadProgress progress) {
        perTable.keySet().forEach(TableReference::parse);
        ratios.forEach((table, ratio) -> {
            TableReference.parse(table);
            TableReference.parse(ratio.parent());
        });
        this.hostileEdges = hostileEdges;
        this.defaultRows = defaultRows;
        this.perTable = new LinkedHashMap<>(perTable);
        this.ratios = new LinkedHashMap<>(ratios);
        this.seed = seed;
        this.progress = progress;
    }

    /**
     * Who hears the loads of every run: one listener given to several runs sees them as one run of loads (the
     * console's line then tells what all of them loaded so far). By default each load has a console line of its own.
     */
    public TopUp progress(LoadProgress progress) {
        return new TopUp(defaultRows, perTable, ratios, seed, hostileEdges, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Loads what is missing. Throws {@link DatagenException}, before loading anything, when two names of the volume
     * mean the same table.
     */
    public Result run(ConnectionSource source) throws SQLException {
        return run(source, Set.of());
    }

    /**
     * As {@link #run(ConnectionSource)}, leaving the tables named in {@code leftAlone} ({@code schema.table},
     * unquoted) out altogether: never loaded, not counted, as if they were not there (a migration tool's own table).
     */
    public Result run(ConnectionSource source, Set<String> leftAlone) throws SQLException {
        SchemaModel model;
        try (Connection c = source.open()) {
            model = SchemaIntrospector.read(c, true).without(leftAlone);
        }
        Map<String, TableName> resolved = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        for (String name : names()) {
            TableReference.parse(name).resolveIn(model).ifPresentOrElse(t -> resolved.put(name, t), () -> waiting.add(name));
        }
        refuseTablesNamedTwice(resolved);

        Volume effective = Volume.defaultRows(defaultRows);
        Set<TableName> held = new TreeSet<>();
        for (Map.Entry<String, Long> wanted : perTable.entrySet()) {
            TableName table = resolved.get(wanted.getKey());
            if (table != null) effective = effective.rows(sql(table), wanted.getValue());
        }
        for (Map.Entry<String, Volume.Ratio> wanted : ratios.entrySet()) {
            TableName table = resolved.get(wanted.getKey());
            TableName parent = resolved.get(wanted.getValue().parent());
            if (table != null && parent != null) {
                effective = effective.ratio(sql(table), wanted.getValue().perParent(), sql(parent));
            } else if (table != null) {
                held.add(table);
            }
        }
        Set<TableName> empty = new TreeSet<>();
        for (Table table : model.tables()) {
            long present = table.exactRows().orElse(0);
            if (present > 0) {
                effective = effective.rows(sql(table.name()), present);
            } else {
                empty.add(table.name());
            }
        }
        for (TableName table : heldWithTheirReferrers(model, held, empty)) {
            effective = effective.rows(sql(table), 0);
        }
        LoadPlan plan = LoadPlanner.plan(model, effective);
        Set<TableName> toLoad = new TreeSet<>();
        for (LoadPlan.TableLoad load : plan.tables()) {
            if (empty.contains(load.table().name()) && load.rows() > 0) toLoad.add(load.table().name());
        }
        LoadReport report = toLoad.isEmpty() ? null : loader().only(toLoad).load(source, model, plan);
        Map<String, Long> present = new LinkedHashMap<>();
        Map<String, Long> loaded = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            long added = report == null ? 0 : report.rows(table.name());
            present.put(table.name().toString(), table.exactRows().orElse(0) + added);
            if (toLoad.contains(table.name())) loaded.put(table.name().toString(), added);
        }
        return new Result(present, loaded, waiting);
    }

    /**
     * The volume's names that mean no table of the database as it is now, each with why and the names that would
     * work; empty when every name means a table.
     */
    public List<DatagenException.Problem> namesWithoutTable(ConnectionSource source) throws SQLException {
        SchemaModel model;
        try (Connection c = source.open()) {
            model = SchemaIntrospector.read(c);
        }
        List<DatagenException.Problem> problems = new ArrayList<>();
        for (String name : names()) {
            TableReference reference = TableReference.parse(name);
            if (reference.resolveIn(model).isEmpty()) problems.add(reference.notFoundIn(model));
        }
        return problems;
    }

    /** Every name the volume uses, tables and ratio parents, each once, in the order given. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>(perTable.keySet());
        ratios.forEach((table, ratio) -> {
            names.add(table);
            names.add(ratio.parent());
        });
        return List.copyOf(names);
    }

    private DataLoader loader() {
        DataLoader loader = DataLoader.seed(seed).hostileEdgeValues(hostileEdges);
        return progress == null ? loader : loader.progress(progress);
    }

    /** Two names of the volume for one table ({@code customers} and {@code public.customers}): which one counts? */
    private void refuseTablesNamedTwice(Map<String, TableName> resolved) {
        List<DatagenException.Problem> problems = new ArrayList<>();
        Map<TableName, String> givenAs = new LinkedHashMap<>();
        List<String> given = new ArrayList<>(perTable.keySet());
        given.addAll(ratios.keySet());
        for (String name : given) {
            TableName table = resolved.get(name);
            String before = table == null ? null : givenAs.putIfAbsent(table, name);
            if (before != null) {
                problems.add(new DatagenException.Problem(name, null, "the volume names table " + table
                        + " twice (as '" + before + "' and '" + name + "')", "give it one row count or one ratio"));
            }
        }
        if (!problems.isEmpty()) throw new DatagenException(problems);
    }

    /**
     * The empty tables that must wait: those whose ratio parent does not exist yet, and the empty tables whose foreign
     * keys point at a waiting one (loaded now, their keys could only be NULL or fail).
     */
    private static Set<TableName> heldWithTheirReferrers(SchemaModel model, Set<TableName> held, Set<TableName> empty) {
        Set<TableName> waiting = new TreeSet<>(held);
        waiting.retainAll(empty);
        boolean grew = !waiting.isEmpty();
        while (grew) {
            grew = false;
            for (Table table : model.tables()) {
                if (empty.contains(table.name()) && !waiting.contains(table.name()) && table.foreignKeys().stream()
                        .anyMatch(fk -> waiting.contains(fk.referencedTable()))) {
                    grew = waiting.add(table.name()) || grew;
                }
            }
        }
        return waiting;
    }

    /** The name that means this table and nothing else, so that the effective volume names each table once. */
    private static String sql(TableName table) {
        return TableReference.of(table).written();
    }
}
