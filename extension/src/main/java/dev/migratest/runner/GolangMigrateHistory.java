package dev.migratest.runner;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * golang-migrate's {@code schema_migrations}: one row, the current version and whether it is dirty (golang-migrate
 * v4.19, database/postgres/postgres.go ensureVersionTable and SetVersion; migrate.go runMigrations). Before a script
 * runs the target version is written dirty, after it succeeds clean, each in a transaction of its own that empties
 * the table first. The target of a DOWN is the previous migration's version, or none (-1) for the first.
 */
final class GolangMigrateHistory extends ToolHistory {

    private static final long NO_VERSION = -1;

    private final List<Migration> migrations;

    GolangMigrateHistory(List<Migration> migrations) {
        super(Tool.GOLANG_MIGRATE);
        this.migrations = List.copyOf(migrations);
    }

    @Override
    List<String> createStatements(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " (version bigint not null primary key, dirty boolean"
                + " not null)");
    }

    @Override
    Entry entry(Phase phase, Migration migration) {
        long target = phase == Phase.DOWN ? previousVersion(migration) : version(migration);
        return new Entry() {
            @Override
            public List<ToolStatement> before() {
                return setVersion(target, true);
            }

            @Override
            public List<ToolStatement> after(double elapsedMs) {
                return setVersion(target, false);
            }
        };
    }

    /** SetVersion: empty the table; write the version unless it is none and clean. */
    private List<ToolStatement> setVersion(long version, boolean dirty) {
        List<ToolStatement> statements = new ArrayList<>();
        statements.add(ToolStatement.of("TRUNCATE " + table()));
        if (version >= 0 || dirty) {
            statements.add(ToolStatement.of("INSERT INTO " + table() + " (version, dirty) VALUES (?, ?)", version,
                    dirty));
        }
        return statements;
    }

    private long previousVersion(Migration migration) {
        int index = migrations.indexOf(migration);
        return index <= 0 ? NO_VERSION : version(migrations.get(index - 1));
    }

    private static long version(Migration migration) {
        return Long.parseLong(migration.version());
    }
}
