package dev.migratest.locks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user's relations (and types) with their storage file numbers, read in one query: taken when a phase begins
 * it says which objects pre-existed (locks on the others harm nobody), names objects the phase drops (their rows
 * vanish from the migrating transaction's catalog) and is the baseline for rewrites.
 */
final class RelationCatalog {
    static final String USER_NAMESPACE = "n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', '_migratest')"
            + " and n.nspname not like 'pg\\_temp%' and n.nspname not like 'pg\\_toast\\_temp%'";

    private static final String QUERY = """
            select c.oid::bigint, c.relkind::text, n.nspname || '.' || c.relname, c.relfilenode::bigint,
                   c.reltoastrelid::bigint, t.relfilenode::bigint,
                   (select tn.nspname || '.' || tc.relname from pg_index x
                      join pg_class tc on tc.oid = x.indrelid join pg_namespace tn on tn.oid = tc.relnamespace
                     where x.indexrelid = c.oid)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              left join pg_class t on t.oid = c.reltoastrelid
             where %s
            union all
            select ty.oid::bigint, 'y', n.nspname || '.' || ty.typname, 0, 0, null, null
              from pg_type ty join pg_namespace n on n.oid = ty.typnamespace
             where ty.typtype in ('e', 'd', 'r', 'm', 'b') and %s
            """.formatted(USER_NAMESPACE, USER_NAMESPACE);

    private final Map<Long, CatalogEntry> byOid;
    private final Map<String, CatalogEntry> byName;
    private final Map<String, Long> tablesByName;
    private final Map<Long, String> toastByTable;

    private RelationCatalog(Map<Long, CatalogEntry> byOid, Map<Long, String> toastByTable) {
        this.byOid = byOid;
        this.toastByTable = toastByTable;
        this.byName = new HashMap<>();
        this.tablesByName = new HashMap<>();
        byOid.values().forEach(e -> {
            byName.put(e.object().kind() + " " + e.object().name(), e);
            if (e.object().kind().holdsRows()) tablesByName.put(e.object().name(), e.oid());
        });
    }

    static RelationCatalog read(Connection connection) throws SQLException {
        Map<Long, CatalogEntry> entries = new HashMap<>();
        Map<Long, String> toasts = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                String relkind = rs.getString(2);
                String name = rs.getString(3);
                ObjectKind kind = relkind.equals("y") ? ObjectKind.TYPE : ObjectKind.ofRelkind(relkind);
                String indexTable = rs.getString(7);
                String table = kind.holdsRows() || kind == ObjectKind.FOREIGN_TABLE ? name
                        : kind.belongsToTable() ? indexTable : null;
                entries.put(oid, new CatalogEntry(oid, new LockedObject(name, kind, table, false), rs.getLong(4)));
                long toast = rs.getLong(5);
                if (toast != 0) {
                    toasts.put(oid, toastStorage(toast, rs.getLong(6)));
                    entries.put(toast, new CatalogEntry(toast,
                            new LockedObject("toast of " + name, ObjectKind.TOAST_TABLE, name, false), rs.getLong(6)));
                }
            }
        }
        return new RelationCatalog(entries, toasts);
    }

    Optional<CatalogEntry> entry(long oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    boolean contains(long oid) {
        return byOid.containsKey(oid);
    }

    /** The entry of the same kind and name, whatever its OID: a rebuilt index keeps its name, not its OID. */
    Optional<CatalogEntry> sameName(LockedObject object) {
        return Optional.ofNullable(byName.get(object.kind() + " " + object.name()));
    }

    /** The table's toast storage as {@link #toastStorage} spells it; {@code null} without toast table. */
    String toastOf(long tableOid) {
        return toastByTable.get(tableOid);
    }

    /** A rewrite may give the table a new toast table (new OID) or new toast storage (new relfilenode). */
    static String toastStorage(long toastOid, long toastFilenode) {
        return toastOid + ":" + toastFilenode;
    }

    /** The OID of the table (or partitioned table, or materialized view) named so, when it is in the catalog. */
    Optional<Long> tableOid(String name) {
        return Optional.ofNullable(tablesByName.get(name));
    }

    java.util.Collection<CatalogEntry> entries() {
        return byOid.values();
    }
}
