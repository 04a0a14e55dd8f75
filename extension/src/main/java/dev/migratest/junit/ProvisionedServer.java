package dev.migratest.junit;

import dev.migratest.postgres.PostgresServer;

import java.util.function.Supplier;

/**
 * A server, or why none could be had: kept in the root Store either way, so that a provider that failed is not tried
 * again for every migration of every class.
 */
final class ProvisionedServer implements AutoCloseable {
    private final PostgresServer server;
    private final String failure;

    private ProvisionedServer(PostgresServer server, String failure) {
        this.server = server;
        this.failure = failure;
    }

    static ProvisionedServer of(Supplier<PostgresServer> start) {
        try {
            return new ProvisionedServer(start.get(), null);
        } catch (RuntimeException e) {
            return new ProvisionedServer(null, e.getMessage());
        }
    }

    PostgresServer server() {
        if (server == null) throw new MigrationFailure(failure);
        return server;
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.close();
    }
}
