package dev.migratest.findings;

import dev.migratest.locks.TableActivity;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One UPDATE or DELETE that changed (nearly) every row of a table: all those rows stay locked until it commits, the
 * WAL and dead tuples arrive at once, and replicas lag. Measured from the statement's row counts, compared with the
 * rows the table held before the rehearsal.
 */
final class WholeTableBackfill implements Rule {

    static final long MIN_ROWS = 1_000;
    private static final double WHOLE_TABLE_SHARE = 0.9;

    @Override
    public String id() {
        return "whole-table-backfill";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (StatementResult statement : phase.statements()) {
            SqlText sql = phase.text(statement);
            boolean changesRows = sql.startsWith("UPDATE|DELETE") || (sql.startsWith("WITH") && sql.has("\\b(UPDATE|DELETE)\\b"));
            if (!changesRows || statement.trace() == null || statement.trace().activity() == null) continue;
            for (TableActivity activity : statement.trace().activity()) {
                String table = activity.table();
                long changed = activity.updated() + activity.deleted();
                OptionalLong rows = phase.rows(table);
                if (rows.isEmpty() || changed < MIN_ROWS || changed < WHOLE_TABLE_SHARE * rows.getAsLong()
                        || !phase.preExisting(table)) continue;
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": one "
                        + sql.verb().split(" ")[0] + " changed " + Facts.count(changed) + " of "
                        + Facts.count(rows.getAsLong()) + " rows of " + table + " ("
                        + Facts.percent(changed, rows.getAsLong()) + ") in " + Facts.ms(statement.durationMs())
                        + ", keeping every one of them locked until COMMIT",
                        "Backfill in batches (a few thousand rows per key range), each batch in its own transaction, "
                                + "from a separate non-transactional migration or a job, so locks stay short and "
                                + "replicas keep up."));
            }
        }
        return found;
    }
}
