package dev.migratest.postgres;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A server the test class handed over ({@link HandedServer}), used as an external one: migratest creates and drops only
 * its own scratch databases there, drops the leftovers of killed runs on this host ({@link LeftoverSweep}), and never
 * stops the server. Its report names the provider {@code external}.
 * <p>
 * The handed database itself is never written to. A DataSource (or another object) pointing at a database that holds
 * user tables is refused unless allowed, as a configured URL is: it may point at a shared server. A container's own
 * database may hold tables — a container exists for the tests, and one shared with the application's tests holds
 * theirs.
 */
public final class HandedProvider implements PostgresProvider {
    private static final System.Logger LOG = System.getLogger(HandedProvider.class.getName());

    private final HandedServer handed;
    private final PostgresRequest request;
    private final boolean allowNonEmptyDatabase;

    public HandedProvider(HandedServer handed, PostgresRequest request, boolean allowNonEmptyDatabase) {
        this.handed = handed;
        this.request = request;
        this.allowNonEmptyDatabase = allowNonEmptyDatabase;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (request.image() == null) return Optional.empty();
        return Optional.of("the server handed by " + handed.source() + " cannot run the image " + request.image()
                + ": it serves only its own version. Fix: remove the image from @MigrationTest(postgres) (or from -D"
                + "migratest.postgres.version), or hand a container of that image");
    }

    /** Connects and checks; every failure says which field handed what, with the password masked. */
    @Override
    public PostgresServer start() {
        Optional<String> refusal = unavailableReason();
        if (refusal.isPresent()) throw new IllegalStateException(refusal.get());
        ServerAddress address = handed.address();
        PostgresServer server;
        try {
            server = new PostgresServer(name(), address, () -> { });
        } catch (SQLException e) {
            throw ExternalServerException.connectingHanded(handed.source(), address, e);
        }
        try {
            checkVersion(server);
            if (handed.kind() != HandedServer.Kind.CONTAINER && !allowNonEmptyDatabase) {
                UserTables.refuseIfAny(address, handed.source());
            }
            LeftoverSweep.sweep(address);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(server);
            if (e instanceof RuntimeException) throw (RuntimeException) e;
            throw new IllegalStateException("the server handed by " + handed.source() + " at " + address + " failed"
                    + " while migratest checked it: " + ServerAddress.mask(e.getMessage()), e);
        }
        LOG.log(System.Logger.Level.INFO, "using " + server + ", handed by " + handed.source());
        return server;
    }

    private void checkVersion(PostgresServer server) {
        if (request.major() != null && !request.major().equals(String.valueOf(server.majorVersion()))) {
            throw new IllegalStateException("the server handed by " + handed.source() + " runs PostgreSQL "
                    + server.version() + ", not the " + request.major() + " that was asked for: a handed server serves"
                    + " only its own version. Fix: remove " + request.major() + " from @MigrationTest(postgres) (or"
                    + " from -Dmigratest.postgres.version), or hand a PostgreSQL " + request.major() + " server");
        }
    }

    private static void closeQuietly(PostgresServer server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not close the connection to " + server + ": "
                    + ServerAddress.mask(e.getMessage()));
        }
    }
}
