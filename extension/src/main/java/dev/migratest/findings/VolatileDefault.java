package dev.migratest.findings;

import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADD COLUMN with a default that PostgreSQL cannot store once in the catalog (a volatile one such as
 * {@code clock_timestamp()} or {@code random()}) fills every row: the table is rewritten under ACCESS EXCLUSIVE. The
 * trace decides; {@code DEFAULT now()} does not rewrite and stays silent.
 */
final class VolatileDefault implements Rule {

    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final int SHOWN_DEFAULT_LENGTH = 40;

    static boolean addsColumnWithDefault(SqlText sql) {
        return sql.actions().stream().anyMatch(VolatileDefault::isAddColumnWithDefault);
    }

    private static boolean isAddColumnWithDefault(String action) {
        return NotNullColumnWithoutDefault.addedColumn(action) != null && DEFAULT.matcher(action).find();
    }

    @Override
    public String id() {
        return "volatile-default";
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
            String action = sql.actions().stream().filter(VolatileDefault::isAddColumnWithDefault)
                    .findFirst().orElse(null);
            if (action == null) continue;
            Matcher column = NotNullColumnWithoutDefault.addedColumn(action);
            Matcher value = DEFAULT.matcher(action);
            value.find();
            String shown = shorten(value.group(1));
            for (String table : phase.rewrittenTables(statement.trace())) {
                String lock = phase.heldAtLeast(table, i, LockMode.ACCESS_EXCLUSIVE)
                        .map(l -> " under " + Facts.hold(l)).orElse("");
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": ADD COLUMN "
                        + column.group(1) + " DEFAULT " + shown + " rewrote " + table + phase.rowsNote(table) + lock
                        + ": the default is computed for every existing row",
                        "Add the column without a default (or with a constant or stable one such as now(), which "
                                + "PostgreSQL 11+ keeps in the catalog without touching rows), SET DEFAULT for new "
                                + "rows, then backfill existing rows in batches in separate transactions."));
            }
        }
        return found;
    }

    private static String shorten(String expression) {
        String cut = expression.replaceAll("(?i)\\s+(?:NOT\\s+NULL|NULL|CHECK|REFERENCES|UNIQUE|PRIMARY|CONSTRAINT)\\b.*$", "");
        return cut.length() <= SHOWN_DEFAULT_LENGTH ? cut : cut.substring(0, SHOWN_DEFAULT_LENGTH) + "…";
    }
}
