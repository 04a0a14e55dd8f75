package dev.migratest.findings;

import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SET NOT NULL reads the whole table under ACCESS EXCLUSIVE to prove there is no NULL, unless a validated
 * {@code CHECK (col IS NOT NULL)} already proves it (PostgreSQL 12+): then the trace shows no scan and the rule is
 * silent.
 */
final class SetNotNullScans implements Rule {

    private static final Pattern SET_NOT_NULL = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?(\\S+)\\s+SET\\s+NOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "set-not-null-scans";
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
            if (statement.trace() == null) continue;
            for (String action : sql.actions()) {
                Matcher m = SET_NOT_NULL.matcher(action);
                String table = m.find() ? phase.preExistingTable(sql.alteredTable()) : null;
                if (table == null || !statement.trace().fullScans().contains(table)) continue;
                String column = m.group(1);
                String lock = phase.heldAtLeast(table, i, LockMode.SHARE)
                        .map(l -> " under " + Facts.hold(l)).orElse("");
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": ALTER COLUMN "
                        + column + " SET NOT NULL scanned " + table + phase.rowsNote(table) + " for NULLs" + lock,
                        "Add CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later "
                                + "migration, then SET NOT NULL: PostgreSQL 12+ trusts the validated CHECK and skips "
                                + "the scan (drop the CHECK afterwards)."));
                break;
            }
        }
        return found;
    }
}
