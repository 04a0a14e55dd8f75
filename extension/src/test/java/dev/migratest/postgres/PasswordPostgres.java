package dev.migratest.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Postgres standing in for "someone else's server" in tests: zonky's embedded one, listening on loopback only,
 * where TCP logins need a password (scram-sha-256) except the superuser's, which the test uses as the server's admin.
 * {@link #USER} is an ordinary role with CREATEDB, as a CI database account would be; it owns the database
 * {@code app}, which holds a table with rows — the database a careless URL points at.
 */
public final class PasswordPostgres implements AutoCloseable {
    public static final String USER = "ci_runner";
    /** Distinctive, so that finding it anywhere in output means it leaked. */
    public static final String PASSWORD = "Pw-q7Zr3x-leak-canary";
    private static final String HBA = String.join("\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256", "");

    private final EmbeddedPostgres pg;

    private PasswordPostgres(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static PasswordPostgres start() throws IOException, SQLException {
        Path dataDir = Files.createTempDirectory("migratest-external-");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"), HBA);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .start();
        PasswordPostgres server = new PasswordPostgres(pg);
        server.admin("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        server.admin("CREATE DATABASE app OWNER " + USER);
        try (Connection c = server.connectAsUser("app"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)");
            st.execute("INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cy')");
        }
        return server;
    }

    public int port() {
        return pg.getPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, no credentials. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The URL with the user and password in its parameters, as a CI variable often holds it. */
    public String urlWithPassword(String database) {
        return url(database) + "?user=" + USER + "&password=" + PASSWORD;
    }

    public Connection connectAsUser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    /** A superuser session on {@code postgres}, for setting up and inspecting. */
    public void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", null);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public List<String> query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", null);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        }
    }

    /** Every database whose name starts {@code migratest_}. */
    public List<String> scratchDatabases() throws SQLException {
        return query("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'migratest\\_%' ORDER BY 1");
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
