package dev.migratest.datagen;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets PostgreSQL be the oracle: one query per column runs every candidate through {@code pg_input_is_valid}
 * (type, typmod, domain constraints; PostgreSQL 16+) and then through the column-level CHECK expressions with the
 * column name bound to the candidate. Candidates failing either are dropped.
 */
final class PostgresCandidateFilter implements CandidateFilter {

    private final Connection connection;

    PostgresCandidateFilter(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < 16) {
            throw new DatagenException(List.of(new DatagenException.Problem("(server)", null,
                    "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion()
                            + " has no pg_input_is_valid, which datagen uses to check candidate values",
                    "load on PostgreSQL 16 or later")));
        }
        this.connection = connection;
    }

    /** The column-level CHECK expressions of {@code column}, without {@code CHECK} and {@code NOT VALID}. */
    static List<String> checkExpressions(Table table, Column column) {
        return table.checks().stream()
                .filter(c -> c.columnLevel() && c.columns().get(0).equals(column.name()))
                .map(c -> c.definition().replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", ""))
                .toList();
    }

    @Override
    public boolean[] accepts(Table table, Column column, List<String> candidates) {
        String type = column.type().declared();
        List<String> checks = checkExpressions(table, column);
        String sql = "SELECT _mt_n FROM (SELECT CAST(_mt_v AS " + type + ") AS " + TableName.quote(column.name())
                + ", _mt_n FROM unnest(?::text[]) WITH ORDINALITY AS u(_mt_v, _mt_n) WHERE pg_input_is_valid(_mt_v, ?)"
                + " OFFSET 0) s"
                + (checks.isEmpty() ? "" : " WHERE " + checks.stream().map(e -> "(" + e + ") IS NOT FALSE")
                .collect(Collectors.joining(" AND ")));
        boolean[] ok = new boolean[candidates.size()];
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", candidates.toArray());
            ps.setArray(1, array);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ok[(int) rs.getLong(1) - 1] = true;
                }
            }
        } catch (SQLException e) {
            throw new DatagenException(List.of(new DatagenException.Problem(table.name().toString(), column.name(),
                    "checking candidate values failed: " + e.getMessage() + " (query: " + sql + ")",
                    "report this; give the table 0 rows meanwhile")));
        }
        return ok;
    }
}
