package dev.migratest.locks;

import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class LockTraceExploreIT {
    static PostgresServer server;
    @TempDir Path dir;

    @BeforeAll static void start() throws Exception { server = new EmbeddedProvider().start(); }
    @AfterAll static void stop() throws Exception { server.close(); }

    static final String SETUP = "CREATE TABLE users (id bigint PRIMARY KEY, email text, n int);\n"
            + "INSERT INTO users SELECT g, 'u' || g || '@x.org', g FROM generate_series(1, 20000) g;\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, total int);\n"
            + "INSERT INTO orders SELECT g, 1 + g % 20000, g FROM generate_series(1, 20000) g;\n";

    @Test
    void show() throws Exception {
        String[][] cases = {
            {"ALTER TABLE users ADD COLUMN c timestamptz DEFAULT clock_timestamp();\n", "ALTER TABLE users DROP COLUMN c;\n"},
            {"CREATE INDEX CONCURRENTLY users_n_idx ON users (n);\n", "DROP INDEX CONCURRENTLY users_n_idx;\n"},
            {"ALTER TABLE users ALTER COLUMN n TYPE bigint;\n", "ALTER TABLE users ALTER COLUMN n TYPE int;\n"},
            {"UPDATE users SET n = n + 1;\n", "UPDATE users SET n = n - 1;\n"},
            {"ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;\n", "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users;\n"},
            {"LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(0.5);\n", "SELECT 1;\n"},
        };
        for (String[] c : cases) {
            CycleResult r = new TracedHistory(server, java.nio.file.Files.createTempDirectory(dir, "h")).rehearse(SETUP, c[0], c[1]);
            System.out.println("=== " + c[0].trim() + " -> " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
            r.phases().forEach(p -> {
                System.out.println("  " + p.phase() + " " + p.durationMs() + " incomplete=" + p.traceIncomplete());
                p.statements().forEach(s -> System.out.println("    " + s.line() + " " + s.startMs() + "+" + s.durationMs() + " " + s.trace()));
            });
        }
    }
}
