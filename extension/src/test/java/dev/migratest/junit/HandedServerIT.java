package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.RehearseOn;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.LogCapture;
import dev.migratest.postgres.PasswordPostgres;
import dev.migratest.postgres.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Real servers handed over in a field instead of a URL: pgjdbc's DataSource, and an object with the getters of Spring
 * Boot's connection details, pointing at a server that requires a password ({@link PasswordPostgres}). Each is used
 * like an external server — scratch databases only, all dropped, the server left running, the password nowhere in
 * the output — and each misuse fails with what was found and the fix.
 */
class HandedServerIT {
    private static final Path REPORTS = Path.of("target/migratest-handed");
    @ClassServer
    private static PasswordPostgres server;
    /** A second server: classes handing it must not land on the first. */
    @ClassServer
    private static PostgresServer other;

    @MigrationTest(location = "classpath:fixtures/passing")
    static class OnAHandedDataSource {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing")
    static class OnHandedConnectionDetails {
        @RehearseOn
        static ConnectionDetails details;

        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing", postgres = "12")
    static class AskingForAnotherVersion {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse() {
        }
    }

    /**
     * Hands the same object as {@link AlsoOnTheFirst}; each finds its database (named after the class) on the first
     * server only. (Templates stay until the run ends, so only the class's own database tells where it went.)
     */
    @MigrationTest(location = "classpath:fixtures/passing")
    static class OnTheFirst {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse() throws SQLException {
            assertThat(scratchOn(server.url("postgres"), PasswordPostgres.USER, PasswordPostgres.PASSWORD))
                    .anyMatch(name -> name.endsWith("_onthefirst"));
            assertThat(scratchOn(other.address().jdbcUrl("postgres"), other.address().user(), null))
                    .noneMatch(name -> name.endsWith("_onthefirst"));
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing")
    static class AlsoOnTheFirst {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse() throws SQLException {
            assertThat(scratchOn(server.url("postgres"), PasswordPostgres.USER, PasswordPostgres.PASSWORD))
                    .anyMatch(name -> name.endsWith("_alsoonthefirst"));
            assertThat(scratchOn(other.address().jdbcUrl("postgres"), other.address().user(), null))
                    .noneMatch(name -> name.endsWith("_alsoonthefirst"));
        }
    }

    @MigrationTest(location = "classpath:fixtures/passing")
    static class OnTheOther {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse() throws SQLException {
            assertThat(scratchOn(other.address().jdbcUrl("postgres"), other.address().user(), null))
                    .anyMatch(name -> name.endsWith("_ontheother"));
            assertThat(scratchOn(server.url("postgres"), PasswordPostgres.USER, PasswordPostgres.PASSWORD))
                    .noneMatch(name -> name.endsWith("_ontheother"));
        }
    }

    @AfterEach
    void forgetHandedObjects() {
        OnAHandedDataSource.dataSource = null;
        OnHandedConnectionDetails.details = null;
        AskingForAnotherVersion.dataSource = null;
        OnTheFirst.dataSource = null;
        AlsoOnTheFirst.dataSource = null;
        OnTheOther.dataSource = null;
    }

    @Test
    void pgjdbcsDataSourceIsUsedLikeAnExternalServerAndLeftRunning() throws Exception {
        OnAHandedDataSource.dataSource = dataSource("postgres", PasswordPostgres.PASSWORD);

        Run run = run(Map.of(), "data-source", OnAHandedDataSource.class);

        run.results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(server.scratchDatabases()).as("every scratch database was dropped").isEmpty();
        assertThat(server.query("postgres", "SELECT 1")).as("the handed server still runs").containsExactly("1");
        assertThat(run.log).anySatisfy(line -> assertThat(line).startsWith("INFO using external PostgreSQL")
                .contains("at jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=ci_runner&password=***,"
                        + " handed by @RehearseOn field " + OnAHandedDataSource.class.getName() + ".dataSource"
                        + " (org.postgresql.ds.PGSimpleDataSource)"));
        assertThat(Files.readString(REPORTS.resolve("data-source").resolve(OnAHandedDataSource.class.getName()
                + ".json"))).contains("\"provider\" : \"external\"");
        run.assertPasswordNowhere(PasswordPostgres.PASSWORD);
    }

    @Test
    void anObjectWithTheGettersOfSpringBootsConnectionDetailsIsUsedToo() throws Exception {
        OnHandedConnectionDetails.details = new ConnectionDetails(server.url("postgres"), PasswordPostgres.USER,
                PasswordPostgres.PASSWORD);

        Run run = run(Map.of(), "details", OnHandedConnectionDetails.class);

        run.results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(server.scratchDatabases()).isEmpty();
        run.assertPasswordNowhere(PasswordPostgres.PASSWORD);
    }

    @Test
    void aDataSourceAtADatabaseHoldingTablesIsRefusedUnlessAllowedAndIsNeverWrittenTo() throws Exception {
        String before = customers();
        OnAHandedDataSource.dataSource = dataSource("app", PasswordPostgres.PASSWORD);

        Run refused = run(Map.of(), "refused", OnAHandedDataSource.class);
        Run allowed = run(Map.of(MigrationTest.ALLOW_NON_EMPTY_DATABASE_PROPERTY, "true"), "allowed",
                OnAHandedDataSource.class);

        assertThat(refused.failureMessages()).hasSize(2).allSatisfy(m -> assertThat(m).startsWith("migratest will not"
                + " use the database 'app' handed by @RehearseOn field " + OnAHandedDataSource.class.getName()
                + ".dataSource (org.postgresql.ds.PGSimpleDataSource) at jdbc:postgresql://127.0.0.1:" + server.port()
                + "/app?user=ci_runner&password=*** because it holds 1 user table (public.customers).")
                .endsWith("Fix: point it at an empty database on the server (e.g. postgres or a new one), or hand"
                        + " over the container itself (a container's own database may hold tables), or set"
                        + " migratest.postgres.allowNonEmptyDatabase=true to use it anyway."));
        allowed.results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(customers()).isEqualTo(before);
        assertThat(server.query("app", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .as("the migrations' tables went to scratch databases, not to app").containsExactly("1");
        assertThat(server.scratchDatabases()).isEmpty();
        refused.assertPasswordNowhere(PasswordPostgres.PASSWORD);
    }

    @Test
    void aWrongPasswordSaysToCheckTheHandedObjectWithThePasswordMasked() throws Exception {
        String wrong = "Wrong-handed-pw-9931";
        OnAHandedDataSource.dataSource = dataSource("postgres", wrong);

        Run run = run(Map.of(), "wrong-password", OnAHandedDataSource.class);

        assertThat(run.failureMessages()).hasSize(2).allSatisfy(m -> assertThat(m).isEqualTo("the PostgreSQL server"
                + " handed by @RehearseOn field " + OnAHandedDataSource.class.getName() + ".dataSource"
                + " (org.postgresql.ds.PGSimpleDataSource) at jdbc:postgresql://127.0.0.1:" + server.port()
                + "/postgres?user=ci_runner&password=*** refused the login: FATAL: password authentication failed"
                + " for user \"ci_runner\" (SQLSTATE 28P01). Fix: check the user and password the handed object gives"
                + " (its getUsername()/getUser() and getPassword(), or the user and password parameters of its URL)"));
        run.assertPasswordNowhere(wrong, PasswordPostgres.PASSWORD);
    }

    @Test
    void aVersionTheHandedServerDoesNotRunFailsEveryMigrationWithTheReason() throws Exception {
        AskingForAnotherVersion.dataSource = dataSource("postgres", PasswordPostgres.PASSWORD);

        Run run = run(Map.of(), "version", AskingForAnotherVersion.class);

        String version = server.query("postgres", "SHOW server_version").get(0).split(" ")[0];
        assertThat(run.failureMessages()).hasSize(2).allSatisfy(m -> assertThat(m).isEqualTo("the server handed by"
                + " @RehearseOn field " + AskingForAnotherVersion.class.getName() + ".dataSource"
                + " (org.postgresql.ds.PGSimpleDataSource) runs PostgreSQL " + version + ", not the 12 that was asked"
                + " for: a handed server serves only its own version. Fix: remove 12 from @MigrationTest(postgres) (or"
                + " from -Dmigratest.postgres.version), or hand a PostgreSQL 12 server"));
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void classesHandingTheSameObjectShareOneServerAndAClassHandingAnotherGetsItsOwn() throws Exception {
        DataSource first = dataSource("postgres", PasswordPostgres.PASSWORD);
        OnTheFirst.dataSource = first;
        AlsoOnTheFirst.dataSource = first;
        PGSimpleDataSource second = new PGSimpleDataSource();
        second.setUrl(other.address().jdbcUrl("postgres"));
        second.setUser(other.address().user());
        OnTheOther.dataSource = second;

        Run run = run(Map.of(), "two-servers", OnTheFirst.class, AlsoOnTheFirst.class, OnTheOther.class);

        run.results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
        assertThat(run.log).filteredOn(line -> line.startsWith("INFO using external PostgreSQL"))
                .as("one server per handed object").hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(":" + server.port() + "/postgres?")
                        .contains(OnTheFirst.class.getName() + ".dataSource"))
                .anySatisfy(line -> assertThat(line).contains(other.address().jdbcUrl("postgres"))
                        .contains(OnTheOther.class.getName() + ".dataSource"));
        assertThat(server.scratchDatabases()).isEmpty();
        assertThat(scratchOn(other.address().jdbcUrl("postgres"), other.address().user(), null)).isEmpty();
    }

    private static String customers() throws SQLException {
        return server.query("app", "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM customers").get(0);
    }

    private static DataSource dataSource(String database, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {server.port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(PasswordPostgres.USER);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static List<String> scratchOn(String url, String user, String password) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migratest\\_%'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) names.add(rs.getString(1));
            return names;
        }
    }

    private static Run run(Map<String, String> parameters, String reportDir, Class<?>... classes) {
        Path reports = REPORTS.resolve(reportDir);
        EngineExecutionResults results;
        List<String> log;
        try (LogCapture capture = new LogCapture()) {
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                    .configurationParameters(parameters)
                    .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reports.toString())
                    .execute();
            log = capture.lines();
        }
        return new Run(results, log, reports);
    }

    /** The getters of Spring Boot's {@code JdbcConnectionDetails}: what {@code @ServiceConnection} gives a test. */
    public static final class ConnectionDetails {
        private final String jdbcUrl;
        private final String username;
        private final String password;

        ConnectionDetails(String jdbcUrl, String username, String password) {
            this.jdbcUrl = jdbcUrl;
            this.username = username;
            this.password = password;
        }

        public String getJdbcUrl() {
            return jdbcUrl;
        }

        public String getUsername() {
            return username;
        }

        public String getPassword() {
            return password;
        }
    }

    private record Run(EngineExecutionResults results, List<String> log, Path reports) {
        List<String> failureMessages() {
            return results.testEvents().stream().map(Event::getPayload).flatMap(Optional::stream)
                    .filter(TestExecutionResult.class::isInstance).map(TestExecutionResult.class::cast)
                    .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                    .flatMap(r -> r.getThrowable().stream()).map(Throwable::getMessage).toList();
        }

        /** In the log, failure messages, test names and the reports written. */
        void assertPasswordNowhere(String... secrets) throws IOException {
            List<String> texts = new ArrayList<>(log);
            texts.addAll(failureMessages());
            results.allEvents().stream().map(e -> e.getTestDescriptor().getDisplayName()).forEach(texts::add);
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.walk(reports)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) texts.add(Files.readString(f));
                }
            }
            for (String secret : secrets) assertThat(texts).noneMatch(t -> t.contains(secret));
        }
    }
}
