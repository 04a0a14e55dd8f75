package dev.migratest.junit;

import dev.migratest.DisabledWithoutContainerEngine;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.RehearseOn;
import dev.migratest.postgres.ContainerProvider;
import dev.migratest.postgres.LogCapture;
import dev.migratest.postgres.PostgresRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A user's own Testcontainers {@code PostgreSQLContainer}, of whichever line the build manages, handed over in a
 * static field: migratest starts it when it is not running, rehearses in scratch databases next to its database, may
 * use it while that database holds the user's tables, and leaves it running. The container classes are named, not
 * imported: the 2.x class exists only in the 2.x module, and the 1.x name in both lines' modules (2.x keeps it,
 * deprecated), so this compiles whichever module the build puts on the test class path, and a class that is not there
 * is skipped with the reason.
 */
@DisabledWithoutContainerEngine
class HandedContainerIT {
    private static final String LINE_2 = "org.testcontainers.postgresql.PostgreSQLContainer";
    private static final String LINE_1 = "org.testcontainers.containers.PostgreSQLContainer";

    @MigrationTest(location = "classpath:fixtures/passing")
    static class OnAHandedContainer {
        @RehearseOn
        static GenericContainer<?> postgres;

        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LINE_2, LINE_1})
    void aContainerNotRunningYetIsStartedUsedAndLeftRunning(String containerClass) throws Exception {
        GenericContainer<?> container = userContainer(containerClass);
        assertThat(container.isRunning()).isFalse();
        OnAHandedContainer.postgres = container;
        try (LogCapture log = new LogCapture()) {
            EngineExecutionResults results = run();

            results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
            assertThat(log.lines()).contains("INFO started the container handed by @RehearseOn field "
                    + OnAHandedContainer.class.getName() + ".postgres (" + containerClass + "), which was not running;"
                    + " Testcontainers stops it when this JVM ends, migratest never does");
            assertThat(container.isRunning()).as("migratest never stops a handed container").isTrue();
            assertThat(query(container, "SELECT count(*) FROM pg_database WHERE datname LIKE 'migratest\\_%'"))
                    .as("every scratch database was dropped").containsExactly("0");
        } finally {
            OnAHandedContainer.postgres = null;
            container.stop();
        }
    }

    @Test
    void aContainerWhoseOwnDatabaseHoldsTheApplicationsTablesIsUsedAndItsTablesAreLeftAlone() throws Exception {
        GenericContainer<?> container = userContainer(available());
        container.start();
        OnAHandedContainer.postgres = container;
        try {
            execute(container, "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)");
            execute(container, "INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bob')");

            EngineExecutionResults results = run();

            results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
            assertThat(query(container, "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM customers"))
                    .containsExactly("1:Ann,2:Bob");
            assertThat(query(container, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("the migrations' tables went to a scratch database").containsExactly("1");
            assertThat(container.isRunning()).isTrue();
        } finally {
            OnAHandedContainer.postgres = null;
            container.stop();
        }
    }

    private static EngineExecutionResults run() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(OnAHandedContainer.class))
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, "target/migratest-handed-container")
                .execute();
    }

    /** The class a user of this build would write, created as they would: the image declared a postgres. */
    private static GenericContainer<?> userContainer(String className) throws Exception {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            Assumptions.abort(className + " is not on the test class path (the build manages a Testcontainers line"
                    + " whose PostgreSQL module does not have it)");
            throw e;
        }
        DockerImageName image = DockerImageName.parse(new ContainerProvider(PostgresRequest.ANY, false).image())
                .asCompatibleSubstituteFor("postgres");
        return (GenericContainer<?>) type.getConstructor(DockerImageName.class).newInstance(image);
    }

    /** The 2.x class where the module has it, else the 1.x one. */
    private static String available() {
        for (String name : List.of(LINE_2, LINE_1)) {
            try {
                Class.forName(name);
                return name;
            } catch (ClassNotFoundException absent) {
                // try the other line's
            }
        }
        return LINE_2; // userContainer skips with the reason
    }

    private static void execute(GenericContainer<?> container, String sql) throws Exception {
        try (Connection c = connect(container); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> query(GenericContainer<?> container, String sql) throws Exception {
        try (Connection c = connect(container); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }

    /** Through the container's own getters, called as migratest calls them: by name. */
    private static Connection connect(GenericContainer<?> container) throws Exception {
        return DriverManager.getConnection(call(container, "getJdbcUrl"), call(container, "getUsername"),
                call(container, "getPassword"));
    }

    private static String call(Object target, String getter) throws ReflectiveOperationException {
        return (String) target.getClass().getMethod(getter).invoke(target);
    }
}
