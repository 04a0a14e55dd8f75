package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.LogCapture;
import dev.migratest.postgres.PasswordPostgres;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A whole rehearsal against an external server, configured the way a CI job would (URL with the password in it):
 * the URL's own database is refused unless allowed and untouched when allowed, the scratch databases go away, and the
 * password shows up nowhere — not on the console, in the log, the reports, the test names or a failure message.
 */
class ExternalRehearsalIT {
    private static final Path REPORTS = Path.of("target/migratest-external-safety");
    @ClassServer
    private static PasswordPostgres server;

    @MigrationTest(location = "classpath:fixtures/passing", provider = ProviderChoice.EXTERNAL)
    static class OnTheExternalServer {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        }
    }

    @Test
    void aFullRehearsalLeavesTheUrlsDatabaseAsItWasAndNeverShowsThePassword() throws Exception {
        String before = customers();
        Run run = run(Map.of(MigrationTest.POSTGRES_URL_PROPERTY, server.urlWithPassword("app"),
                MigrationTest.ALLOW_NON_EMPTY_DATABASE_PROPERTY, "true"), "allowed");

        run.results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(server.query("app", "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'S')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"))
                .as("the migrations' accounts table went to a scratch database, not to app")
                .containsExactly("public.customers");
        assertThat(customers()).isEqualTo(before);
        assertThat(server.scratchDatabases()).as("every scratch database was dropped").isEmpty();
        assertThat(run.console).as("the console lines were captured").contains("create_accounts", "add_plan");
        assertThat(run.log).as("the log names the server, masked")
                .anyMatch(l -> l.contains("external PostgreSQL") && l.contains("user=ci_runner&password=***"));
        assertThat(Files.readString(REPORTS.resolve("allowed").resolve(OnTheExternalServer.class.getName() + ".json")))
                .contains("\"provider\" : \"external\"");
        try (Stream<Path> files = Files.list(run.reports)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("reports searched for the password")
                    .contains("report.html", "summary.md", OnTheExternalServer.class.getName() + ".json");
        }
        run.assertPasswordNowhere();
    }

    @Test
    void withoutTheSwitchTheNonEmptyDatabaseFailsTheClassWithTheRefusal() throws Exception {
        Run run = run(Map.of(MigrationTest.POSTGRES_URL_PROPERTY, server.urlWithPassword("app")), "refused");

        assertThat(run.failureMessages()).isNotEmpty().allMatch(m -> m.contains("migratest will not use the external"
                + " database 'app' at jdbc:postgresql://127.0.0.1:" + server.port() + "/app?user=ci_runner&password=***"
                + " because it holds 1 user table (public.customers)."));
        assertThat(server.scratchDatabases()).isEmpty();
        run.assertPasswordNowhere();
    }

    @Test
    void aWrongPasswordFailsTheClassWithTheMaskedUrlAndSqlState() throws Exception {
        String wrong = "Wrong-pw-canary-4711";
        Run run = run(Map.of(MigrationTest.POSTGRES_URL_PROPERTY, server.url("postgres"),
                MigrationTest.POSTGRES_USER_PROPERTY, PasswordPostgres.USER,
                MigrationTest.POSTGRES_PASSWORD_PROPERTY, wrong), "wrong-password");

        assertThat(run.failureMessages()).isNotEmpty().allMatch(m -> m.contains("the external"
                + " PostgreSQL server at jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=ci_runner"
                + "&password=*** refused the login: FATAL: password authentication failed for user \"ci_runner\""
                + " (SQLSTATE 28P01). Fix: check the user and password"));
        run.assertPasswordNowhere(wrong);
    }

    private static String customers() throws Exception {
        return server.query("app", "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM customers").get(0);
    }

    private static Run run(Map<String, String> parameters, String reportDir) throws IOException {
        Path reports = REPORTS.resolve(reportDir);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        EngineExecutionResults results;
        List<String> log;
        try (LogCapture logCapture = new LogCapture()) {
            System.setOut(capture);
            System.setErr(capture);
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OnTheExternalServer.class))
                    .configurationParameters(parameters)
                    .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reports.toString())
                    .execute();
            log = logCapture.lines();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(results, console.toString(StandardCharsets.UTF_8), log, reports);
    }

    private record Run(EngineExecutionResults results, String console, List<String> log, Path reports) {
        List<String> failureMessages() {
            List<String> messages = new ArrayList<>();
            results.allEvents().stream().map(Event::getPayload).flatMap(payload -> payload.stream())
                    .filter(TestExecutionResult.class::isInstance).map(TestExecutionResult.class::cast)
                    .flatMap(r -> r.getThrowable().stream())
                    .forEach(t -> {
                        for (Throwable c = t; c != null; c = c.getCause()) messages.add(String.valueOf(c.getMessage()));
                    });
            return messages;
        }

        /** Also in the reports, when the run got as far as writing them (a class without a server writes none). */
        void assertPasswordNowhere(String... others) throws IOException {
            List<String> secrets = new ArrayList<>(List.of(PasswordPostgres.PASSWORD));
            secrets.addAll(List.of(others));
            List<String> names = results.allEvents().stream().flatMap(e -> Stream.of(
                    e.getTestDescriptor().getDisplayName(), e.getTestDescriptor().getUniqueId().toString(),
                    String.valueOf(e.getPayload().orElse("")))).toList();
            List<String> reportTexts = new ArrayList<>();
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.walk(reports)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) reportTexts.add(Files.readString(f));
                }
            }
            for (String secret : secrets) {
                assertThat(console).as("console").doesNotContain(secret);
                assertThat(log).as("log").noneMatch(l -> l.contains(secret));
                assertThat(names).as("test names, ids and results").noneMatch(n -> n.contains(secret));
                assertThat(failureMessages()).as("failure messages and causes").noneMatch(m -> m.contains(secret));
                assertThat(reportTexts).as("reports").noneMatch(t -> t.contains(secret));
            }
        }
    }
}
