package dev.migratest.postgres;

import java.util.Optional;

/**
 * A server someone else runs, reached by JDBC URL. migratest creates its own scratch databases there and drops only
 * those (see {@link PostgresServer}); it never stops the server.
 */
public final class ExternalProvider implements PostgresProvider {
    private final String url;
    private final String user;
    private final String password;
    private final PostgresRequest request;

    public ExternalProvider(String url, String user, String password) {
        this(url, user, password, PostgresRequest.ANY);
    }

    public ExternalProvider(String url, String user, String password, PostgresRequest request) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.request = request;
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
        return Optional.empty();
    }

    @Override
    public PostgresServer start() throws Exception {
        ServerAddress address = ServerAddress.parse(url, user, password);
        PostgresServer server = new PostgresServer(name(), address, () -> { });
        if (request.major() != null && !request.major().equals(String.valueOf(server.majorVersion()))) {
            server.close();
            throw new IllegalStateException("the external server runs PostgreSQL " + server.version() + ", not the "
                    + request.major() + " that was asked for; point migratest.postgres.url at a " + request.major()
                    + " server or let the container or embedded provider serve it");
        }
        if (request.image() != null) {
            server.close();
            throw new IllegalStateException("an external server cannot run the image " + request.image());
        }
        return server;
    }
}
