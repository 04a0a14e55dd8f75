package dev.migratest.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGStatement;

/**
 * The event triggers that note which objects DDL touches ({@code change-capture.sql}), and the query that turns
 * those notes into snapshot roots ({@code touched-roots.sql}).
 */
final class ChangeCapture {
    private static final String INSTALL = SqlResources.load("change-capture.sql");
    private static final String TOUCHED = SqlResources.load("touched-roots.sql");

    private ChangeCapture() {
    }

    /** Installs the capture; fails when the role may not create event triggers (they need a superuser). */
    static void install(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(INSTALL);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The objects touched since the last call (and their dependents), each with its root when it still exists. */
    static List<Touched> consume(Connection connection) throws SQLException {
        List<Touched> touched = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TOUCHED)) {
            // planned once per connection: this runs after every phase
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                long classid = rows.getLong(1);
                boolean reported = !rows.wasNull();
                touched.add(new Touched(reported, classid, rows.getLong(2), rows.getString(3)));
            }
        }
        return touched;
    }

    /**
     * @param reported false when the command named no object (GRANT …): then nothing short of a full read is safe
     * @param root     the object's root, or {@code null} when the object is gone
     */
    record Touched(boolean reported, long classid, long objid, String root) {
    }
}
