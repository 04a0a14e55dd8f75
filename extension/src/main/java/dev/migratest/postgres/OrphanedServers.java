package dev.migratest.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Embedded servers whose JVM died without stopping them (killed, crashed): each data directory {@code migratest-pg-*}
 * has an owner file beside it, {@code migratest-pg-*.owner}, naming the JVM that started it (pid and start time, so a
 * reused pid is not mistaken for the owner). Before starting a server, migratest stops the servers of dead owners
 * and deletes their directories. Nothing without an owner file is touched, nor anything whose owner still runs, nor
 * a process whose command line does not name that very data directory, nor a server left running on purpose because
 * it keeps a database for inspection. A stopped orphan's shared memory goes too: its dynamic segments are files in
 * the data directory, and its System V segment is removed when the kernel's record proves it is the one its
 * postmaster.pid names and nobody is attached ({@link SysvSegment}).
 */
final class OrphanedServers {
    static final String OWNER_SUFFIX = ".owner";
    private static final System.Logger LOG = System.getLogger(OrphanedServers.class.getName());
    private static final long STOP_SECONDS = 10;

    private OrphanedServers() {
    }

    /** Records this JVM as the owner of {@code dataDir}. */
    static Path claim(Path dataDir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Path owner = ownerFile(dataDir);
        Files.writeString(owner, "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toEpochMilli)
                .orElse(0L) + "\n", StandardCharsets.UTF_8);
        return owner;
    }

    /** Its server outlives its JVM on purpose (a database kept for inspection): never an orphan. */
    static void markKept(Path owner) throws IOException {
        Files.writeString(owner, "kept=true\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    static Path ownerFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + OWNER_SUFFIX);
    }

    /** Stops and deletes, under {@code parent}, every embedded server whose owning JVM is gone; what was cleaned. */
    static List<Path> sweep(Path parent) {
        List<Path> cleaned = new java.util.ArrayList<>();
        try (DirectoryStream<Path> owners = Files.newDirectoryStream(parent, "migratest-pg-*" + OWNER_SUFFIX)) {
            for (Path owner : owners) {
                try {
                    if (cleanIfOrphaned(owner)) cleaned.add(owner);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not clean up the embedded server of " + owner + ": " + e);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for orphaned embedded servers in " + parent + ": " + e);
        }
        return cleaned;
    }

    private static boolean cleanIfOrphaned(Path owner) throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(owner, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        long pid = Long.parseLong(props.getProperty("pid", "-1").trim());
        long started = Long.parseLong(props.getProperty("started", "0").trim());
        if (Boolean.parseBoolean(props.getProperty("kept", "false").trim()) || ownerRuns(pid, started)) return false;
        String name = owner.getFileName().toString();
        Path dataDir = owner.resolveSibling(name.substring(0, name.length() - OWNER_SUFFIX.length()));
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        // Read before the postmaster stops: its pid file is the only record of which segment is its own.
        Optional<SysvSegment> segment = SysvSegment.recordedIn(dataDir);
        if (postmaster.isPresent()) stop(postmaster.get());
        boolean segmentRemoved = segment.isPresent() && segment.get().removeIfAbandoned(EmbeddedProvider.DETACH_WAIT);
        deleteRecursively(dataDir);
        ServerLog.beside(dataDir).delete();
        Files.deleteIfExists(owner);
        LOG.log(System.Logger.Level.INFO, "cleaned up the embedded PostgreSQL of a JVM that is gone (pid " + pid + "): "
                + dataDir + (postmaster.isPresent() ? ", postmaster " + postmaster.get().pid() + " stopped" : "")
                + (segmentRemoved ? ", its " + segment.get() + " removed" : ""));
        return true;
    }

    private static boolean ownerRuns(long pid, long started) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return false;
        Optional<Instant> start = process.get().info().startInstant();
        // Unknown start times cannot prove a reused pid: then the owner is taken to be alive.
        return started == 0 || start.isEmpty() || !ProcessStarts.pidReused(Instant.ofEpochMilli(started), start.get());
    }

    /** The live postmaster of {@code dataDir}: the pid of its postmaster.pid, if that process names the directory. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) return Optional.empty();
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return process.filter(p -> commandLine(p).contains(dataDir.toString()));
    }

    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) return Files.readString(cmdline, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException ignored) {
            // fall back to what the JDK knows
        }
        return process.info().commandLine().orElse("");
    }

    /** SIGTERM (its clients died with their JVM, so a smart shutdown ends), then SIGKILL; each wait bounded. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("postmaster " + postmaster.pid() + " did not stop within "
                        + 2 * STOP_SECONDS + " s", e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
