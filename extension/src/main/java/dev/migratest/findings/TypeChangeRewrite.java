package dev.migratest.findings;

import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALTER COLUMN … TYPE that is not binary-compatible rewrites the table and rebuilds its indexes under ACCESS
 * EXCLUSIVE. Compatible changes (varchar(n) to a larger n or to text) do not, the trace shows no rewrite, and the rule
 * stays silent.
 */
final class TypeChangeRewrite implements Rule {

    private static final Pattern ALTER_TYPE = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?(\\S+)\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)(?:\\s+USING\\b.*)?$",
            Pattern.CASE_INSENSITIVE);

    static boolean changesType(SqlText sql) {
        return sql.actions().stream().anyMatch(a -> ALTER_TYPE.matcher(a).find());
    }

    @Override
    public String id() {
        return "type-change-rewrite";
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
            Matcher change = sql.actions().stream().map(ALTER_TYPE::matcher).filter(Matcher::find)
                    .findFirst().orElse(null);
            if (change == null) continue;
            for (String table : phase.rewrittenTables(statement.trace())) {
                String lock = phase.heldAtLeast(table, i, LockMode.ACCESS_EXCLUSIVE)
                        .map(l -> " under " + Facts.hold(l)).orElse("");
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": ALTER COLUMN "
                        + change.group(1) + " TYPE " + change.group(2) + " rewrote " + table + phase.rowsNote(table)
                        + " and rebuilt its indexes" + lock,
                        "Expand-contract: add a new column of the new type, write both, backfill it in batches, switch "
                                + "reads to it, and drop the old column in a later migration."));
            }
        }
        return found;
    }
}
