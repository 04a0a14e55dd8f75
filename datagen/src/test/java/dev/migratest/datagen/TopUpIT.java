package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A schema that grows between top-ups, as a migration history grows it: names, ratios and waiting tables. */
class TopUpIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "migratest-topup-it")
                : Files.createTempDirectory("migratest-topup-it");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachTableIsLoadedOnceWhenItFirstExistsWithTheVolumeItsNameMeans() throws SQLException {
        DataSource ds = database("grows");
        Map<String, Long> perTable = new LinkedHashMap<>();
        perTable.put("customers", 300L);
        perTable.put("billing.customers", 7L);
        perTable.put("\"AuditEvents\"", 11L);
        Map<String, Volume.Ratio> ratios = new LinkedHashMap<>();
        ratios.put("public.orders", new Volume.Ratio("customers", 3));
        ratios.put("billing.invoices", new Volume.Ratio("public.orders", 2));
        TopUp topUp = new TopUp(5, perTable, ratios, 1);

        execute(ds, "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");
        TopUp.Result first = topUp.run(ds::getConnection);
        execute(ds, "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " customer_id bigint NOT NULL REFERENCES customers (id))");
        execute(ds, "CREATE SCHEMA billing");
        execute(ds, "CREATE TABLE billing.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, vat text)");
        TopUp.Result second = topUp.run(ds::getConnection);
        execute(ds, "CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " order_id bigint NOT NULL REFERENCES orders (id))");
        execute(ds, "CREATE TABLE \"AuditEvents\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text)");
        execute(ds, "CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text)");
        TopUp.Result third = topUp.run(ds::getConnection);
        TopUp.Result fourth = topUp.run(ds::getConnection);

        assertThat(first.loaded()).containsExactly(Map.entry("public.customers", 300L));
        assertThat(first.waiting()).containsExactly("billing.customers", "\"AuditEvents\"", "public.orders",
                "billing.invoices");
        assertThat(second.loaded()).as("customers holds rows: loaded once, and a parent with the rows it has")
                .containsOnly(Map.entry("billing.customers", 7L), Map.entry("public.orders", 900L));
        assertThat(third.loaded()).containsOnly(Map.entry("billing.invoices", 1800L),
                Map.entry("public.AuditEvents", 11L), Map.entry("public.notes", 5L));
        assertThat(third.waiting()).isEmpty();
        assertThat(fourth.loaded()).isEmpty();
        assertThat(fourth.present()).containsOnly(Map.entry("billing.customers", 7L), Map.entry("billing.invoices", 1800L),
                Map.entry("public.AuditEvents", 11L), Map.entry("public.customers", 300L),
                Map.entry("public.notes", 5L), Map.entry("public.orders", 900L));
        assertThat(rows(ds, "SELECT count(*) FROM customers")).isEqualTo(300);
        assertThat(rows(ds, "SELECT count(*) FROM billing.customers")).isEqualTo(7);
    }

    @Test
    void aNameWithoutSchemaFollowsTheDatabasesSearchPath() throws SQLException {
        DataSource ds = database("search_path");
        execute(ds, "CREATE SCHEMA app");
        execute(ds, "ALTER DATABASE search_path SET search_path = app, public");
        execute(ds, "CREATE TABLE public.customers (id bigint PRIMARY KEY)");
        execute(ds, "CREATE TABLE app.customers (id bigint PRIMARY KEY)");

        TopUp.Result result = new TopUp(2, Map.of("customers", 40L), 1).run(ds::getConnection);

        assertThat(result.loaded()).containsOnly(Map.entry("app.customers", 40L), Map.entry("public.customers", 2L));
    }

    @Test
    void aTableWhoseRatioParentDoesNotExistYetWaitsEmptyAndSoDoTablesPointingAtIt() throws SQLException {
        DataSource ds = database("waiting_ratio");
        execute(ds, "CREATE TABLE orders (id bigint PRIMARY KEY)");
        execute(ds, "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id))");
        execute(ds, "CREATE TABLE tags (id bigint PRIMARY KEY)");
        TopUp topUp = new TopUp(4, Map.of(), Map.of("orders", new Volume.Ratio("users", 2)), 1);

        TopUp.Result before = topUp.run(ds::getConnection);
        execute(ds, "CREATE TABLE users (id bigint PRIMARY KEY)");
        TopUp.Result after = topUp.run(ds::getConnection);

        assertThat(before.loaded()).containsOnly(Map.entry("public.tags", 4L));
        assertThat(before.waiting()).containsExactly("users");
        assertThat(after.loaded()).containsOnly(Map.entry("public.users", 4L), Map.entry("public.orders", 8L),
                Map.entry("public.order_lines", 4L));
    }

    @Test
    void twoNamesOfOneTableAreRefusedBeforeAnythingIsLoaded() throws SQLException {
        DataSource ds = database("named_twice");
        execute(ds, "CREATE TABLE customers (id bigint PRIMARY KEY)");
        Map<String, Long> perTable = new LinkedHashMap<>();
        perTable.put("customers", 10L);
        perTable.put("Public.Customers", 20L);

        assertThatThrownBy(() -> new TopUp(1, perTable, 1).run(ds::getConnection))
                .isInstanceOf(DatagenException.class)
                .hasMessage("Public.Customers: the volume names table public.customers twice (as 'customers' and"
                        + " 'Public.Customers'). Fix: give it one row count or one ratio");
        assertThat(rows(ds, "SELECT count(*) FROM customers")).isZero();
    }

    @Test
    void namesWithoutTableSaysWhyForEachAndWhatWouldWork() throws SQLException {
        DataSource ds = database("unknown_names");
        execute(ds, "CREATE TABLE customers (id bigint PRIMARY KEY)");
        execute(ds, "CREATE SCHEMA billing");
        execute(ds, "CREATE TABLE billing.invoices (id bigint PRIMARY KEY)");
        TopUp topUp = new TopUp(1, Map.of("custmers", 10L), Map.of("invoices", new Volume.Ratio("customers", 2)), 1);

        List<String> messages = new ArrayList<>();
        topUp.namesWithoutTable(ds::getConnection).forEach(p -> messages.add(p.message()));

        assertThat(messages).containsExactly(
                "custmers: no table custmers in the search_path (public). Fix: use one of the known tables:"
                        + " billing.invoices, public.customers",
                "invoices: no table invoices in the search_path (public). Fix: qualify it with its schema: billing.invoices");
    }

    @Test
    void aNameThatCannotBeReadIsRefusedWhenTheTopUpIsMade() {
        assertThatThrownBy(() -> new TopUp(1, Map.of("\"Audit", 10L), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table name '\"Audit' cannot be read: a double quote is not closed");
    }

    private static DataSource database(String name) throws SQLException {
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
