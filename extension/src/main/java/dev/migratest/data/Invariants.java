package dev.migratest.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries the user declares must answer the same before and after every phase ({@code select count(*) from orders
 * where status = 'paid'}, {@code select sum(total_cents) from orders}). A query that cannot run before UP (its table
 * does not exist yet) does not apply to that migration; one that applies must then run, and answer as it did before
 * UP, after UP, after DOWN and after the second UP.
 */
public final class Invariants {
    /** Answers longer than this are compared in full but shown cut. */
    private static final int SHOWN_CHARS = 200;

    private final List<String> queries;
    private final Map<String, String> before = new LinkedHashMap<>();

    public Invariants(List<String> queries) {
        this.queries = List.copyOf(queries);
    }

    public boolean isEmpty() {
        return queries.isEmpty();
    }

    /** Reads every query's answer before UP; the ones that fail do not apply to this migration. */
    public void beforeUp(Connection connection) throws SQLException {
        before.clear();
        for (String query : queries) {
            Answer answer = answer(connection, query);
            if (answer.error() == null) before.put(query, answer.rows());
        }
    }

    /** One line per applicable query that failed or answered otherwise than before UP; {@code when}: "after DOWN". */
    public List<String> violations(Connection connection, String when) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> expected : before.entrySet()) {
            Answer now = answer(connection, expected.getKey());
            String shown = "invariant `" + oneLine(expected.getKey()) + "`";
            if (now.error() != null) {
                lines.add(shown + " answered " + cut(expected.getValue()) + " before UP but failed " + when + ": "
                        + now.error());
            } else if (!now.rows().equals(expected.getValue())) {
                lines.add(shown + " answered " + cut(expected.getValue()) + " before UP but " + cut(now.rows()) + " "
                        + when);
            }
        }
        return lines;
    }

    private record Answer(String rows, String error) {
    }

    /** The whole answer as text, rows in the order the query gives them (an ORDER BY is the user's to write). */
    private static Answer answer(Connection connection, String query) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) values.add(rs.getString(i));
                rows.add(values.size() == 1 ? String.valueOf(values.get(0)) : values.toString());
            }
            return new Answer(rows.size() == 1 ? rows.get(0) : rows.toString(), null);
        } catch (SQLException e) {
            return new Answer(null, "ERROR " + e.getSQLState() + ": " + e.getMessage());
        } finally {
            // read-only by intent; rolled back so that a query with side effects leaves none
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static String cut(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 1) + "…";
    }
}
