package dev.migratest.runner;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Statement;
import dev.migratest.migration.Tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * sqlx's {@code _sqlx_migrations} (sqlx 0.8, sqlx-postgres/src/migrate.rs ensure_migrations_table, apply, revert):
 * a row inserted with the UP's script and deleted with the DOWN's, in the script's transaction when it has one; after
 * an UP sqlx updates the row's execution time outside it. The checksum is SHA-384 of the statements migratest runs
 * (sqlx hashes the file's text, comments and all).
 */
final class SqlxHistory extends ToolHistory {

    SqlxHistory() {
        super(Tool.SQLX);
    }

    @Override
    List<String> createStatements(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                + "    version BIGINT PRIMARY KEY,\n"
                + "    description TEXT NOT NULL,\n"
                + "    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
                + "    success BOOLEAN NOT NULL,\n"
                + "    checksum BYTEA NOT NULL,\n"
                + "    execution_time BIGINT NOT NULL\n"
                + ")");
    }

    @Override
    Entry entry(Phase phase, Migration migration) {
        long version = Long.parseLong(migration.version());
        if (phase == Phase.DOWN) {
            return new Entry() {
                @Override
                public List<ToolStatement> with(double elapsedMs) {
                    return List.of(ToolStatement.of("DELETE FROM " + table() + " WHERE version = ?",
                            version));
                }
            };
        }
        return new Entry() {
            @Override
            public List<ToolStatement> with(double elapsedMs) {
                return List.of(ToolStatement.of("INSERT INTO " + table() + " ( version, description, success, checksum,"
                        + " execution_time ) VALUES ( ?, ?, TRUE, ?, -1 )", version,
                        migration.name().replace('_', ' '), checksum(migration)));
            }

            @Override
            public List<ToolStatement> after(double elapsedMs) {
                return List.of(ToolStatement.of("UPDATE " + table() + " SET execution_time = ? WHERE version = ?",
                        Math.round(elapsedMs * 1_000_000), version));
            }
        };
    }

    private static byte[] checksum(Migration migration) {
        String text = migration.up().statements().stream().map(Statement::sql).collect(Collectors.joining(";\n"));
        try {
            return MessageDigest.getInstance("SHA-384").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every Java runtime", e);
        }
    }
}
