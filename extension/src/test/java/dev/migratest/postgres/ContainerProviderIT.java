package dev.migratest.postgres;

import dev.migratest.DisabledWithoutContainerEngine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Testcontainers for real, where an engine answers (CI prepares one with .ci/container-engine.sh). */
@DisabledWithoutContainerEngine
class ContainerProviderIT {

    @Test
    void aContainerServesScratchDatabasesWithDurabilityOn() throws Exception {
        try (PostgresServer server = new ContainerProvider(PostgresRequest.ANY, false).start()) {
            assertThat(server.providerName()).isEqualTo("container");
            assertThat(server.version()).matches("\\d+\\.\\d+");
            assertThat(server.address().printableUrl("x")).contains("password=***").doesNotContain("password=migratest");
            try (Database db = server.createDatabase("container"); Connection c = db.connect()) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t (id int)");
                }
            }
        }
    }

    @Test
    void theFastProfileTurnsDurabilityOff() throws Exception {
        try (PostgresServer server = new ContainerProvider(PostgresRequest.ANY, true).start();
             Database db = server.createDatabase("fast"); Connection c = db.connect()) {
            assertThat(setting(c, "fsync")).isEqualTo("off");
            assertThat(setting(c, "full_page_writes")).isEqualTo("off");
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
