package dev.migratest.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Postgres from zonky's binaries on Maven Central, started as a child process: needs no Docker and no installed
 * server. The data directory goes to a RAM-backed file system when there is one, because cloning a database
 * writes a few MB that a throttled disk turns into 300 ms (13 ms on tmpfs; see BENCHMARKS.md).
 */
public final class EmbeddedProvider implements PostgresProvider {
    private final PostgresRequest request;
    private final boolean fast;

    public EmbeddedProvider() {
        this(PostgresRequest.ANY, false);
    }

    public EmbeddedProvider(PostgresRequest request, boolean fast) {
        this.request = request;
        this.fast = fast;
    }

    /** System property: the parent folder of the embedded server's data directory. */
    public static final String DATA_DIR_PROPERTY = "migratest.embedded.dataDir";
    private static final Path RAM_DISK = Path.of("/dev/shm");

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (request.image() != null) {
            return Optional.of("the embedded provider runs a major version, not the image " + request.image());
        }
        return Optional.empty();
    }

    @Override
    public PostgresServer start() throws Exception {
        Path dataDir = Files.createTempDirectory(dataDirParent(), "migratest-pg-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky turns durability off by default; migratest keeps it on unless the fast profile is asked for
        for (String setting : durability(fast)) {
            String[] pair = setting.split("=", 2);
            builder.setServerConfig(pair[0], pair[1]);
        }
        EmbeddedPostgres pg = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                // We register our own hook: a database kept for inspection must outlive the JVM.
                .setRegisterShutdownHook(false)
                .start();
        AtomicBoolean stopped = new AtomicBoolean();
        PostgresServer.ServerStop stop = () -> {
            if (stopped.compareAndSet(false, true)) pg.close();
        };
        ServerAddress address = ServerAddress.parse(pg.getJdbcUrl("postgres", "postgres"), null, null);
        PostgresServer server = new PostgresServer(name(), address, stop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!server.keepsDatabases()) {
                try {
                    stop.stop();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to tell
                }
            }
        }, "migratest-embedded-postgres-stop"));
        return server;
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
