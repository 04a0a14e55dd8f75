package dev.migratest.schema;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;

/**
 * One embedded Postgres for one test class, its data directory on tmpfs when there is one (the disks of the build
 * machines are throttled; tmpfs is ~20× faster), and a fresh database per test. The major is the one named by
 * {@value #VERSION_PROPERTY} (e.g. {@code -Dmigratest.test.postgres.version=12}, for a CI matrix), else the binaries
 * on the classpath.
 */
final class TestPostgres implements AutoCloseable {
    /** System property: the PostgreSQL major the schema tests run against. */
    static final String VERSION_PROPERTY = "migratest.test.postgres.version";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final PostgresServer server;

    private TestPostgres(PostgresServer server) {
        this.server = server;
    }

    static TestPostgres start() {
        return start(System.getProperty(VERSION_PROPERTY));
    }

    /** {@code major} null or empty: the binaries on the classpath. */
    static TestPostgres start(String major) {
        try {
            return new TestPostgres(new EmbeddedProvider(major).start());
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded PostgreSQL " + major, e);
        }
    }

    int majorVersion() {
        return server.majorVersion();
    }

    /** A connection to a database that no other test uses. */
    Connection freshDatabase() throws SQLException {
        String name = "schema_test_" + DATABASES.incrementAndGet();
        try (Connection admin = server.address().connect("postgres");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.address().connect(name);
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } catch (SQLException e) {
            throw new IOException("could not stop " + server, e);
        }
    }
}
