package dev.migratest.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** One scratch database created by migratest on a {@link PostgresServer}; closing it drops it unless kept. */
public final class Database implements AutoCloseable {
    private final PostgresServer server;
    private final String name;
    private boolean kept;

    Database(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return server.address().connect(name);
    }

    /** The URL to reach this database, password masked. */
    public String printableUrl() {
        return server.address().printableUrl(name);
    }

    /** Keeps the database after the run (and its server, when migratest started it) so a person can look inside. */
    public void keep() {
        kept = true;
        server.keep(name);
    }

    @Override
    public void close() throws SQLException {
        if (!kept) server.drop(name);
    }

    @Override
    public String toString() {
        return printableUrl();
    }
}
