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

    public ExternalProvider(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
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
        return new PostgresServer(name(), address, () -> { });
    }
}
