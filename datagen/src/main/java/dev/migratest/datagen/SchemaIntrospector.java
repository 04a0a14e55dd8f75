package dev.migratest.datagen;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the user tables of the connected database from {@code pg_catalog} into a {@link SchemaModel}, in six
 * queries (seven with exact counts) whatever the number of tables, and the connection's search_path. PostgreSQL 12
 * or later.
 * <p>
 * User tables are the ordinary and partitioned tables of every schema except {@code pg_catalog},
 * {@code information_schema}, {@code pg_toast}, temporary schemas and {@code _migratest}, leaving out tables that
 * belong to an extension and partitions (they are listed on their parent). Only reads; never changes anything.
 */
public final class SchemaIntrospector {

    private SchemaIntrospector() {
    }

    /** The user tables and their estimated row counts. */
    public static SchemaModel read(Connection connection) throws SQLException {
        return read(connection, false);
    }

    /** As {@link #read(Connection)}, and with {@code exactCounts} also {@code count(*)} of every table (one query). */
    public static SchemaModel read(Connection connection, boolean exactCounts) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return new Reader(st).read(exactCounts);
        }
    }

    private static final String USER_TABLES = """
            user_tables AS (
              SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '_migratest')
                AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                AND d.objid = c.oid AND d.deptype = 'e'))
            """;

    private static final String TABLES = "WITH " + USER_TABLES + """
            SELECT c.oid, n.nspname, c.relname, c.relkind = 'p', c.reltuples::float8,
                   ARRAY(SELECT pn.nspname::text FROM pg_partition_tree(c.oid) pt JOIN pg_class pc ON pc.oid = pt.relid
                         JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE pt.relid <> c.oid
                         ORDER BY pn.nspname, pc.relname),
                   ARRAY(SELECT pc.relname::text FROM pg_partition_tree(c.oid) pt JOIN pg_class pc ON pc.oid = pt.relid
                         JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE pt.relid <> c.oid
                         ORDER BY pn.nspname, pc.relname)
            FROM user_tables u JOIN pg_class c ON c.oid = u.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            """;

    private static final String COLUMNS = "WITH " + USER_TABLES + """
            SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attndims,
                   format_type(a.atttypid, a.atttypmod), pg_get_expr(ad.adbin, ad.adrelid),
                   a.attidentity::text, a.attgenerated::text,
                   EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                           WHERE d.classid = 'pg_class'::regclass AND d.refobjid = a.attrelid
                             AND d.refobjsubid = a.attnum AND d.deptype = 'a')
            FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE a.attrelid IN (SELECT oid FROM user_tables) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    /** Every type the columns use, closed over domain bases and array elements. */
    private static final String TYPES = "WITH RECURSIVE " + USER_TABLES + """
            , used(oid) AS (
              SELECT DISTINCT a.atttypid FROM pg_attribute a
              WHERE a.attrelid IN (SELECT oid FROM user_tables) AND a.attnum > 0 AND NOT a.attisdropped
              UNION
              SELECT CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END
              FROM pg_type t JOIN used ON used.oid = t.oid
              WHERE t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0))
            SELECT t.oid, n.nspname, t.typname, t.typtype::text, t.typcategory::text, t.typbasetype, t.typtypmod,
                   t.typnotnull, t.typelem, format_type(t.oid, NULL),
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                   ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                         WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname),
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
            FROM used JOIN pg_type t ON t.oid = used.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            """;

    private static final String CONSTRAINTS = "WITH " + USER_TABLES + """
            SELECT c.conrelid, c.conname, c.contype::text, pg_get_constraintdef(c.oid),
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
                   rn.nspname, rc.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i),
                   c.condeferrable, c.condeferred, c.confmatchtype::text
            FROM pg_constraint c
            LEFT JOIN pg_class rc ON rc.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE c.conrelid IN (SELECT oid FROM user_tables) AND c.contype IN ('p', 'u', 'f', 'c')
              AND c.conparentid = 0
            ORDER BY c.conrelid, c.conname
            """;

    /** Unique indexes that back no constraint. An empty column name stands for an expression. */
    private static final String UNIQUE_INDEXES = "WITH " + USER_TABLES + """
            SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),
                   ARRAY(SELECT coalesce(a.attname::text, '') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                         WHERE k.o <= i.indnkeyatts ORDER BY k.o),
                   i.indexprs IS NOT NULL
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indisunique AND i.indrelid IN (SELECT oid FROM user_tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                              AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY i.indrelid, ic.relname
            """;

    private record RawType(long oid, String schema, String name, String typtype, String category, long baseType,
                           int baseTypmod, boolean notNull, long element, String formatted, String baseFormatted,
                           List<String> checks, List<String> enumLabels) {
    }

    private record RawColumn(long table, String name, long typeOid, int typmod, boolean notNull, int dims,
                             String formatted, String defaultExpr, String identity, String generated,
                             boolean ownsSequence) {
    }

    private static final class Reader {
        private final Statement st;
        private final Map<Long, RawType> types = new HashMap<>();

        Reader(Statement st) {
            this.st = st;
        }

        SchemaModel read(boolean exactCounts) throws SQLException {
            Map<Long, TableName> names = new LinkedHashMap<>();
            Map<Long, Boolean> partitioned = new HashMap<>();
            Map<Long, List<TableName>> partitions = new HashMap<>();
            Map<Long, Long> estimates = new HashMap<>();
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    names.put(oid, new TableName(rs.getString(2), rs.getString(3)));
                    partitioned.put(oid, rs.getBoolean(4));
                    double reltuples = rs.getDouble(5);
                    estimates.put(oid, reltuples < 0 ? -1 : Math.round(reltuples));
                    List<String> ps = strings(rs.getArray(6));
                    List<String> pn = strings(rs.getArray(7));
                    List<TableName> parts = new ArrayList<>();
                    for (int i = 0; i < ps.size(); i++) {
                        parts.add(new TableName(ps.get(i), pn.get(i)));
                    }
                    partitions.put(oid, parts);
                }
            }
            try (ResultSet rs = st.executeQuery(TYPES)) {
                while (rs.next()) {
                    RawType t = new RawType(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getBoolean(8), rs.getLong(9),
                            rs.getString(10), rs.getString(11), strings(rs.getArray(12)), strings(rs.getArray(13)));
                    types.put(t.oid(), t);
                }
            }
            Map<Long, List<RawColumn>> columns = new HashMap<>();
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    RawColumn c = new RawColumn(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                            rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getBoolean(11));
                    columns.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
                }
            }
            Map<Long, List<UniqueKey>> keys = new HashMap<>();
            Map<Long, List<ForeignKey>> fks = new HashMap<>();
            Map<Long, List<CheckConstraint>> checks = new HashMap<>();
            try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    long table = rs.getLong(1);
                    String name = rs.getString(2);
                    String def = rs.getString(4);
                    List<String> cols = strings(rs.getArray(5));
                    switch (rs.getString(3)) {
                        case "p" -> keys.computeIfAbsent(table, k -> new ArrayList<>()).add(
                                new UniqueKey(name, UniqueKey.Kind.PRIMARY_KEY, cols, null, false, def, true, null));
                        case "u" -> keys.computeIfAbsent(table, k -> new ArrayList<>()).add(
                                new UniqueKey(name, UniqueKey.Kind.UNIQUE_CONSTRAINT, cols, null, false, def, true, null));
                        case "f" -> fks.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(name, cols,
                                new TableName(rs.getString(6), rs.getString(7)), strings(rs.getArray(8)),
                                rs.getBoolean(9), rs.getBoolean(10), "f".equals(rs.getString(11))));
                        default -> checks.computeIfAbsent(table, k -> new ArrayList<>())
                                .add(new CheckConstraint(name, def, inColumnOrder(cols, columns.get(table))));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(UNIQUE_INDEXES)) {
                while (rs.next()) {
                    List<String> parts = strings(rs.getArray(5));
                    boolean expression = rs.getBoolean(6) || parts.contains("");
                    String def = rs.getString(3);
                    String note = expression
                            ? "expression index: datagen cannot make its expression unique by construction; "
                            + "drop it while loading and recreate it after"
                            : null;
                    keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new UniqueKey(rs.getString(2),
                            UniqueKey.Kind.UNIQUE_INDEX, parts.stream().filter(p -> !p.isEmpty()).toList(),
                            rs.getString(4), expression, def, !expression, note));
                }
            }
            Map<Long, Long> exact = exactCounts && !names.isEmpty() ? count(names) : Map.of();

            // columns a foreign key points at, or that are a foreign key themselves: datagen must write them
            Set<String> controlled = new HashSet<>();
            for (Map.Entry<Long, List<ForeignKey>> e : fks.entrySet()) {
                for (ForeignKey fk : e.getValue()) {
                    fk.referencedColumns().forEach(c -> controlled.add(fk.referencedTable() + "\0" + c));
                    fk.columns().forEach(c -> controlled.add(names.get(e.getKey()) + "\0" + c));
                }
            }
            List<Table> tables = new ArrayList<>();
            for (Map.Entry<Long, TableName> e : names.entrySet()) {
                long oid = e.getKey();
                List<Column> cols = new ArrayList<>();
                for (RawColumn c : columns.getOrDefault(oid, List.of())) {
                    cols.add(column(c, cols.size() + 1, controlled.contains(e.getValue() + "\0" + c.name())));
                }
                List<UniqueKey> ks = new ArrayList<>(keys.getOrDefault(oid, List.of()));
                ks.sort(Comparator.comparing((UniqueKey k) -> k.kind()).thenComparing(UniqueKey::name));
                tables.add(new Table(e.getValue(), partitioned.get(oid), partitions.get(oid), cols, ks,
                        fks.getOrDefault(oid, List.of()), checks.getOrDefault(oid, List.of()), estimates.get(oid),
                        exact.containsKey(oid) ? OptionalLong.of(exact.get(oid)) : OptionalLong.empty()));
            }
            return new SchemaModel(tables, searchPath());
        }

        /** The schemas an unqualified name is looked up in, as PostgreSQL looks it up for this connection. */
        private List<String> searchPath() throws SQLException {
            try (ResultSet rs = st.executeQuery("SELECT current_schemas(false)::text[]")) {
                rs.next();
                return strings(rs.getArray(1));
            }
        }

        private Map<Long, Long> count(Map<Long, TableName> names) throws SQLException {
            List<Long> oids = new ArrayList<>(names.keySet());
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < oids.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(names.get(oids.get(i)).sql()).append(')');
            }
            Map<Long, Long> out = new HashMap<>();
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                rs.next();
                for (int i = 0; i < oids.size(); i++) {
                    out.put(oids.get(i), rs.getLong(i + 1));
                }
            }
            return out;
        }

        private Column column(RawColumn c, int position, boolean controlled) {
            ColumnType type = type(c.typeOid(), c.typmod(), c.dims(), c.formatted(), c.formatted());
            Column.Identity identity = switch (c.identity()) {
                case "a" -> Column.Identity.ALWAYS;
                case "d" -> Column.Identity.BY_DEFAULT;
                default -> Column.Identity.NONE;
            };
            Column.Generated generated = switch (c.generated()) {
                case "s" -> Column.Generated.STORED;
                case "v" -> Column.Generated.VIRTUAL;
                default -> Column.Generated.NONE;
            };
            boolean serial = c.ownsSequence() && c.defaultExpr() != null && c.defaultExpr().startsWith("nextval(");
            boolean byPostgres = identity == Column.Identity.ALWAYS || generated != Column.Generated.NONE
                    || ((serial || identity == Column.Identity.BY_DEFAULT) && !controlled);
            boolean notNull = c.notNull() || (type.domain() != null && type.domain().notNull());
            return new Column(c.name(), position, type, notNull, c.defaultExpr(), identity, generated, serial,
                    byPostgres ? Column.Fill.POSTGRES : Column.Fill.DATAGEN);
        }

        /**
         * Resolves a type. {@code declared} is what the column (or enclosing array) says; {@code baseText} the
         * same text until a domain replaces it with the domain's base.
         */
        private ColumnType type(long oid, int typmod, int dims, String declared, String baseText) {
            RawType t = types.get(oid);
            Domain domain = null;
            if (t.typtype().equals("d")) {
                String name = t.formatted();
                boolean notNull = false;
                List<String> checks = new ArrayList<>();
                while (t.typtype().equals("d")) {
                    notNull |= t.notNull();
                    checks.addAll(t.checks());
                    typmod = t.baseTypmod();
                    baseText = t.baseFormatted();
                    t = types.get(t.baseType());
                }
                domain = new Domain(name, notNull, checks);
            }
            if (t.category().equals("A") && t.element() != 0) {
                String elementText = baseText.endsWith("[]") ? baseText.substring(0, baseText.length() - 2) : baseText;
                while (elementText.endsWith("[]")) {
                    elementText = elementText.substring(0, elementText.length() - 2);
                }
                ColumnType element = type(t.element(), typmod, 0, elementText, elementText);
                return new ColumnType(declared, baseText, TypeCategory.ARRAY, domain, null, null, null, List.of(),
                        element, Math.max(dims, 1), false);
            }
            TypeCategory category = category(t);
            Integer maxLength = null;
            Integer precision = null;
            Integer scale = null;
            if (category == TypeCategory.TEXT && (t.name().equals("varchar") || t.name().equals("bpchar")) && typmod >= 4) {
                maxLength = typmod - 4;
            }
            if (category == TypeCategory.NUMERIC && typmod >= 4) {
                precision = ((typmod - 4) >> 16) & 0xffff;
                scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
            }
            boolean extensionText = category == TypeCategory.TEXT && !t.schema().equals("pg_catalog");
            return new ColumnType(declared, baseText, category, domain, maxLength, precision, scale,
                    category == TypeCategory.ENUM ? t.enumLabels() : List.of(), null, 0, extensionText);
        }

        private static TypeCategory category(RawType t) {
            if (t.typtype().equals("e")) {
                return TypeCategory.ENUM;
            }
            if (!t.schema().equals("pg_catalog")) {
                return t.typtype().equals("b") && t.category().equals("S") ? TypeCategory.TEXT : TypeCategory.UNKNOWN;
            }
            return switch (t.name()) {
                case "text", "varchar", "bpchar", "name" -> TypeCategory.TEXT;
                case "int2", "int4", "int8" -> TypeCategory.INTEGER;
                case "numeric" -> TypeCategory.NUMERIC;
                case "float4", "float8" -> TypeCategory.FLOAT;
                case "bool" -> TypeCategory.BOOLEAN;
                case "date" -> TypeCategory.DATE;
                case "time", "timetz" -> TypeCategory.TIME;
                case "timestamp" -> TypeCategory.TIMESTAMP;
                case "timestamptz" -> TypeCategory.TIMESTAMPTZ;
                case "interval" -> TypeCategory.INTERVAL;
                case "uuid" -> TypeCategory.UUID;
                case "json" -> TypeCategory.JSON;
                case "jsonb" -> TypeCategory.JSONB;
                case "bytea" -> TypeCategory.BYTEA;
                case "inet" -> TypeCategory.INET;
                case "cidr" -> TypeCategory.CIDR;
                default -> TypeCategory.UNKNOWN;
            };
        }

        private static List<String> inColumnOrder(List<String> names, List<RawColumn> columns) {
            List<String> order = columns == null ? List.of() : columns.stream().map(RawColumn::name).toList();
            return names.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
        }

        private static List<String> strings(Array array) throws SQLException {
            if (array == null) {
                return List.of();
            }
            Object[] values = (Object[]) array.getArray();
            return Arrays.stream(values).map(String::valueOf).toList();
        }
    }
}
