package dev.migratest.runner;

import dev.migratest.compat.OldCodeCheck;
import dev.migratest.compat.OldQuery;
import dev.migratest.compat.OldQueryFailure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seeds' Golden Rule for one migration: the code that ran before it must keep working after it. The previous
 * version's queries run before UP — those that fail already (their tables come later, their rows are not there) do
 * not apply — and again after UP; a query that worked and now fails is what this migration broke.
 */
final class OldCodeGuard {
    private final List<OldQuery> queries;
    private Set<String> failingBefore = Set.of();

    OldCodeGuard(List<OldQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    void beforeUp(Connection connection) throws SQLException {
        Set<String> failing = new HashSet<>();
        for (OldQueryFailure failure : OldCodeCheck.run(connection, queries)) failing.add(failure.query().where());
        failingBefore = failing;
    }

    /** The queries that worked before UP and fail now, described for the report. */
    List<String> brokenSinceBeforeUp(Connection connection) throws SQLException {
        return OldCodeCheck.run(connection, queries).stream()
                .filter(f -> !failingBefore.contains(f.query().where()))
                .map(OldQueryFailure::describe).toList();
    }
}
