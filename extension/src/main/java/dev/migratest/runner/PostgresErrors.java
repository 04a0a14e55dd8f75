package dev.migratest.runner;

import dev.migratest.migration.Statement;
import dev.migratest.postgres.WaitLimits;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Turns a driver exception into the phase error users read: SQLSTATE, message, detail, hint, position line. */
final class PostgresErrors {

    private PostgresErrors() {
    }

    static PhaseError toPhaseError(String file, Statement statement, SQLException e) {
        StringBuilder message = new StringBuilder();
        int line = statement.line();
        ServerErrorMessage server = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        if (server != null) {
            message.append(server.getMessage());
            if (server.getDetail() != null) message.append(" (detail: ").append(server.getDetail()).append(')');
            if (server.getHint() != null) message.append(" (hint: ").append(server.getHint()).append(')');
            if (server.getPosition() > 0) line += linesBefore(statement.sql(), server.getPosition() - 1);
        } else {
            message.append(e.getMessage());
            WaitLimits.explain(e).ifPresent(why -> message.append("; ").append(why));
        }
        return new PhaseError(file, line, e.getSQLState(), message.toString(), statement.sql());
    }

    /**
     * SQLSTATE class 08 (the driver's I/O errors) and the FATALs a server sends as it ends a session: after them the
     * connection is gone, with whatever its transaction had done.
     */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /** Postgres points at a character of the statement; the file line of that character is more precise. */
    private static int linesBefore(String sql, int position) {
        int count = 0;
        int end = Math.min(position, sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') count++;
        }
        return count;
    }
}
