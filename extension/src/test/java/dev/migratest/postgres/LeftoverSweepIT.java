package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** After a killed JVM: the next run drops that run's scratch databases on the external server, and nothing else. */
class LeftoverSweepIT {
    @ClassServer
    private static PasswordPostgres server;

    @Test
    void aKilledJvmsScratchDatabaseIsDroppedByTheNextRun() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScratchHolder.class.getName(),
                server.url("postgres"), PasswordPostgres.USER, PasswordPostgres.PASSWORD)
                .redirectErrorStream(true).start();
        String name;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("created ")) {
                // the child's log lines
            }
            assertThat(line).as("the child JVM created its database").isNotNull();
            name = line.substring("created ".length());
            assertThat(server.scratchDatabases()).contains(name);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        waitUntilNoSessionOf(name);
        server.admin("CREATE DATABASE migratest_1234abcd_1_no_comment OWNER ci_runner");

        try (LogCapture log = new LogCapture();
             PostgresServer next = new ExternalProvider(server.url("postgres"), PasswordPostgres.USER,
                     PasswordPostgres.PASSWORD).start()) {
            assertThat(server.scratchDatabases()).doesNotContain(name).contains("migratest_1234abcd_1_no_comment");
            String template = name.replaceAll("_\\d+_killed$", "_template");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO migratest dropped 2 scratch databases left by"
                    + " runs on this host whose JVM ended without cleaning up: " + name + " (run ")
                    && l.contains(", " + template + " (run "));
        } finally {
            server.admin("DROP DATABASE migratest_1234abcd_1_no_comment");
        }
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void onlyMarkedDatabasesOfDeadProcessesOnThisHostNobodyUsesAreDropped() throws Exception {
        long dead = deadPid();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String host = ThisHost.name();
        create("migratest_0000dead_1_leftover", new ScratchMark("0000dead", host, dead, anHourAgo).comment());
        create("migratest_0000a11e_1_live_run", new ScratchMark("0000a11e", host, ProcessHandle.current().pid(),
                Instant.now()).comment());
        create("migratest_00000000_1_no_comment", null);
        create("migratest_0000face_1_other_host", new ScratchMark("0000face", "elsewhere-ci-7", dead, anHourAgo)
                .comment());
        create("migratest_0000cafe_1_kept", new ScratchMark("0000cafe", host, dead, anHourAgo).keptComment());
        create("migratest_0000beef_1_session_alive", new ScratchMark("0000beef", host, dead, anHourAgo).comment());
        create("migratest_0000d00d_1_in_use", new ScratchMark("0000d00d", host, dead, anHourAgo).comment());
        create("migratest_0000f00d_1_wrong_run", new ScratchMark("0000dead", host, dead, anHourAgo).comment());
        create("app_copy", new ScratchMark("0000dead", host, dead, anHourAgo).comment());

        try (Connection runSession = connect("postgres", "migratest run 0000beef");
             Connection personInside = connect("migratest_0000d00d_1_in_use", "psql");
             LogCapture log = new LogCapture()) {
            new ExternalProvider(server.url("postgres"), PasswordPostgres.USER, PasswordPostgres.PASSWORD).start()
                    .close();

            assertThat(log.lines()).contains("INFO migratest dropped 1 scratch database left by runs on this host"
                    + " whose JVM ended without cleaning up: migratest_0000dead_1_leftover (run 0000dead, pid " + dead
                    + ", created " + anHourAgo + ")");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARNING migratest left these leftover scratch"
                    + " databases in place: migratest_0000d00d_1_in_use (run 0000d00d, pid " + dead + ", created "
                    + anHourAgo + "): ERROR: database \"migratest_0000d00d_1_in_use\" is being accessed by other"
                    + " users"));
        }
        assertThat(server.scratchDatabases()).containsExactly("migratest_00000000_1_no_comment",
                "migratest_0000a11e_1_live_run", "migratest_0000beef_1_session_alive", "migratest_0000cafe_1_kept",
                "migratest_0000d00d_1_in_use", "migratest_0000f00d_1_wrong_run", "migratest_0000face_1_other_host");
        assertThat(server.query("postgres", "SELECT datname FROM pg_database WHERE datname IN ('app', 'app_copy')"
                + " ORDER BY 1")).containsExactly("app", "app_copy");
        for (String name : server.scratchDatabases()) server.admin("DROP DATABASE " + name);
        server.admin("DROP DATABASE app_copy");
    }

    @Test
    void aReusedPidDoesNotKeepALeftoverAlive() throws Exception {
        long reused = ProcessHandle.current().pid();
        Instant beforeThisJvmStarted = ProcessHandle.current().info().startInstant().orElseThrow()
                .minus(Duration.ofMinutes(5));
        assertThat(new ScratchMark("0000aaaa", ThisHost.name(), reused, beforeThisJvmStarted).creatorGoneOnThisHost())
                .isTrue();
        assertThat(new ScratchMark("0000aaaa", ThisHost.name(), reused, Instant.now()).creatorGoneOnThisHost())
                .isFalse();
        assertThat(new ScratchMark("0000aaaa", "elsewhere-ci-7", deadPid(), beforeThisJvmStarted)
                .creatorGoneOnThisHost()).isFalse();
    }

    private static void create(String name, String comment) throws Exception {
        server.admin("CREATE DATABASE " + name + " OWNER ci_runner");
        if (comment != null) server.admin("COMMENT ON DATABASE " + name + " IS '" + comment + "'");
    }

    private static Connection connect(String database, String applicationName) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", PasswordPostgres.USER);
        props.setProperty("password", PasswordPostgres.PASSWORD);
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(server.url(database), props);
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static void waitUntilNoSessionOf(String database) throws Exception {
        String run = database.split("_")[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.query("postgres", "SELECT pid FROM pg_stat_activity WHERE application_name = 'migratest run "
                + run + "'").isEmpty()) {
            assertThat(System.nanoTime()).as("the killed JVM's session ended").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
