package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** External mode against a real, password-protected server: what it refuses, and what it says when it cannot log in. */
class ExternalSafetyIT {
    @ClassServer
    private static PasswordPostgres server;

    @Test
    void aWrongPasswordIsOneMessageWithTheUrlMaskedTheSqlStateAndTheFix() {
        String wrong = "Wrong-pw-canary-81x";
        Throwable thrown = catchThrowable(() -> new ExternalProvider(server.url("postgres"), PasswordPostgres.USER,
                wrong).start());

        assertThat(thrown).isInstanceOf(ExternalServerException.class).hasMessage("the external"
                + " PostgreSQL server at jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=ci_runner"
                + "&password=*** refused the login: FATAL: password authentication failed for user \"ci_runner\""
                + " (SQLSTATE 28P01). Fix: check the user and password: migratest.postgres.user and"
                + " migratest.postgres.password (env MIGRATEST_POSTGRES_USER, MIGRATEST_POSTGRES_PASSWORD), or the URL's"
                + " user and password parameters");
        assertThat(((ExternalServerException) thrown).sqlState()).isEqualTo("28P01");
        assertThat(messagesOf(thrown)).hasSizeGreaterThan(1).noneMatch(m -> m.contains(wrong));
    }

    @Test
    void aWrongPasswordInsideTheUrlIsMaskedThroughTheProviderSelectorToo() {
        String wrong = "Wrong-pw-canary-93y";
        String url = "jdbc:postgresql://ci_runner:" + wrong + "@127.0.0.1:" + server.port() + "/postgres";
        Throwable thrown = catchThrowable(() -> ProviderSelector.start(ProviderSelector.candidates(
                ProviderChoice.EXTERNAL, new ExternalProvider(url, null, null), PostgresRequest.ANY, false)));

        assertThat(thrown).isInstanceOf(NoPostgresAvailableException.class)
                .hasMessageContaining("  - external: failed, the external PostgreSQL server at"
                        + " jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=ci_runner&password=***"
                        + " refused the login: FATAL: password authentication failed for user \"ci_runner\""
                        + " (SQLSTATE 28P01). Fix: check the user and password: migratest.postgres.user and"
                        + " migratest.postgres.password (env MIGRATEST_POSTGRES_USER, MIGRATEST_POSTGRES_PASSWORD), or the"
                        + " URL's user and password parameters")
                .hasMessageNotContaining("Fix: point migratest at a server");
        assertThat(messagesOf(thrown)).noneMatch(m -> m.contains(wrong));
    }

    @Test
    void aRefusedConnectionSaysSoWithTheFix() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String secret = "Refused-canary-5k";
        Throwable thrown = catchThrowable(() -> new ExternalProvider("jdbc:postgresql://127.0.0.1:" + closedPort
                + "/postgres?password=" + secret, "ci_runner", null).start());

        assertThat(thrown).isInstanceOf(ExternalServerException.class).hasMessage("the external"
                + " PostgreSQL server at jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=ci_runner"
                + "&password=*** refused the connection (SQLSTATE 08001). Fix: check the host and port in"
                + " migratest.postgres.url, and that PostgreSQL runs there and accepts TCP/IP connections"
                + " (listen_addresses, pg_hba.conf, firewall)");
        assertThat(messagesOf(thrown)).noneMatch(m -> m.contains(secret));
    }

    @Test
    void aUrlPointingAtADatabaseWithTablesIsRefusedBeforeAnythingIsCreated() throws Exception {
        server.admin("CREATE TABLE IF NOT EXISTS public.zz_notes (id int)");
        try {
            Throwable thrown = catchThrowable(() -> new ExternalProvider(server.urlWithPassword("postgres"), null, null)
                    .start());

            assertThat(thrown).isInstanceOf(NonEmptyDatabaseException.class).hasMessage("migratest will not use the"
                    + " external database 'postgres' at jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?"
                    + "user=ci_runner&password=*** because it holds 1 user table (public.zz_notes). migratest runs"
                    + " migrations only in scratch databases it creates on that server and never writes to this one,"
                    + " but a URL that points at data may be meant for something else. Fix: point"
                    + " migratest.postgres.url at an empty database on the server (e.g. a new one), or set"
                    + " migratest.postgres.allowNonEmptyDatabase=true to use it anyway.");
            assertThat(server.scratchDatabases()).isEmpty();
        } finally {
            server.admin("DROP TABLE public.zz_notes");
        }
    }

    @Test
    void theRefusalNamesAFewTablesAndHowManyThereAre() throws Exception {
        try (var c = server.connectAsUser("app"); var st = c.createStatement()) {
            for (int i = 1; i <= 6; i++) st.execute("CREATE SCHEMA s" + i + " CREATE TABLE t (id int)");
        }
        try {
            Throwable thrown = catchThrowable(() -> new ExternalProvider(server.urlWithPassword("app"), null, null)
                    .start());

            assertThat(thrown).isInstanceOf(NonEmptyDatabaseException.class)
                    .hasMessageContaining("because it holds 7 user tables (public.customers, s1.t, s2.t, s3.t, s4.t, …).");
            assertThat(((NonEmptyDatabaseException) thrown).tables()).hasSize(5);
        } finally {
            try (var c = server.connectAsUser("app"); var st = c.createStatement()) {
                for (int i = 1; i <= 6; i++) st.execute("DROP SCHEMA s" + i + " CASCADE");
            }
        }
    }

    @Test
    void allowedExplicitlyTheNonEmptyDatabaseIsUsedAndLeftAsItWas() throws Exception {
        try (PostgresServer external = new ExternalProvider(server.urlWithPassword("app"), null, null,
                PostgresRequest.ANY, true).start(); Database scratch = external.createDatabase("allowed")) {
            assertThat(scratch.name()).startsWith("migratest_" + external.runId() + "_");
        }
        assertThat(server.query("app", "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM customers"))
                .containsExactly("1:Ann,2:Bob,3:Cy");
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void everyScratchDatabaseCarriesItsCreatorsMarkAndOnlyThoseOfThisRunCanBeDropped() throws Exception {
        try (PostgresServer external = new ExternalProvider(server.url("postgres"), PasswordPostgres.USER,
                PasswordPostgres.PASSWORD).start()) {
            Database scratch = external.createDatabase("marked");
            String comment = server.query("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                    + " WHERE datname = '" + scratch.name() + "'").get(0);
            assertThat(comment).matches("migratest scratch: run " + external.runId() + ", host " + ThisHost.name()
                    + ", pid " + ProcessHandle.current().pid() + ", created \\d{4}-\\d\\d-\\d\\dT\\S+Z");

            assertThatThrownBy(() -> external.drop("app")).hasMessage("migratest did not create database 'app' and"
                    + " will not drop it (this run drops only the databases it created, named migratest_"
                    + external.runId() + "_…)");
            server.admin("CREATE DATABASE migratest_0badbeef_1_other OWNER ci_runner");
            assertThatThrownBy(() -> external.drop("migratest_0badbeef_1_other"))
                    .hasMessageStartingWith("migratest did not create database 'migratest_0badbeef_1_other'");
        }
        assertThat(server.query("postgres", "SELECT datname FROM pg_database WHERE datname IN ('app',"
                + " 'migratest_0badbeef_1_other') ORDER BY 1")).containsExactly("app", "migratest_0badbeef_1_other");
        server.admin("DROP DATABASE migratest_0badbeef_1_other");
    }

    @Test
    void aKeptDatabaseIsMarkedSoThatNoLaterRunTakesItForALeftover() throws Exception {
        String name;
        try (PostgresServer external = new ExternalProvider(server.url("postgres"), PasswordPostgres.USER,
                PasswordPostgres.PASSWORD).start()) {
            Database kept = external.createDatabase("kept");
            kept.keep();
            kept.close();
            name = kept.name();
        }
        String comment = server.query("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                + " WHERE datname = '" + name + "'").get(0);
        assertThat(comment).startsWith("migratest kept for inspection: run ");
        assertThat(ScratchMark.parse(comment)).isEmpty();
        server.admin("DROP DATABASE " + name);
    }

    static List<String> messagesOf(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
            for (Throwable s : t.getSuppressed()) messages.add(String.valueOf(s));
        }
        return messages;
    }
}
