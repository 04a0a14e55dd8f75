package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement copied a whole pre-existing table into new files while nobody could read or write it. Type changes and
 * column defaults have rules of their own, with advice that fits them.
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
            if (TypeChangeRewrite.changesType(sql) || VolatileDefault.addsColumnWithDefault(sql)) continue;
            for (String table : phase.rewrittenTables(statement.trace())) {
                LockHold lock = phase.heldAtLeast(table, i, LockMode.ACCESS_EXCLUSIVE).orElse(null);
                if (lock == null) continue;
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": " + sql.verb()
                        + " rewrote " + table + phase.rowsNote(table) + " under " + Facts.hold(lock)
                        + "; reads and writes of " + table + " waited for the whole copy",
                        "Avoid rewriting a live table (SET LOGGED/UNLOGGED, SET ACCESS METHOD, VACUUM FULL, CLUSTER, "
                                + "a stored generated or identity column): build the new shape next to the old one "
                                + "(expand-contract) and backfill it in batches."));
            }
        }
        return found;
    }
}
