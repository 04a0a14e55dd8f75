package dev.migratest.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.migratest.DisabledWithoutContainerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A JVM killed (SIGKILL) in the middle of a rehearsal leaves its Postgres container running when Ryuk is off (podman,
 * many CI machines); the next start of the container provider on this host removes it by its owner labels, and
 * touches nothing else: not a container of a live JVM, nor one without labels, nor one of another host, nor one kept
 * for inspection. A container whose owner's pid now belongs to a later process goes too. Keeping a database renames
 * its container, which is how the sweep knows a kept one.
 */
@DisabledWithoutContainerEngine
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContainerJvmKilledIT {
    /** ContainerProvider's user and password. */
    private static final String CREDENTIAL = "migratest";

    @TempDir
    Path dir;

    private final DockerClient docker = DockerClientFactory.instance().client();
    /** Every container this test made or caused, removed at the end whatever happened. */
    private final List<String> made = new ArrayList<>();

    @Test
    void theNextStartRemovesTheContainerOfAKilledJvmAndNothingElse() throws Exception {
        Process child = null;
        PostgresServer next = null;
        try (LogCapture log = new LogCapture()) {
            child = startChild();
            long childPid = child.pid();
            ServerAddress orphanAddress = ServerAddress.parse(ChildOutput.of(child).listeningUrl(), CREDENTIAL,
                    CREDENTIAL);
            awaitSleep(orphanAddress);
            Container orphan = containerAt(orphanAddress);
            made.add(orphan.getId());
            ContainerOwner childOwner = ContainerOwner.fromLabels(orphan.getLabels()).orElseThrow(
                    () -> new AssertionError("the child's container has no owner labels: " + orphan.getLabels()));
            assertThat(childOwner.host()).isEqualTo(ThisHost.name());
            assertThat(childOwner.pid()).isEqualTo(childPid);
            assertThat(childOwner.started()).isCloseTo(child.info().startInstant().orElseThrow(),
                    within(2, ChronoUnit.SECONDS));

            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            assertThat(running(orphan.getId())).as("the killed JVM's container outlives it").isTrue();
            assertThat(query(orphanAddress, "SELECT 1")).isEqualTo("1");

            ContainerOwner me = ContainerOwner.thisJvm();
            String image = orphan.getImage();
            Map<String, String> survivors = new LinkedHashMap<>();
            survivors.put("a container of this live JVM", lookAlike(image, me.labels()));
            survivors.put("a container of the same image without labels", lookAlike(image, Map.of()));
            survivors.put("a container of a gone JVM on another host", lookAlike(image, new ContainerOwner(
                    "elsewhere.example", childOwner.pidNamespace(), childOwner.pid(), childOwner.started()).labels()));
            String kept = lookAlike(image, childOwner.labels());
            String keptName = OrphanedContainers.markKept(docker, kept);
            survivors.put("a container of the killed JVM kept for inspection", kept);
            String reusedPid = lookAlike(image, new ContainerOwner(me.host(), me.pidNamespace(), me.pid(),
                    me.started().minus(Duration.ofMinutes(5))).labels());

            // The next run: starting a container sweeps first.
            next = new ContainerProvider(PostgresRequest.ANY, false).start();
            Container nextContainer = containerAt(next.address());
            made.add(nextContainer.getId());

            assertThat(exists(orphan.getId())).as("the killed JVM's container is removed").isFalse();
            assertThat(exists(reusedPid)).as("a container whose owner's pid was taken over is removed").isFalse();
            survivors.forEach((what, id) -> assertThat(running(id)).as(what + " still runs").isTrue());
            assertThat(docker.inspectContainerCmd(kept).exec().getName()).isEqualTo("/" + keptName);
            assertThat(nextContainer.getLabels()).containsAllEntriesOf(me.labels());
            assertThat(log.lines()).filteredOn(line -> line.contains("container")).singleElement().satisfies(line ->
                    assertThat(line)
                            // two, unless a run of this test that was itself killed left more to remove
                            .startsWith("INFO migratest removed ")
                            .contains(" containers left running by a JVM on this host that ended without stopping it: ")
                            .contains("container " + shortId(orphan.getId()) + " (" + image + ", running), JVM pid "
                                    + childPid + " started " + childOwner.started() + " on " + ThisHost.name()
                                    + ": gone")
                            .contains("container " + shortId(reusedPid) + " (" + image + ", running), JVM pid "
                                    + me.pid() + " started ")
                            .contains(": its pid now belongs to a later process"));
        } finally {
            if (child != null) {
                child.destroyForcibly();
                made.addAll(ownedBy(child.pid()));
            }
            if (next != null) next.close();
            removeMade();
        }
    }

    @Test
    void aKeptDatabaseKeepsItsContainerUnderANameNoSweepRemoves() throws Exception {
        PostgresServer server = new ContainerProvider(PostgresRequest.ANY, false).start();
        boolean closed = false;
        try (LogCapture log = new LogCapture()) {
            String id = containerAt(server.address()).getId();
            made.add(id);
            Database database = server.createDatabase("kept");
            database.keep();
            server.close();
            closed = true;

            String name = OrphanedContainers.KEPT_PREFIX + shortId(id);
            Container kept = containerAt(server.address());
            assertThat(kept.getNames()).containsExactly("/" + name);
            assertThat(OrphanedContainers.kept(kept)).isTrue();
            assertThat(running(id)).as("the kept database's container still runs").isTrue();
            assertThat(query(server.address(), "SELECT count(*) FROM pg_database WHERE datname = '"
                    + database.name() + "'")).isEqualTo("1");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("INFO container " + id + " is kept for inspection, renamed " + name
                            + " so that no later migratest run removes it; ")
                    .endsWith("(then docker rm -f " + name + " when done)"));
        } finally {
            if (!closed) server.close();
            removeMade();
        }
    }

    private Process startChild() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        // What this JVM was told about the engine, the child must be told too (the environment it inherits).
        for (String property : List.of(ContainerProvider.IMAGE_PROPERTY, DockerApiProbe.DOCKER_HOST_PROPERTY)) {
            String value = System.getProperty(property);
            if (value != null) command.add("-D" + property + "=" + value);
        }
        command.addAll(List.of(ContainerRehearsalChild.class.getName(), dir.toString()));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
        // With Ryuk on, Ryuk and the sweep would race for the orphan; the sweep exists for where Ryuk is off.
        child.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        return child.start();
    }

    /** A container that looks like migratest's to a varying degree: the image, running, with these labels. */
    private String lookAlike(String image, Map<String, String> labels) {
        String id = docker.createContainerCmd(image).withCmd("sleep", "600").withLabels(labels).exec().getId();
        made.add(id);
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** The container publishing the port of {@code address} (the one Testcontainers started for it). */
    private Container containerAt(ServerAddress address) {
        int port = URI.create(address.jdbcUrl("postgres").substring("jdbc:".length())).getPort();
        List<Container> publishing = docker.listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getPorts() != null && Arrays.stream(c.getPorts())
                        .anyMatch(p -> Objects.equals(p.getPublicPort(), port)))
                .toList();
        assertThat(publishing).as("containers publishing port %s", port).hasSize(1);
        return publishing.get(0);
    }

    private List<String> ownedBy(long pid) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerOwner.PID, Long.toString(pid))).exec().stream()
                .filter(c -> ContainerOwner.fromLabels(c.getLabels()).map(o -> o.host().equals(ThisHost.name()))
                        .orElse(false))
                .map(Container::getId).toList();
    }

    private boolean exists(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    private boolean running(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    }

    private void removeMade() {
        for (String id : made) {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException alreadyGone) {
                // removed by the sweep under test, or by the provider's own stop
            }
        }
        made.clear();
    }

    private static String shortId(String id) {
        return id.substring(0, 12);
    }

    private static void awaitSleep(ServerAddress address) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!"0".equals(query(address, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query = 'SELECT pg_sleep(600)'"))) return;
            Thread.sleep(50);
        }
        throw new IllegalStateException("the child's migration never reached pg_sleep");
    }

    private static String query(ServerAddress address, String sql) throws Exception {
        try (Connection c = address.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Reads the child's output on a thread of its own, so that waiting for a line is bounded, and keeps it. */
    private static final class ChildOutput {
        private final StringBuilder seen = new StringBuilder();
        private final CompletableFuture<String> url = new CompletableFuture<>();

        static ChildOutput of(Process child) {
            ChildOutput output = new ChildOutput();
            Thread reader = new Thread(() -> output.read(child), "child-output");
            reader.setDaemon(true);
            reader.start();
            return output;
        }

        private void read(Process child) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(ContainerRehearsalChild.LISTENING)) {
                        url.complete(line.substring(ContainerRehearsalChild.LISTENING.length()));
                    }
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException ended) {
                // the child was killed
            }
            url.completeExceptionally(new IllegalStateException("the child JVM ended without saying where it listens"));
        }

        String listeningUrl() throws Exception {
            try {
                return url.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                synchronized (seen) {
                    throw new IllegalStateException("the child JVM never said where it listens (" + e + "):\n" + seen, e);
                }
            }
        }
    }
}
