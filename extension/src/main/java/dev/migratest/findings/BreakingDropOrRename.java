package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.Phase;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dropping or renaming a table or column that existed before breaks the application version still running during
 * the deploy. Judged on UP only: a down is expected to drop what its up added.
 */
final class BreakingDropOrRename implements Rule {

    private static final Pattern DROP_TABLE = Pattern.compile(
            "^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)(?:\\s+(?:CASCADE|RESTRICT))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE = Pattern.compile("^RENAME\\s+TO\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "^RENAME\\s+(?:COLUMN\\s+)?(\\S+)\\s+TO\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_COLUMN = Pattern.compile("^(?:CONSTRAINT|CONSTRAINTS)$", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "breaking-drop-or-rename";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public boolean appliesTo(Phase phase) {
        return phase == Phase.UP;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        List<StatementResult> statements = phase.statements();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            SqlText sql = phase.text(statement);
            Matcher dropTable = DROP_TABLE.matcher(sql.clean());
            if (dropTable.find()) {
                for (String written : dropTable.group(1).split("\\s*,\\s*")) {
                    report(phase, i, written, "DROP TABLE", "code that still reads or writes it fails", found);
                }
                continue;
            }
            for (String action : sql.actions()) {
                Matcher m;
                if ((m = RENAME_TABLE.matcher(action)).find()) {
                    report(phase, i, sql.alteredTable(), "RENAME TO " + m.group(1),
                            "code that still uses the old name fails", found);
                } else if ((m = RENAME_COLUMN.matcher(action)).find() && !NOT_A_COLUMN.matcher(m.group(1)).matches()) {
                    report(phase, i, sql.alteredTable(), "RENAME COLUMN " + m.group(1) + " TO " + m.group(2),
                            "code that still uses " + m.group(1) + " fails", found);
                } else if ((m = DROP_COLUMN.matcher(action)).find() && !NOT_A_COLUMN.matcher(m.group(1)).matches()) {
                    report(phase, i, sql.alteredTable(), "DROP COLUMN " + m.group(1),
                            "code that still selects or writes " + m.group(1) + " fails", found);
                }
            }
        }
        return found;
    }

    private static void report(PhaseView phase, int index, String written, String what, String consequence,
                               List<Detection> found) {
        String table = phase.preExistingTable(written);
        LockHold lock = table == null ? null : phase.heldAtLeast(table, index, LockMode.ACCESS_EXCLUSIVE).orElse(null);
        if (lock == null) return; // created by this phase, or not measured: nobody's code depends on it yet
        int line = phase.statements().get(index).line();
        found.add(new Detection(line, table, phase.at(line) + ": " + what + " on " + table + " ("
                + Facts.hold(lock) + "): the application version still running during the deploy breaks; "
                + consequence,
                "Expand-contract: first ship code that no longer uses it, then drop it in a later migration; for a "
                        + "rename add the new name (column or view), write both, backfill, switch reads, and drop "
                        + "the old name last."));
    }
}
