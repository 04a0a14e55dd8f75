package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ADD CONSTRAINT … CHECK / FOREIGN KEY without NOT VALID checks every existing row while holding a lock that stops
 * writes (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for a foreign key).
 */
final class ConstraintValidatedOnAdd implements Rule {

    private static final Pattern VALIDATED_CONSTRAINT = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?(CHECK|FOREIGN\\s+KEY)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "constraint-validated-on-add";
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
            String action = sql.actions().stream()
                    .filter(a -> VALIDATED_CONSTRAINT.matcher(a).find() && !NOT_VALID.matcher(a).find())
                    .findFirst().orElse(null);
            String table = action == null || statement.trace() == null ? null
                    : phase.preExistingTable(sql.alteredTable());
            if (table == null) continue;
            List<String> scanned = statement.trace().fullScans().stream().filter(phase::preExisting).toList();
            LockHold lock = phase.heldAtLeast(table, i, LockMode.SHARE_ROW_EXCLUSIVE).orElse(null);
            if (scanned.isEmpty() && lock == null) continue;
            String kind = action.replaceAll("(?i)^ADD\\s+(?:CONSTRAINT\\s+(\\S+)\\s+)?(CHECK|FOREIGN\\s+KEY).*$",
                    "$1 $2").strip().replaceAll("\\s+", " ");
            found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": ADD CONSTRAINT " + kind
                    + " checked every existing row of " + table + phase.rowsNote(table)
                    + (lock != null ? " under " + Facts.hold(lock) : "")
                    + (scanned.isEmpty() ? "" : "; full scans of " + String.join(", ", scanned)),
                    "Add the constraint with NOT VALID (only new rows are checked, the lock is brief), then run "
                            + "ALTER TABLE … VALIDATE CONSTRAINT in a later migration: validation takes SHARE UPDATE "
                            + "EXCLUSIVE and lets reads and writes go on."));
        }
        return found;
    }
}
