package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.TableActivity;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema change and data change of the same table in one transaction: the DDL's lock (SHARE or stronger) lasts as long
 * as the data change, and the data change's row locks as long as the DDL.
 */
final class DdlAndDmlInOneTransaction implements Rule {

    @Override
    public String id() {
        return "ddl-and-dml-in-one-transaction";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        if (!phase.transactional()) return found;
        Map<String, StatementResult> lockedBy = new LinkedHashMap<>();
        Map<String, LockHold> locks = new LinkedHashMap<>();
        Map<String, Long> changed = new LinkedHashMap<>();
        Map<String, Set<Integer>> changedBy = new LinkedHashMap<>();
        for (StatementResult statement : phase.statements()) {
            if (statement.trace() == null) continue;
            for (LockHold lock : statement.trace().locks()) {
                String table = lock.object().table();
                if (lock.dangerous() && table != null && !locks.containsKey(table)) {
                    locks.put(table, lock);
                    lockedBy.put(table, statement);
                }
            }
            if (statement.trace().activity() == null) continue;
            for (TableActivity activity : statement.trace().activity()) {
                if (activity.rowsWritten() == 0) continue;
                changed.merge(activity.table(), activity.rowsWritten(), Long::sum);
                changedBy.computeIfAbsent(activity.table(), t -> new LinkedHashSet<>()).add(statement.line());
            }
        }
        locks.forEach((table, lock) -> {
            long rows = changed.getOrDefault(table, 0L);
            if (rows < WholeTableBackfill.MIN_ROWS) return;
            StatementResult ddl = lockedBy.get(table);
            found.add(new Detection(ddl.line(), table, phase.at(ddl.line()) + ": "
                    + SqlText.of(ddl.sql()).verb() + " took " + lock.mode().pgName() + " on " + table
                    + " (held " + Facts.ms(lock.heldMs()) + ") in the same transaction in which "
                    + Facts.lines(List.copyOf(changedBy.get(table))) + " changed " + Facts.count(rows) + " of its rows",
                    "Put schema changes and data changes in separate migrations: the DDL commits at once, the data "
                            + "change runs as a batched backfill under row locks only."));
        });
        return found;
    }
}
