package dev.migratest.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A running Postgres that migratest may use. It only ever creates and drops databases it made itself: a template
 * (empty, created once) and one scratch database per test class cloned from it, all named
 * {@code migratest_<run>_…} so that two JVMs sharing an external server never touch each other's databases. Each
 * gets a {@link ScratchMark} comment saying which run, host and process created it, so that a later run can clean up
 * after a JVM that was killed ({@link LeftoverSweep}); the admin connection stays open for the whole run under the
 * application name {@code migratest run <run>}, which shows every other session that this run is alive.
 */
public final class PostgresServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());

    private final String providerName;
    private final ServerAddress address;
    private final ServerStop shutdown;
    private final ServerKeep onKeep;
    /** Every scratch database name starts {@code migratest_}: nothing else is ever created or dropped. */
    public static final String PREFIX = "migratest_";
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Set<String> created = new LinkedHashSet<>();
    private final Set<String> kept = new LinkedHashSet<>();
    private final String version;
    private String template;
    private int counter;
    /** Kept open: a new backend per CREATE DATABASE would double what a test class waits for its database. */
    private Connection admin;

    public PostgresServer(String providerName, ServerAddress address, ServerStop shutdown) throws SQLException {
        this(providerName, address, shutdown, () -> { });
    }

    /** {@code onKeep} runs when the first database is kept: the server will outlive this run on purpose. */
    public PostgresServer(String providerName, ServerAddress address, ServerStop shutdown, ServerKeep onKeep)
            throws SQLException {
        this.providerName = providerName;
        this.address = address;
        this.shutdown = shutdown;
        this.onKeep = onKeep;
        this.admin = address.connect(address.defaultDatabase(), applicationName(runId));
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            this.version = rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
    }

    /** The application name of a run's admin connection: while a session has it, that run is alive. */
    static String applicationName(String runId) {
        return "migratest run " + runId;
    }

    /** This run's id, part of every database name it creates ({@code migratest_<run>_…}). */
    public String runId() {
        return runId;
    }

    public String providerName() {
        return providerName;
    }

    /** e.g. {@code 17.6}. */
    public String version() {
        return version;
    }

    /** e.g. {@code 17}. */
    public int majorVersion() {
        return Integer.parseInt(version.split("\\.")[0].replaceAll("\\D.*", ""));
    }

    public ServerAddress address() {
        return address;
    }

    /**
     * A fresh, empty database of our own, cloned from our template (cheap: see BENCHMARKS.md). The label goes
     * into the name to make a kept database recognisable.
     */
    public synchronized Database createDatabase(String label) throws SQLException {
        if (template == null) {
            template = runPrefix() + "template";
            create(template, null);
        }
        String name = runPrefix() + (++counter) + "_" + sanitize(label);
        create(name, template);
        return new Database(this, name);
    }

    /**
     * A copy of {@code template}, one of our own databases (a loaded one, for benchmarks that need a fresh copy of the
     * same data per iteration). Nobody may be connected to the template while it is copied.
     */
    public synchronized Database createDatabase(String label, Database template) throws SQLException {
        if (!created.contains(template.name())) {
            throw new IllegalStateException("migratest did not create database '" + template.name()
                    + "' and will not copy it");
        }
        String name = runPrefix() + (++counter) + "_" + sanitize(label);
        create(name, template.name());
        return new Database(this, name);
    }

    private String runPrefix() {
        return PREFIX + runId + "_";
    }

    /** Creates, records and marks one scratch database; recorded before the mark, so close() drops it regardless. */
    private void create(String name, String template) throws SQLException {
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        created.add(name);
        comment(name, ScratchMark.ofThisProcess(runId).comment());
    }

    private void comment(String name, String text) throws SQLException {
        execute("COMMENT ON DATABASE " + name + " IS '" + text.replace("'", "''") + "'");
    }

    /**
     * Drops a database this server object created; refuses anything else — a name this run did not create, or one
     * without this run's prefix — before any SQL is sent.
     */
    synchronized void drop(String name) throws SQLException {
        if (!created.contains(name) || !name.startsWith(runPrefix())) {
            throw new IllegalStateException("migratest did not create database '" + name + "' and will not drop it"
                    + " (this run drops only the databases it created, named " + runPrefix() + "…)");
        }
        // WITH (FORCE) (13+) ends sessions a failed test may have left behind, e.g. a kept connection
        execute("DROP DATABASE IF EXISTS " + name + (majorVersion() >= 13 ? " WITH (FORCE)" : ""));
        created.remove(name);
    }

    /**
     * Leaves a database in place at the end, for a person to inspect; its comment says so, so that no later run takes
     * it for a leftover.
     */
    synchronized void keep(String name) {
        boolean first = kept.isEmpty();
        kept.add(name);
        if (first) {
            try {
                onKeep.kept();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not mark the " + providerName + " Postgres as kept (a later"
                        + " run may take it for a leftover once this JVM has ended): " + e);
            }
        }
        try {
            comment(name, ScratchMark.ofThisProcess(runId).keptComment());
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not mark kept database " + name + " as kept (a later run may"
                    + " take it for a leftover once this JVM has ended): " + ServerAddress.mask(e.getMessage()));
        }
    }

    public synchronized boolean keepsDatabases() {
        return !kept.isEmpty();
    }

    private void execute(String sql) throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = address.connect(address.defaultDatabase(), applicationName(runId));
        }
        try (Statement st = admin.createStatement()) {
            st.execute(sql);
        }
    }

    private static String sanitize(String label) {
        String s = label.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        return s.length() > 30 ? s.substring(s.length() - 30) : s;
    }

    @Override
    public synchronized void close() throws SQLException, IOException {
        for (String name : Set.copyOf(created)) {
            if (kept.contains(name)) continue;
            try {
                drop(name);
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "could not drop scratch database " + name + ": " + e.getMessage());
            }
        }
        if (admin != null) admin.close();
        if (kept.isEmpty()) {
            shutdown.stop();
        } else {
            // Testcontainers removes its containers when the JVM ends (Ryuk, or its shutdown hook): a kept container
            // lives only as long as this JVM, and saying otherwise would send a person looking for nothing.
            String until = providerName.equals("container") ? " until this JVM ends (Testcontainers then removes the"
                    + " container)" : "";
            LOG.log(System.Logger.Level.WARNING, "the " + providerName + " Postgres stays up" + until + " because databases"
                    + " were kept for inspection: " + String.join(", ", kept) + " at "
                    + address.printableUrl(kept.iterator().next()));
        }
    }

    /** How the provider stops what it started (nothing, for a server someone else runs). */
    @FunctionalInterface
    public interface ServerStop {
        void stop() throws IOException;
    }

    /** How the provider marks what it started as kept, so that no later run cleans it up (nothing, by default). */
    @FunctionalInterface
    public interface ServerKeep {
        void kept() throws IOException;
    }

    @Override
    public String toString() {
        return providerName + " PostgreSQL " + version + " at " + address;
    }
}
