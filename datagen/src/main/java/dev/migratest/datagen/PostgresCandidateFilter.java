package dev.migratest.datagen;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets PostgreSQL be the oracle, one round trip per column. On PostgreSQL 16+ a query runs every candidate through
 * {@code pg_input_is_valid} (type, typmod, domain constraints) and then through the column-level CHECK expressions
 * with the column name bound to the candidate. Before 16 there is no {@code pg_input_is_valid}: a function in
 * {@code pg_temp} inserts each candidate, as an untyped literal, into a temporary probe table with the column's type
 * and CHECKs, each in its own subtransaction, and returns the ones that went in. An untyped literal gets the same
 * input-function-with-typmod treatment as COPY (a plain {@code CAST} would instead silently truncate a too-long
 * varchar). Candidates failing either are dropped.
 */
final class PostgresCandidateFilter implements CandidateFilter {

    /** Before 16: the validation loop, created once per connection; the probe table lives only during a call. */
    private static final String LEGACY_FUNCTION = """
            CREATE OR REPLACE FUNCTION pg_temp._mt_valid_candidates(candidates text[], probe_ddl text)
            RETURNS SETOF bigint LANGUAGE plpgsql AS $mt$
            DECLARE
              i bigint;
            BEGIN
              DROP TABLE IF EXISTS pg_temp._mt_probe;
              EXECUTE probe_ddl;
              FOR i IN 1 .. coalesce(array_length(candidates, 1), 0) LOOP
                BEGIN
                  EXECUTE 'INSERT INTO pg_temp._mt_probe VALUES (' || quote_literal(candidates[i]) || ')';
                  RETURN NEXT i;
                EXCEPTION WHEN others THEN
                  NULL; -- rejected: wrong type or length, domain or CHECK violated
                END;
              END LOOP;
              DROP TABLE pg_temp._mt_probe;
            END
            $mt$""";

    private final Connection connection;
    private final boolean legacy;

    PostgresCandidateFilter(Connection connection) throws SQLException {
        this.connection = connection;
        this.legacy = connection.getMetaData().getDatabaseMajorVersion() < 16;
        if (legacy) {
            try (Statement st = connection.createStatement()) {
                st.execute(LEGACY_FUNCTION);
            }
        }
    }

    /** The column-level CHECK expressions of {@code column}, without {@code CHECK} and {@code NOT VALID}. */
    static List<String> checkExpressions(Table table, Column column) {
        return table.checks().stream()
                .filter(c -> c.columnLevel() && c.columns().get(0).equals(column.name()))
                .map(c -> c.definition().replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", ""))
                .toList();
    }

    /** The probe table of the pre-16 path: the column alone, with its type and its column-level CHECKs. */
    static String probeDdl(Table table, Column column) {
        return "CREATE TEMP TABLE _mt_probe (" + TableName.quote(column.name()) + " " + column.type().declared()
                + checkExpressions(table, column).stream().map(e -> " CHECK (" + e + ")").collect(Collectors.joining())
                + ")";
    }

    @Override
    public boolean[] accepts(Table table, Column column, List<String> candidates) {
        String type = column.type().declared();
        String sql;
        String second;
        if (legacy) {
            sql = "SELECT n FROM pg_temp._mt_valid_candidates(?::text[], ?) AS v(n)";
            second = probeDdl(table, column);
        } else {
            List<String> checks = checkExpressions(table, column);
            sql = "SELECT _mt_n FROM (SELECT CAST(_mt_v AS " + type + ") AS " + TableName.quote(column.name())
                    + ", _mt_n FROM unnest(?::text[]) WITH ORDINALITY AS u(_mt_v, _mt_n) WHERE pg_input_is_valid(_mt_v, ?)"
                    + " OFFSET 0) s"
                    + (checks.isEmpty() ? "" : " WHERE " + checks.stream().map(e -> "(" + e + ") IS NOT FALSE")
                    .collect(Collectors.joining(" AND ")));
            second = type;
        }
        boolean[] ok = new boolean[candidates.size()];
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", candidates.toArray());
            ps.setArray(1, array);
            ps.setString(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ok[(int) rs.getLong(1) - 1] = true;
                }
            }
        } catch (SQLException e) {
            throw new DatagenException(List.of(new DatagenException.Problem(table.name().toString(), column.name(),
                    "checking candidate values failed: " + e.getMessage() + " (query: " + sql
                            + (legacy ? " with " + second : "") + ")",
                    "report this; give the table 0 rows meanwhile")));
        }
        return ok;
    }
}
