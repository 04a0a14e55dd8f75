package dev.migratest.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Postgres from zonky's binaries on Maven Central, started as a child process: needs no Docker and no installed
 * server. The data directory goes to a RAM-backed file system when there is one, because cloning a database
 * writes a few MB that a throttled disk turns into 300 ms (13 ms on tmpfs; see BENCHMARKS.md).
 * <p>
 * A server killed with SIGKILL cannot remove its shared memory, so it is kept where it is provably that server's:
 * dynamic segments as files in the data directory ({@code dynamic_shared_memory_type = mmap}: {@code pg_dynshmem/},
 * deleted with the directory) instead of {@code /dev/shm/PostgreSQL.*}, which every Postgres on the machine shares
 * and whose names say nothing about their owner; and the one small System V segment, recorded in the data
 * directory's {@code postmaster.pid}, is removed after the server is gone when nothing is attached to it any more
 * ({@link SysvSegment}), on this JVM's stop or by the next run's sweep ({@link OrphanedServers}).
 * <p>
 * Without a major it runs the binaries on the class path: migratest's own dependencies put zonky's release of
 * {@link EmbeddedBinaries#DEFAULT_MAJOR} there, unless the user's build pins another. With one of
 * {@link #SUPPORTED_MAJORS} it runs the class path's binaries when they are that major, else zonky's release of it
 * from {@link EmbeddedBinaries}, taken from the local Maven repository ({@code maven.repo.local}, else
 * {@code ~/.m2/repository}) or downloaded there once from Maven Central ({@link #REPOSITORY_URL_PROPERTY} names
 * another repository). Either way one run uses one minor per major.
 */
public final class EmbeddedProvider implements PostgresProvider {
    /** System property: the parent folder of the embedded server's data directory. */
    public static final String DATA_DIR_PROPERTY = "migratest.embedded.dataDir";
    /**
     * System property: {@code true} keeps the server's own log ({@code migratest-pg-….log}, beside its data directory)
     * after the server stops, so that it can be read after a failure; the JUnit extension also shows debug lines.
     */
    public static final String VERBOSE_PROPERTY = "migratest.verbose";
    /** System property: the Maven repository that binaries of a requested major are downloaded from. */
    public static final String REPOSITORY_URL_PROPERTY = "migratest.embedded.repositoryUrl";
    /** The PostgreSQL majors that can be requested, oldest first: 12 … 18. */
    public static final List<String> SUPPORTED_MAJORS = EmbeddedBinaries.MAJORS;
    private static final Path RAM_DISK = Path.of("/dev/shm");
    private static final System.Logger LOG = System.getLogger(EmbeddedProvider.class.getName());
    /** How long a killed postmaster's backends may take to exit before its System V segment is given up on. */
    static final Duration DETACH_WAIT = Duration.ofSeconds(10);

    /** The requested major, or null for the binaries on the classpath. */
    private final String major;
    /** The image asked for, which this provider cannot run; null otherwise. */
    private final String image;
    private final boolean fast;

    /** Runs the binaries on the classpath. */
    public EmbeddedProvider() {
        this((String) null);
    }

    /**
     * Runs {@code major} (e.g. {@code "16"}); {@code null} or {@code ""} runs the binaries on the classpath.
     *
     * @throws IllegalArgumentException when {@code major} is not one of {@link #SUPPORTED_MAJORS}
     */
    public EmbeddedProvider(String major) {
        this(PostgresRequest.parse(major), false);
        if (this.major != null) EmbeddedBinaries.version(this.major); // fails now, naming what can be asked
    }

    /**
     * Serves {@code request}; an unsupported major fails at {@link #start()} (so that AUTO lists it among its
     * attempts), an image is refused by {@link #unavailableReason()}. {@code fast} turns on {@link FastProfile}.
     */
    public EmbeddedProvider(PostgresRequest request, boolean fast) {
        this.major = request.major() == null ? null : request.major().strip();
        this.image = request.image();
        this.fast = fast;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (image != null) {
            return Optional.of("the embedded provider runs a major version, not the image " + image);
        }
        EmbeddedBinaries.Platform platform = EmbeddedBinaries.Platform.current();
        if (major != null && platform.archive().isEmpty()) {
            return Optional.of("PostgreSQL " + major + " was asked for, but " + platform.unsupported());
        }
        return Optional.empty();
    }

    @Override
    public PostgresServer start() throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky turns durability off by default; migratest keeps it on unless the fast profile is asked for
        for (String setting : durability(fast)) {
            String[] pair = setting.split("=", 2);
            builder.setServerConfig(pair[0], pair[1]);
        }
        // Dynamic shared memory as files in the data directory, so that nothing of a killed server stays in /dev/shm
        // (see the class comment). The data directory is itself on /dev/shm when that is writable, so the segments
        // stay in RAM; on the temp-dir fallback they are files on disk, which measured no slower (and posix segments
        // need a writable /dev/shm anyway).
        builder.setServerConfig("dynamic_shared_memory_type", "mmap");
        Optional<EmbeddedBinaries.Artifact> artifact = artifactToFetch(major, EmbeddedBinaries.Platform.current(),
                EmbeddedProvider.class.getClassLoader());
        if (artifact.isPresent()) {
            builder.setPgBinaryResolver(BinariesJar.locate(artifact.get(), BinariesJar.localRepository(),
                    BinariesJar.repositoryUrl()));
        }
        Path parent = dataDirParent();
        // A JVM killed mid-run left its server running and its directory behind: the next run cleans them up.
        OrphanedServers.sweep(parent);
        Path dataDir = Files.createTempDirectory(parent, "migratest-pg-");
        Path owner = OrphanedServers.claim(dataDir);
        ServerLog log = ServerLog.beside(dataDir);
        EmbeddedPostgres pg;
        try {
            pg = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    // We register our own hook: a database kept for inspection must outlive the JVM.
                    .setRegisterShutdownHook(false)
                    // initdb's and the server's own output to a file, not through SLF4J to the user's console
                    .setOutputRedirector(log.redirect())
                    .setErrorRedirector(log.redirect())
                    .start();
        } catch (ExceptionInInitializerError e) {
            // zonky's way of reporting that the binaries could not be read or extracted
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("could not prepare the embedded PostgreSQL binaries: " + cause, cause);
        } catch (RuntimeException | IOException e) {
            throw new IOException("the embedded PostgreSQL did not start: " + e.getMessage() + log.lastLines(), e);
        }
        LOG.log(System.Logger.Level.DEBUG, "embedded PostgreSQL's own log: " + log.file());
        AtomicBoolean stopped = new AtomicBoolean();
        PostgresServer.ServerStop stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                // read now, not at start: a postmaster that restarted after a crashed backend made a new segment
                Optional<SysvSegment> segment = SysvSegment.recordedIn(dataDir);
                pg.close();
                // A postmaster that was killed (pg_ctl stop then fails) leaves its segment: removed here, like the
                // data directory. After a clean stop PostgreSQL has removed it already and nothing happens.
                if (segment.isPresent() && segment.get().removeIfAbandoned(DETACH_WAIT)) {
                    LOG.log(System.Logger.Level.INFO, "removed the " + segment.get() + " left by the stopped server");
                }
                Files.deleteIfExists(owner);
                if (Boolean.parseBoolean(System.getProperty(VERBOSE_PROPERTY, "false").strip())) {
                    LOG.log(System.Logger.Level.INFO, "kept the embedded server's own log: " + log.file());
                } else {
                    log.delete();
                }
            }
        };
        ServerAddress address = ServerAddress.parse(pg.getJdbcUrl("postgres", "postgres"), null, null);
        PostgresServer server;
        try {
            server = new PostgresServer(name(), address, stop);
        } catch (SQLException e) {
            stop.stop();
            throw e;
        }
        if (major != null && server.majorVersion() != Integer.parseInt(major)) {
            stop.stop();
            throw new IllegalStateException("PostgreSQL " + major + " was asked for, but the embedded server reports "
                    + server.version());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!server.keepsDatabases()) stop.stop();
                // Left running on purpose, for a person to inspect: no later run may take it for an orphan.
                else OrphanedServers.markKept(owner);
            } catch (IOException ignored) {
                // the JVM is going away; nothing left to tell
            }
        }, "migratest-embedded-postgres-stop"));
        return server;
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + (major == null ? "(binaries on the classpath)" : major);
    }

    /**
     * Empty when the binaries on the class path serve this request: none was asked for and the class path has zonky
     * binaries (for this platform, or ones zonky falls back to, as x86_64 on an arm64 Mac), or they are the major asked
     * for (so a class asking for 17 runs the same minor as one asking for nothing). Otherwise zonky's release of the
     * major — the default one when the class path has no binaries at all — from the local repository or Maven Central.
     */
    static Optional<EmbeddedBinaries.Artifact> artifactToFetch(String major, EmbeddedBinaries.Platform platform,
                                                               ClassLoader loader) {
        if (major == null) {
            return ClasspathBinaries.anyPresent(loader) ? Optional.empty()
                    : Optional.of(EmbeddedBinaries.artifact(EmbeddedBinaries.DEFAULT_MAJOR, platform));
        }
        Optional<String> onClasspath = ClasspathBinaries.release(platform, loader);
        if (onClasspath.isPresent() && ClasspathBinaries.major(onClasspath.get()).equals(major)) return Optional.empty();
        return Optional.of(EmbeddedBinaries.artifact(major, platform));
    }

    static List<String> durability(boolean fast) {
        return fast ? FastProfile.SETTINGS : List.of("fsync=on", "synchronous_commit=on", "full_page_writes=on");
    }

    private static Path dataDirParent() throws IOException {
        String configured = System.getProperty(DATA_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Files.createDirectories(Path.of(configured));
        }
        if (Files.isDirectory(RAM_DISK) && Files.isWritable(RAM_DISK)) {
            return RAM_DISK;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
