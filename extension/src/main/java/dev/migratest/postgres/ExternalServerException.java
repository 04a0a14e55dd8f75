package dev.migratest.postgres;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The external server could not be used: it refused the connection, the login failed, or the database is missing.
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

    /** Explains a failure to connect to {@code address}'s own database. */
    static ExternalServerException connecting(ServerAddress address, SQLException e) {
        String url = address.printableUrl(address.defaultDatabase());
        String state = e.getSQLState();
        String what = ServerAddress.mask(String.valueOf(e.getMessage()));
        String fix;
        Optional<String> unanswered = WaitLimits.explain(e);
        if ("28P01".equals(state) || "28000".equals(state)) {
            what = "refused the login: " + what;
            fix = "check the user and password: migratest.postgres.user and migratest.postgres.password (env "
                    + MIGRATEST_ENV + "USER, " + MIGRATEST_ENV + "PASSWORD), or the URL's user and password parameters";
        } else if (refused(e)) {
            what = "refused the connection";
            fix = "check the host and port in migratest.postgres.url, and that PostgreSQL runs there and accepts TCP/IP"
                    + " connections (listen_addresses, pg_hba.conf, firewall)";
        } else if (unanswered.isPresent()) {
            what = "did not answer: " + what + "; " + unanswered.get();
            fix = "check that the server at that address is up and not stopped, overloaded or behind a broken network"
                    + " path; a slow link can be given more time with the URL's loginTimeout / socketTimeout parameters"
                    + " (seconds)";
        } else if ("3D000".equals(state)) {
            fix = "name a database that exists in migratest.postgres.url (every server has postgres)";
        } else {
            fix = "check migratest.postgres.url, user and password";
        }
        if (!what.startsWith("refused") && !what.startsWith("did not answer")) what = "could not be used: " + what;
        // a blank after the URL: masking this message again (ProviderSelector does) must not eat what follows ***
        return new ExternalServerException("the external PostgreSQL server at " + url + " " + what
                + " (SQLSTATE " + state + "). Fix: " + fix, url, state, e);
    }

    private static final String MIGRATEST_ENV = "MIGRATEST_POSTGRES_";

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
