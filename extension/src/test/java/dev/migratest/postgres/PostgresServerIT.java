package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded provider for real, and the external provider pointed at it as if someone else ran it. */
class PostgresServerIT {
    @ClassServer
    private static PostgresServer embedded;

    @Test
    void embeddedServerReportsItsVersionAndProvider() {
        assertThat(embedded.providerName()).isEqualTo("embedded");
        assertThat(embedded.version()).matches("\\d+\\.\\d+");
    }

    @Test
    void embeddedKeepsDurabilityOnByDefault() throws Exception {
        try (Database db = embedded.createDatabase("durable"); Connection c = db.connect();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW fsync")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void aMigratestSessionKeepsItsApplicationNameThroughTheResetBeforeEachPhase() throws Exception {
        try (Database db = embedded.createDatabase("named"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("RESET ALL");
            try (ResultSet rs = st.executeQuery("SELECT application_name FROM pg_stat_activity"
                    + " WHERE pid = pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getString(1)).as("what a DBA sees in pg_stat_activity").isEqualTo("migratest");
            }
        }
    }

    @Test
    void eachDatabaseIsAFreshCloneAndIsDroppedOnClose() throws Exception {
        Database first = embedded.createDatabase("Clone Test");
        try (Connection c = first.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE leftover (id int)");
        }
        Database second = embedded.createDatabase("clone test");
        assertThat(second.name()).startsWith("migratest_").endsWith("_clone_test").isNotEqualTo(first.name());
        assertThat(tablesIn(second)).isEmpty();

        first.close();
        second.close();
        assertThat(databaseNames()).doesNotContain(first.name(), second.name());
    }

    @Test
    void externalModeDropsOnlyWhatItCreated() throws Exception {
        try (Connection c = embedded.address().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS someone_elses");
            st.execute("CREATE DATABASE someone_elses");
        }
        String url = embedded.address().jdbcUrl("postgres") + "?password=not-shown";
        PostgresServer external = new ExternalProvider(url, "postgres", null).start();
        Database scratch = external.createDatabase("ext");
        assertThat(databaseNames()).contains(scratch.name());
        assertThatThrownBy(() -> external.drop("someone_elses"))
                .hasMessage("migratest did not create database 'someone_elses' and will not drop it (this run drops"
                        + " only the databases it created, named migratest_" + external.runId() + "_…)");

        external.close();

        assertThat(databaseNames()).contains("someone_elses").noneMatch(n -> n.startsWith(scratch.name()));
        assertThat(embedded.address().connect("postgres").isValid(1)).as("external close leaves the server up").isTrue();
    }

    @Test
    void aKeptDatabaseSurvivesClose() throws Exception {
        PostgresServer external = new ExternalProvider(embedded.address().jdbcUrl("postgres"), "postgres", null).start();
        Database kept = external.createDatabase("kept");
        kept.keep();
        kept.close();
        external.close();

        assertThat(databaseNames()).contains(kept.name());
        assertThat(kept.printableUrl()).contains(kept.name());
    }

    private static List<String> databaseNames() throws SQLException {
        return strings(embedded.address().connect("postgres"), "SELECT datname FROM pg_database");
    }

    private static List<String> tablesIn(Database db) throws SQLException {
        return strings(db.connect(), "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public'");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (Connection c = connection; Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }
}
