package dev.migratest.postgres;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A server someone else runs, reached by JDBC URL. migratest creates its own scratch databases there and drops only
 * those (see {@link PostgresServer}); it never stops the server. Before it is used: a login that fails says why
 * ({@link ExternalServerException}, password masked); a URL whose database holds user tables is refused unless
 * allowed ({@link NonEmptyDatabaseException}); and scratch databases left by killed runs on this host are dropped
 * ({@link LeftoverSweep}).
 */
public final class ExternalProvider implements PostgresProvider {
    /** {@code true} lets the external URL point at a database that holds tables (migratest never writes to it). */
    public static final String ALLOW_NON_EMPTY_DATABASE_PROPERTY = "migratest.postgres.allowNonEmptyDatabase";

    private final String url;
    private final String user;
    private final String password;
    private final PostgresRequest request;
    private final boolean allowNonEmptyDatabase;

    public ExternalProvider(String url, String user, String password) {
        this(url, user, password, PostgresRequest.ANY);
    }

    public ExternalProvider(String url, String user, String password, PostgresRequest request) {
        this(url, user, password, request, false);
    }

    public ExternalProvider(String url, String user, String password, PostgresRequest request,
                            boolean allowNonEmptyDatabase) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.request = request;
        this.allowNonEmptyDatabase = allowNonEmptyDatabase;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (url == null || url.isBlank()) {
            return Optional.of("no external URL configured (set @MigrationTest(postgresUrl), -Dmigratest.postgres.url"
                    + " or MIGRATEST_POSTGRES_URL)");
        }
        if (request.image() != null) {
            return Optional.of("an external server cannot run the image " + request.image());
        }
        return Optional.empty();
    }

    @Override
    public PostgresServer start() throws Exception {
        // ProviderSelector asks first; a direct caller gets the same refusal
        Optional<String> refusal = unavailableReason();
        if (refusal.isPresent()) throw new IllegalStateException(refusal.get());
        ServerAddress address = ServerAddress.parse(url, user, password);
        PostgresServer server;
        try {
            server = new PostgresServer(name(), address, () -> { });
        } catch (SQLException e) {
            throw ExternalServerException.connecting(address, e);
        }
        try {
            checkRequest(server);
            if (!allowNonEmptyDatabase) UserTables.refuseIfAny(address);
            LeftoverSweep.sweep(address);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void checkRequest(PostgresServer server) {
        if (request.major() != null && !request.major().equals(String.valueOf(server.majorVersion()))) {
            throw new IllegalStateException("the external server runs PostgreSQL " + server.version() + ", not the "
                    + request.major() + " that was asked for; point migratest.postgres.url at a " + request.major()
                    + " server or let the container or embedded provider serve it");
        }
    }
}
