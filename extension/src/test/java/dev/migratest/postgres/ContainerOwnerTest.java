package dev.migratest.postgres;

import dev.migratest.postgres.ContainerOwner.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Who owns a container, and when it counts as orphaned; judged against real processes (this JVM, a finished one). */
class ContainerOwnerTest {
    private static final Instant STARTED = Instant.parse("2025-01-31T10:15:30.120Z");

    @Test
    void theLabelsReadBackAsTheSameOwner() {
        ContainerOwner owner = new ContainerOwner("ci-7.example", "pid:[4026531836]", 4711, STARTED);

        assertThat(owner.labels()).containsExactly(
                Map.entry("dev.migratest.owner.host", "ci-7.example"),
                Map.entry("dev.migratest.owner.pidns", "pid:[4026531836]"),
                Map.entry("dev.migratest.owner.pid", "4711"),
                Map.entry("dev.migratest.owner.started", "2025-01-31T10:15:30.120Z"));
        assertThat(ContainerOwner.fromLabels(owner.labels())).contains(owner);
        ContainerOwner unknowns = new ContainerOwner("ci-7", "", 4711, null);
        assertThat(unknowns.labels()).containsOnlyKeys("dev.migratest.owner.host", "dev.migratest.owner.pid");
        assertThat(ContainerOwner.fromLabels(unknowns.labels())).contains(unknowns);
    }

    @Test
    void thisJvmIsDescribedCompletely() {
        ContainerOwner self = ContainerOwner.thisJvm();

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.host()).isEqualTo(ThisHost.name());
        assertThat(self.started()).isEqualTo(ProcessHandle.current().info().startInstant().orElse(null));
        assertThat(self.pidNamespace()).as("boot id, then the pid namespace").matches("[0-9a-f-]{36} pid:\\[\\d+]");
        assertThat(ContainerOwner.fromLabels(self.labels())).contains(self);
    }

    @Test
    void incompleteOrForeignLabelsNameNoOwner() {
        Map<String, String> complete = new ContainerOwner("ci-7", "", 4711, STARTED).labels();

        assertThat(ContainerOwner.fromLabels(null)).isEmpty();
        assertThat(ContainerOwner.fromLabels(Map.of("org.testcontainers", "true"))).isEmpty();
        assertThat(ContainerOwner.fromLabels(without(complete, ContainerOwner.HOST))).isEmpty();
        assertThat(ContainerOwner.fromLabels(without(complete, ContainerOwner.PID))).isEmpty();
        assertThat(ContainerOwner.fromLabels(with(complete, ContainerOwner.HOST, " "))).isEmpty();
        assertThat(ContainerOwner.fromLabels(with(complete, ContainerOwner.PID, "4711x"))).isEmpty();
        assertThat(ContainerOwner.fromLabels(with(complete, ContainerOwner.PID, "0"))).isEmpty();
        assertThat(ContainerOwner.fromLabels(with(complete, ContainerOwner.STARTED, "yesterday"))).isEmpty();
        assertThat(ContainerOwner.fromLabels(with(complete, "org.testcontainers.sessionId", "x"))).isPresent();
    }

    @Test
    void aLiveOwnerIsNotOrphaned() {
        ContainerOwner self = ContainerOwner.thisJvm();

        assertThat(self.verdict(self)).isEqualTo(Verdict.OWNER_RUNS);
        assertThat(Verdict.OWNER_RUNS.orphaned()).isFalse();
    }

    @Test
    void anOwnerWhoseProcessEndedIsOrphaned() throws Exception {
        ContainerOwner here = ContainerOwner.thisJvm();
        ContainerOwner dead = new ContainerOwner(here.host(), here.pidNamespace(), finishedProcessPid(), STARTED);

        assertThat(dead.verdict(here)).isEqualTo(Verdict.OWNER_GONE);
        assertThat(Verdict.OWNER_GONE.orphaned()).isTrue();
    }

    @Test
    void aPidTakenOverByALaterProcessDoesNotPassAsTheOwner() {
        ContainerOwner here = ContainerOwner.thisJvm();
        assertThat(here.started()).as("this platform tells when a process started").isNotNull();
        // This JVM's pid, as if an earlier owner had had it: this JVM started long after that owner.
        ContainerOwner earlier = new ContainerOwner(here.host(), here.pidNamespace(), here.pid(),
                here.started().minus(Duration.ofMinutes(5)));

        assertThat(earlier.verdict(here)).isEqualTo(Verdict.PID_REUSED);
        assertThat(Verdict.PID_REUSED.orphaned()).isTrue();
    }

    @Test
    void startTimesASecondApartAreTheSameProcess() {
        ContainerOwner here = ContainerOwner.thisJvm();
        // Two JVMs may place one process's start a second apart (each adds its own reading of the boot time).
        for (Duration shift : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofMillis(10)}) {
            ContainerOwner seenElsewhere = new ContainerOwner(here.host(), here.pidNamespace(), here.pid(),
                    here.started().minus(shift));

            assertThat(seenElsewhere.verdict(here)).as("shifted by %s", shift).isEqualTo(Verdict.OWNER_RUNS);
        }
        ContainerOwner unknownStart = new ContainerOwner(here.host(), here.pidNamespace(), here.pid(), null);
        assertThat(unknownStart.verdict(here)).as("reuse cannot be proven").isEqualTo(Verdict.OWNER_RUNS);
    }

    @Test
    void anOwnerOnAnotherHostOrInAnotherPidNamespaceIsNeverJudged() throws Exception {
        ContainerOwner here = ContainerOwner.thisJvm();
        long dead = finishedProcessPid();

        assertThat(new ContainerOwner("elsewhere.example", here.pidNamespace(), dead, STARTED).verdict(here))
                .isEqualTo(Verdict.ELSEWHERE);
        assertThat(new ContainerOwner(here.host(), "pid:[1]", dead, STARTED).verdict(here))
                .isEqualTo(Verdict.ELSEWHERE);
        String rootNamespace = here.pidNamespace().substring(here.pidNamespace().indexOf(' ') + 1);
        assertThat(new ContainerOwner(here.host(), "another-machine's-boot-id " + rootNamespace, dead, STARTED)
                .verdict(here)).as("same host name, same namespace number, another machine on one daemon")
                .isEqualTo(Verdict.ELSEWHERE);
        assertThat(new ContainerOwner(here.host(), "", dead, STARTED).verdict(new ContainerOwner(here.host(), "", 1,
                STARTED))).as("namespaces that could not be read are never taken for the same").isEqualTo(Verdict.ELSEWHERE);
        ContainerOwner unknownHost = new ContainerOwner(ThisHost.UNKNOWN, here.pidNamespace(), dead, STARTED);
        assertThat(unknownHost.verdict(new ContainerOwner(ThisHost.UNKNOWN, here.pidNamespace(), 1, STARTED)))
                .as("a host name that could not be read matches no host").isEqualTo(Verdict.ELSEWHERE);
        assertThat(Verdict.ELSEWHERE.orphaned()).isFalse();
    }

    /** The pid of a process that has ended (a JVM that printed its version). */
    private static long finishedProcessPid() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -version ended").isTrue();
        return process.pid();
    }

    private static Map<String, String> without(Map<String, String> labels, String key) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.remove(key);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }
}
