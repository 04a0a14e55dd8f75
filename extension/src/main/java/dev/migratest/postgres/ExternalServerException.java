package dev.migratest.postgres;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The external server (configured by URL, or handed over by the test class) could not be used: it refused the
 * connection, the login failed, or the database is missing.
 * The message names the URL with its password masked, what failed (with the SQLSTATE) and the fix; the password
 * appears nowhere in it.
 */
public final class ExternalServerException extends RuntimeException {
    private final String printableUrl;
    private final String sqlState;

    private ExternalServerException(String message, String printableUrl, String sqlState, Throwable cause) {
        super(message, cause);
        this.printableUrl = printableUrl;
        this.sqlState = sqlState;
    }

    /** Explains a failure to connect to {@code address}'s own database, a server configured by URL. */
    static ExternalServerException connecting(ServerAddress address, SQLException e) {
        return connecting("the external PostgreSQL server at ", address, e, Fixes.URL);
    }

    /**
     * The same for a server the test class handed over ({@code source} says which field and what it held): the fix is
     * in the object, not in migratest's properties.
     */
    static ExternalServerException connectingHanded(String source, ServerAddress address, SQLException e) {
        return connecting("the PostgreSQL server handed by " + source + " at ", address, e, Fixes.HANDED);
    }

    private static ExternalServerException connecting(String server, ServerAddress address, SQLException e,
                                                      Fixes fixes) {
        String url = address.printableUrl(address.defaultDatabase());
        String state = e.getSQLState();
        String what = ServerAddress.mask(String.valueOf(e.getMessage()));
        String fix;
        Optional<String> unanswered = WaitLimits.explain(e);
        if ("28P01".equals(state) || "28000".equals(state)) {
            what = "refused the login: " + what;
            fix = fixes.login;
        } else if (refused(e)) {
            what = "refused the connection";
            fix = fixes.refused;
        } else if (unanswered.isPresent()) {
            what = "did not answer: " + what + "; " + unanswered.get();
            fix = "check that the server at that address is up and not stopped, overloaded or behind a broken network"
                    + " path; a slow link can be given more time with the URL's loginTimeout / socketTimeout parameters"
                    + " (seconds)";
        } else if ("3D000".equals(state)) {
            fix = fixes.noDatabase;
        } else {
            fix = fixes.other;
        }
        if (!what.startsWith("refused") && !what.startsWith("did not answer")) what = "could not be used: " + what;
        // a blank after the URL: masking this message again (ProviderSelector does) must not eat what follows ***
        return new ExternalServerException(server + url + " " + what + " (SQLSTATE " + state + "). Fix: " + fix,
                url, state, e);
    }

    /** What to check, by where the server's address came from. */
    private enum Fixes {
        URL("check the user and password: migratest.postgres.user and migratest.postgres.password (env "
                + Fixes.ENV + "USER, " + Fixes.ENV + "PASSWORD), or the URL's user and password parameters",
                "check the host and port in migratest.postgres.url, and that PostgreSQL runs there and accepts TCP/IP"
                        + " connections (listen_addresses, pg_hba.conf, firewall)",
                "name a database that exists in migratest.postgres.url (every server has postgres)",
                "check migratest.postgres.url, user and password"),
        HANDED("check the user and password the handed object gives (its getUsername()/getUser() and getPassword(),"
                + " or the user and password parameters of its URL)",
                "check that the handed server is running (a container that was stopped cannot be used) and that its"
                        + " URL's host and port reach it",
                "point the handed object at a database that exists on that server (every server has postgres)",
                "check the URL, user and password of the handed object");

        private static final String ENV = "MIGRATEST_POSTGRES_";
        private final String login;
        private final String refused;
        private final String noDatabase;
        private final String other;

        Fixes(String login, String refused, String noDatabase, String other) {
            this.login = login;
            this.refused = refused;
            this.noDatabase = noDatabase;
            this.other = other;
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return true;
        }
        return false;
    }

    /** The server's URL as printed, password masked. */
    public String printableUrl() {
        return printableUrl;
    }

    /** The SQLSTATE of the failure, e.g. {@code 28P01} (wrong password) or {@code 08001} (refused). */
    public String sqlState() {
        return sqlState;
    }
}
