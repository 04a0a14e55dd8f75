package dev.migratest.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded Postgres for one test class, its data directory on tmpfs when there is one (the disks of the build
 * machines are throttled; tmpfs is ~20× faster), and a fresh database per test.
 */
final class TestPostgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static TestPostgres start() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dataDirectory = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "migratest-pg")
                    : Files.createTempDirectory("migratest-pg");
            return new TestPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to a database that no other test uses. */
    Connection freshDatabase() throws SQLException {
        String name = "schema_test_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
