package dev.migratest.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.postgresql.PGStatement;

/**
 * Runs {@code snapshot.sql} and turns its rows into {@link SchemaObject}s. The query returns one row per object with
 * positional attribute columns a1 … a12; {@link #ATTRIBUTES} names them per kind, in the order the query fills them.
 * Comments come as rows of their own and are attached here by catalog address; column positions are ranked here.
 */
final class CatalogQuery {

    static final Map<String, List<String>> ATTRIBUTES;

    static {
        List<String> relation = List.of("definition", "options", "populated", "privileges");
        List<String> routine = List.of("definition", "privileges");
        List<String> type = List.of("labels", "base type", "not null", "default", "collation", "attributes", "subtype",
                "privileges");
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("schema", List.of("privileges"));
        attributes.put("table", List.of("kind", "persistence", "partition key", "partition of", "partition bound",
                "inherits", "options", "row security", "force row security", "replica identity", "privileges"));
        attributes.put("column", List.of("type", "not null", "default", "identity", "generated", "collation",
                "privileges"));
        attributes.put("constraint", List.of("definition", "validated"));
        attributes.put("index", List.of("definition", "valid", "unique", "clustered"));
        attributes.put("sequence", List.of("type", "start", "increment", "min", "max", "cycle", "cache",
                "persistence", "owned by", "privileges"));
        attributes.put("view", relation);
        attributes.put("materialized view", relation);
        attributes.put("function", routine);
        attributes.put("procedure", routine);
        attributes.put("aggregate", routine);
        attributes.put("trigger", List.of("definition", "enabled"));
        attributes.put("enum", type);
        attributes.put("domain", type);
        attributes.put("range", type);
        attributes.put("type", type);
        attributes.put("extension", List.of("version", "schema"));
        attributes.put("policy", List.of("command", "permissive", "roles", "using", "with check"));
        attributes.put("rule", List.of("definition", "enabled"));
        attributes.put("statistics", List.of("definition"));
        attributes.put("event trigger", List.of("event", "function", "tags", "enabled"));
        ATTRIBUTES = Map.copyOf(attributes);
    }

    /** Result columns: kind, name, parent, a1 … a12, classid, objid, objsubid, root. */
    private static final int KIND = 1;
    private static final int A1 = 4;
    private static final int CLASSID = 16;
    private static final int ROOT = 19;

    /** Rows of this kind carry the text of a comment (a1) and the address of the object it is on. */
    private static final String COMMENT = "comment";

    /*
     * Four statements sent as one batch, hence one round trip: keep the caller's settings in custom settings, set
     * ours, read the catalog, put the caller's back. search_path '' makes every printed name schema-qualified, whatever
     * a migration did to the path; random_page_cost 1.1 (the catalog is cached) makes the per-object lookups use the
     * catalog's indexes instead of scanning a small catalog table once per object.
     */
    private static final String SAVE_SETTINGS = "SELECT "
            + "pg_catalog.set_config('migratest.search_path', pg_catalog.current_setting('search_path'), false), "
            + "pg_catalog.set_config('migratest.random_page_cost', pg_catalog.current_setting('random_page_cost'), "
            + "false), "
            + "pg_catalog.set_config('migratest.plan_cache_mode', pg_catalog.current_setting('plan_cache_mode'), false)";
    // force_generic_plan: planning this query costs ~16 ms; the scoped read's plan must not be redone per call
    private static final String OUR_SETTINGS = "SELECT pg_catalog.set_config('search_path', '', false), "
            + "pg_catalog.set_config('random_page_cost', '1.1', false), "
            + "pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', false)";
    private static final String RESTORE_SETTINGS = "SELECT "
            + "pg_catalog.set_config('search_path', coalesce(pg_catalog.current_setting('migratest.search_path', true), "
            + "pg_catalog.current_setting('search_path')), false), "
            + "pg_catalog.set_config('random_page_cost', "
            + "coalesce(pg_catalog.current_setting('migratest.random_page_cost', true), "
            + "pg_catalog.current_setting('random_page_cost')), false), "
            + "pg_catalog.set_config('plan_cache_mode', "
            + "coalesce(pg_catalog.current_setting('migratest.plan_cache_mode', true), "
            + "pg_catalog.current_setting('plan_cache_mode')), false)";
    /** Every object in user schemas; user objects have OIDs from 16384 on, which keeps the scans on the OID indexes. */
    static final String FULL_BATCH = batch(SqlResources.load("snapshot.sql")
            .replace("/*SCOPE*/", "")
            .replace("/*REL*/", "c.oid >= 16384")
            .replace("/*TYPE*/", "t.oid >= 16384")
            .replace("/*PROC*/", "p.oid >= 16384")
            .replace("/*SCHEMA*/", "TRUE")
            .replace("/*EXTENSION*/", "TRUE")
            .replace("/*FILTER*/", ""));

    /**
     * The objects of the given roots only (one text[] parameter): each branch reaches its objects through the OID
     * indexes, so the cost follows what a phase touched, not the size of the database.
     */
    static final String SCOPED_BATCH = batch(SqlResources.load("snapshot.sql")
            .replace("/*SCOPE*/", "roots AS MATERIALIZED (SELECT x FROM pg_catalog.unnest(?::text[]) x),\n"
                    + "in_scope AS MATERIALIZED (SELECT left(x, 1) AS k, substr(x, 2)::oid AS o FROM roots),\n"
                    + "rel_scope AS MATERIALIZED (SELECT o FROM in_scope WHERE k = 'r' UNION "
                    + "SELECT i.indexrelid FROM pg_catalog.pg_index i JOIN in_scope s ON s.k = 'r' AND i.indrelid = s.o),\n")
            .replace("/*REL*/", "c.oid IN (SELECT o FROM rel_scope)")
            .replace("/*TYPE*/", "t.oid IN (SELECT o FROM in_scope WHERE k = 't')")
            .replace("/*PROC*/", "p.oid IN (SELECT o FROM in_scope WHERE k = 'p')")
            .replace("/*SCHEMA*/", "ns.oid IN (SELECT o FROM in_scope WHERE k = 'n')")
            .replace("/*EXTENSION*/", "e.oid IN (SELECT o FROM in_scope WHERE k = 'x')")
            .replace("/*FILTER*/", "WHERE kind <> 'comment' OR root IN (SELECT x FROM roots) OR root LIKE 'v%'"));

    private static String batch(String query) {
        return SAVE_SETTINGS + ";\n" + OUR_SETTINGS + ";\n" + query + ";\n" + RESTORE_SETTINGS;
    }

    private CatalogQuery() {
    }

    /**
     * Runs the batch. If any of its statements fails, the transaction it ran in (the implicit one of the batch, or the
     * caller's) is aborted and takes our setting changes with it, so there is nothing to restore by hand.
     */
    static List<SchemaObject> read(Connection connection) throws SQLException {
        return read(connection, null).stream().map(CatalogEntry::object).toList();
    }

    /**
     * Reads the objects whose root is in {@code roots} ({@code 'r' || oid} of a table, view or sequence, {@code 't'}
     * type, {@code 'p'} routine, {@code 'n'} schema, {@code 'x'} extension, {@code 'v'} event trigger), or every
     * object when {@code roots} is {@code null}.
     */
    static List<CatalogEntry> read(Connection connection, Collection<String> roots) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(roots == null ? FULL_BATCH : SCOPED_BATCH)) {
            if (statement.isWrapperFor(PGStatement.class)) {
                // prepared on the server from the first use, so later snapshots on this connection skip planning
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            }
            if (roots != null) {
                statement.setArray(1, connection.createArrayOf("text", roots.toArray()));
            }
            boolean isResultSet = statement.execute();
            List<CatalogEntry> objects = null;
            for (int index = 0; isResultSet || statement.getUpdateCount() != -1; index++) {
                if (isResultSet && index == 2) {
                    try (ResultSet rows = statement.getResultSet()) {
                        objects = objects(rows);
                    }
                }
                isResultSet = statement.getMoreResults();
            }
            if (objects == null) {
                throw new SQLException("the catalog rows were expected as the third result of the snapshot batch");
            }
            return objects;
        }
    }

    private static List<CatalogEntry> objects(ResultSet rows) throws SQLException {
        List<Row> all = new ArrayList<>();
        Map<Address, String> comments = new HashMap<>();
        Map<String, List<Row>> columnsByParent = new HashMap<>();
        while (rows.next()) {
            String kind = rows.getString(KIND);
            Address address = new Address(rows.getLong(CLASSID), rows.getLong(CLASSID + 1), rows.getInt(CLASSID + 2));
            if (kind.equals(COMMENT)) {
                comments.put(address, rows.getString(A1));
                continue;
            }
            List<String> names = ATTRIBUTES.get(kind);
            if (names == null) {
                throw new IllegalStateException("snapshot.sql returned kind '" + kind
                        + "', which CatalogQuery.ATTRIBUTES does not name");
            }
            Row row = new Row(kind, rows.getString(KIND + 1), rows.getString(KIND + 2), address, rows.getString(ROOT));
            for (int i = 0; i < names.size(); i++) {
                String value = rows.getString(A1 + i);
                if (value != null) {
                    row.attributes.put(names.get(i), value);
                }
            }
            all.add(row);
            if (kind.equals("column")) {
                columnsByParent.computeIfAbsent(row.parent, parent -> new ArrayList<>()).add(row);
            }
        }
        // position = rank among the live columns, not attnum: a dropped column leaves a hole in attnum
        for (List<Row> columns : columnsByParent.values()) {
            columns.sort(Comparator.comparingInt(row -> row.address.objsubid()));
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).attributes.put(ColumnPositions.POSITION, Integer.toString(i + 1));
            }
        }
        List<CatalogEntry> objects = new ArrayList<>(all.size());
        for (Row row : all) {
            String comment = comments.get(row.address);
            if (comment != null) {
                row.attributes.put(COMMENT, comment);
            }
            objects.add(new CatalogEntry(new SchemaObject(row.kind, row.name, row.parent, row.attributes), row.root,
                    row.address.classid(), row.address.objid()));
        }
        return objects;
    }

    /** Where an object is in the catalog; never part of a value (OIDs differ between databases). */
    private record Address(long classid, long objid, int objsubid) {
    }

    private static final class Row {
        final String kind;
        final String name;
        final String parent;
        final Address address;
        final String root;
        final TreeMap<String, String> attributes = new TreeMap<>();

        Row(String kind, String name, String parent, Address address, String root) {
            this.root = root;
            this.kind = kind;
            this.name = name;
            this.parent = parent;
            this.address = address;
        }
    }
}
