package dev.migratest.findings;

import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADD COLUMN … NOT NULL without a DEFAULT works only on an empty table: existing rows would get NULL, which the
 * constraint refuses. Rehearsal tables are often empty, production tables never are, so this is the one rule that
 * reads the text rather than the trace (the trace only tells that the table existed before).
 */
final class NotNullColumnWithoutDefault implements Rule {

    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|[^\\s(]+)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_COLUMN = Pattern.compile(
            "^(?:CONSTRAINT|CHECK|FOREIGN|PRIMARY|UNIQUE|EXCLUDE)$", Pattern.CASE_INSENSITIVE);
    /** Columns that fill themselves: a default in all but name. */
    private static final Pattern FILLED = Pattern.compile(
            "\\bDEFAULT\\b|\\bGENERATED\\b|\\bIDENTITY\\b|^(?:SMALL|BIG)?SERIAL\\d?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);

    /** The {@code ADD [COLUMN] name definition} action, matched; {@code null} for any other action (ADD CONSTRAINT…). */
    static Matcher addedColumn(String action) {
        Matcher m = ADD_COLUMN.matcher(action);
        return m.find() && !NOT_A_COLUMN.matcher(m.group(1)).matches() ? m : null;
    }

    @Override
    public String id() {
        return "not-null-column-without-default";
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
            for (String action : sql.actions()) {
                Matcher m = addedColumn(action);
                if (m == null) continue;
                String definition = m.group(2);
                if (!NOT_NULL.matcher(definition).find() || FILLED.matcher(definition).find()) continue;
                String table = phase.preExistingTable(sql.alteredTable());
                if (table == null) continue;
                OptionalLong rows = phase.rows(table);
                String outcome = rows.isPresent() && rows.getAsLong() > 0
                        ? " fails on " + table + phase.rowsNote(table)
                        : " succeeded only because " + table + " was empty at rehearsal; on a table with rows it fails";
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": ADD COLUMN "
                        + m.group(1) + " NOT NULL without DEFAULT" + outcome + " (column \"" + Names.normalise(m.group(1))
                        + "\" contains null values)",
                        "Add the column nullable, or with a constant DEFAULT (stored in the catalog since PostgreSQL "
                                + "11, no rewrite); backfill existing rows in batches; then enforce NOT NULL with "
                                + "CHECK (… IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL."));
            }
        }
        return found;
    }
}
