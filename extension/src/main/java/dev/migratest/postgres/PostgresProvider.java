package dev.migratest.postgres;

import java.util.Optional;

/** One way to get a running Postgres: an external server, a container, an embedded one. */
public interface PostgresProvider {

    /** Short name used in logs and in the report's {@code postgres.provider}: embedded, container, external. */
    String name();

    /**
     * A cheap check, made before anything is started: empty when this provider can be tried, otherwise why not
     * (e.g. "no external URL configured").
     */
    Optional<String> unavailableReason();

    /** Starts (or connects to) the server. */
    PostgresServer start() throws Exception;
}
