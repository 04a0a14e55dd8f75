package dev.migratest.runner;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Tool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The table a migration tool keeps of the migrations it applied, kept in the scratch database as the tool keeps it:
 * created once on each fresh database with the tool's own DDL, in the schema the tool would use (the session's
 * current schema), and written with each phase as the tool writes it. A migration that reads its tool's table, or
 * guards on it, then runs as in production. The table is no part of what the rehearsal compares or loads.
 */
abstract class ToolHistory {

    /** No tool table: layouts whose tool is not modelled, and rehearsals not told their tool. */
    static final ToolHistory NONE = new ToolHistory(Tool.NONE) {
        @Override
        List<String> createStatements(String table) {
            return List.of();
        }

        @Override
        Entry entry(Phase phase, Migration migration) {
            return Entry.NONE;
        }
    };

    private final Tool tool;
    private String table;

    ToolHistory(Tool tool) {
        this.tool = tool;
    }

    /** The history of {@code tool} for a rehearsal of {@code migrations}, in run order. */
    static ToolHistory of(Tool tool, List<Migration> migrations) {
        return switch (tool) {
            case NONE -> NONE;
            case DIESEL -> RowHistory.diesel();
            case DBMATE -> RowHistory.dbmate();
            case GOOSE -> RowHistory.goose();
            case SQL_MIGRATE -> RowHistory.sqlMigrate();
            case GOLANG_MIGRATE -> new GolangMigrateHistory(migrations);
            case SQLX -> new SqlxHistory();
            case FLYWAY -> new FlywayHistory();
        };
    }

    Tool tool() {
        return tool;
    }

    /**
     * The table's name as the catalog reads it ({@code schema.table}, unquoted), to leave it out of comparisons and
     * loads; empty before {@link #create} and for {@link #NONE}.
     */
    Set<String> tables() {
        return table == null ? Set.of() : Set.of(table.replace("\"", ""));
    }

    /** The table's name as the schema snapshot prints it ({@code schema.table}, quoted where needed). */
    Set<String> quotedTables() {
        return table == null ? Set.of() : Set.of(table);
    }

    /** Creates the table on a fresh database, in the session's current schema as the tool does. */
    void create(Connection connection) throws SQLException {
        if (tool == Tool.NONE) return;
        String schema;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(current_schema(), 'public')")) {
            rs.next();
            schema = rs.getString(1);
        }
        table = quote(schema) + "." + quote(tool.table());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : createStatements(table)) statement.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The table, schema-qualified and quoted where needed, for the statements. */
    String table() {
        if (table == null) throw new IllegalStateException(tool.displayName() + "'s table was not created");
        return table;
    }

    /** The tool's DDL (and first rows) for {@code table}. */
    abstract List<String> createStatements(String table);

    /** What the tool writes to its table around one phase of one migration. */
    abstract Entry entry(Phase phase, Migration migration);

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The statements of one phase, by when the tool runs them. */
    interface Entry {
        Entry NONE = new Entry() {
        };

        /** Before the script, in a transaction of their own (golang-migrate marks the version dirty). */
        default List<ToolStatement> before() {
            return List.of();
        }

        /** With the script: in its transaction when it runs in one, after its statements otherwise. */
        default List<ToolStatement> with(double elapsedMs) {
            return List.of();
        }

        /** After the script succeeded, in a transaction of their own (golang-migrate marks the version clean). */
        default List<ToolStatement> after(double elapsedMs) {
            return List.of();
        }
    }
}
