package dev.migratest.datagen;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills the empty tables of a schema that grows migration by migration: tables that already hold rows are left as
 * they are (and count as parents with the rows they have), empty ones get their target volume. Deterministic for a
 * seed, so the same history gets the same data on every run.
 */
public final class TopUp {
    private final long defaultRows;
    private final Map<String, Long> perTable;
    private final Map<String, Volume.Ratio> ratios;
    private final long seed;
    private final boolean hostileEdges;

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
        this.hostileEdges = hostileEdges;
        this.defaultRows = defaultRows;
        this.perTable = Map.copyOf(perTable);
        this.ratios = Map.copyOf(ratios);
        this.seed = seed;
    }

    /** Loads what is missing and returns the rows now present per table ({@code schema.table} → rows). */
    public Map<String, Long> run(ConnectionSource source) throws SQLException {
        SchemaModel model;
        try (Connection c = source.open()) {
            model = SchemaIntrospector.read(c, true);
        }
        Volume effective = Volume.defaultRows(defaultRows);
        for (Map.Entry<String, Long> wanted : perTable.entrySet()) {
            if (exists(model, wanted.getKey())) effective = effective.rows(wanted.getKey(), wanted.getValue());
        }
        for (Map.Entry<String, Volume.Ratio> wanted : ratios.entrySet()) {
            Volume.Ratio ratio = wanted.getValue();
            if (exists(model, wanted.getKey()) && exists(model, ratio.parent())) {
                effective = effective.ratio(wanted.getKey(), ratio.perParent(), ratio.parent());
            }
        }
        Set<TableName> empty = new TreeSet<>();
        for (Table table : model.tables()) {
            long present = table.exactRows().orElse(0);
            if (present > 0) {
                effective = effective.rows(table.name().toString(), present);
            } else {
                empty.add(table.name());
            }
        }
        LoadPlan plan = LoadPlanner.plan(model, effective);
        Set<TableName> toLoad = new TreeSet<>();
        for (LoadPlan.TableLoad load : plan.tables()) {
            if (empty.contains(load.table().name()) && load.rows() > 0) toLoad.add(load.table().name());
        }
        LoadReport report = toLoad.isEmpty() ? null : DataLoader.seed(seed).hostileEdgeValues(hostileEdges).only(toLoad)
                .load(source, model, plan);
        Map<String, Long> present = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            long before = table.exactRows().orElse(0);
            present.put(table.name().toString(), before + (report == null ? 0 : report.rows(table.name().toString())));
        }
        return present;
    }

    private static boolean exists(SchemaModel model, String name) {
        TableName wanted = TableName.parse(name.contains(".") ? name : "public." + name);
        return model.tables().stream().anyMatch(t -> t.name().equals(wanted)
                || (!name.contains(".") && t.name().name().equals(name)));
    }
}
