package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement gave a pre-existing table (or materialized view) new storage while nobody could read or write it. What
 * that cost depends on the statement, read from its kind: VACUUM FULL, CLUSTER and ALTER TABLE (SET LOGGED, SET
 * TABLESPACE, SET ACCESS METHOD, a stored generated column…) copy every row; REFRESH MATERIALIZED VIEW runs the view's
 * query again into new files. TRUNCATE also gets new files, but copies nothing: it is {@code truncate-table}'s. Type
 * changes and column defaults have rules of their own, with advice that fits them.
 */
final class TableRewrite implements Rule {

    @Override
    public String id() {
        return "table-rewrite";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        List<StatementResult> statements = phase.statements();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            SqlText sql = phase.text(statement);
            if (TypeChangeRewrite.changesType(sql) || VolatileDefault.addsColumnWithDefault(sql)
                    || TruncateTable.truncates(sql)) {
                continue;
            }
            for (String table : phase.rewrittenTables(statement.trace())) {
                LockHold lock = phase.heldAtLeast(table, i, LockMode.ACCESS_EXCLUSIVE).orElse(null);
                if (lock == null) continue;
                found.add(detection(phase, statement, sql, table, lock));
            }
        }
        return found;
    }

    private static Detection detection(PhaseView phase, StatementResult statement, SqlText sql, String table,
                                       LockHold lock) {
        String where = phase.at(statement.line()) + ": ";
        String verb = sql.verb();
        if (verb.equals("REFRESH MATERIALIZED VIEW")) {
            return new Detection(statement.line(), table, where + verb + " ran the query of " + table
                    + " again into new files under " + Facts.hold(lock) + "; reads of " + table
                    + " waited for the whole refresh",
                    "REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view) keeps the view"
                            + " readable while it runs; or refresh it outside the migration.");
        }
        String advice = verb.equals("VACUUM FULL") || verb.equals("CLUSTER")
                ? "Space and row order need no migration: plain VACUUM (autovacuum) makes the space reusable without"
                        + " blocking anyone; if the files must shrink, rewrite online outside the deploy (pg_repack)."
                : "Avoid rewriting a live table (SET LOGGED/UNLOGGED, SET TABLESPACE, SET ACCESS METHOD, a stored"
                        + " generated or identity column): build the new shape next to the old one (expand-contract)"
                        + " and backfill it in batches.";
        return new Detection(statement.line(), table, where + verb + " rewrote " + table + phase.rowsNote(table)
                + " under " + Facts.hold(lock) + "; reads and writes of " + table + " waited for the whole copy",
                advice);
    }
}
