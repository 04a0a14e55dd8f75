package dev.migratest.compat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each sequence stood before the check. {@code nextval} is not transactional: an old INSERT into an identity or
 * serial column advances its sequence even though the INSERT is rolled back, so the check puts every sequence it moved
 * back where it was (ids of later rows, and the harness's comparisons, then do not depend on the check having run).
 */
final class SequencePositions {
    private static final String POSITIONS = "SELECT format('%I.%I', schemaname, sequencename), start_value, last_value"
            + " FROM pg_sequences WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";

    /** {@code lastValue} is null until the sequence is first used (or when it cannot be read). */
    private record Position(long startValue, Long lastValue) {
    }

    private final Map<String, Position> positions;

    private SequencePositions(Map<String, Position> positions) {
        this.positions = positions;
    }

    static SequencePositions capture(Connection connection) throws SQLException {
        return new SequencePositions(read(connection));
    }

    /** Sets back each sequence whose position changed since {@link #capture}. */
    void restore(Connection connection) throws SQLException {
        Map<String, Position> now = read(connection);
        try (PreparedStatement setval = OldCodeCheck.unprepared(
                connection.prepareStatement("SELECT setval(?::regclass, ?, ?)"))) {
            for (Map.Entry<String, Position> before : positions.entrySet()) {
                Position after = now.get(before.getKey());
                if (after == null || Objects.equals(after.lastValue(), before.getValue().lastValue())) continue;
                Long last = before.getValue().lastValue();
                setval.setString(1, before.getKey());
                setval.setLong(2, last == null ? before.getValue().startValue() : last);
                setval.setBoolean(3, last != null); // false: the next nextval returns the start value again
                setval.execute();
            }
        }
    }

    private static Map<String, Position> read(Connection connection) throws SQLException {
        Map<String, Position> positions = new HashMap<>();
        try (PreparedStatement statement = OldCodeCheck.unprepared(connection.prepareStatement(POSITIONS));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Object last = rows.getObject(3);
                positions.put(rows.getString(1), new Position(rows.getLong(2),
                        last == null ? null : ((Number) last).longValue()));
            }
        }
        return positions;
    }
}
