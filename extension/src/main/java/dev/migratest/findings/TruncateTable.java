package dev.migratest.findings;

import dev.migratest.locks.LockMode;
import dev.migratest.migration.AllowDirective;
import dev.migratest.migration.Script;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TRUNCATE of a table that existed before the migration. Postgres gives the table new, empty files: nothing is copied
 * (so this is no {@code table-rewrite}), the ACCESS EXCLUSIVE lasts for the statement and the rest of its transaction,
 * and every row is gone: no DOWN can give them back. A WARNING, not an ERROR: emptying a cache or a retired table is
 * a legitimate step, the brief lock's queue is {@code lock-timeout-missing}'s business, and whether rows the rehearsal
 * held came back is the data check's, which fails the migration unless it declares the loss — so the declaration
 * ({@code -- migratest:allow data-loss}) answers this finding too. Silent for tables the migration created itself.
 */
final class TruncateTable implements Rule {

    static boolean truncates(SqlText sql) {
        return sql.startsWith("TRUNCATE");
    }

    @Override
    public String id() {
        return "truncate-table";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public Set<String> alsoAllowedBy() {
        return Set.of(DataCheck.DATA_LOSS);
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        List<StatementResult> statements = phase.statements();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            if (!truncates(phase.text(statement))) continue;
            List<String> emptied = phase.rewrittenTables(statement.trace()).stream()
                    .filter(table -> !phase.createdByThisMigration(table)).toList();
            if (emptied.isEmpty()) continue;
            String first = emptied.get(0);
            String lock = phase.heldAtLeast(first, i, LockMode.ACCESS_EXCLUSIVE).map(l -> " under " + Facts.hold(l))
                    .orElse("");
            List<String> named = emptied.stream().map(table -> table + phase.rowsNote(table)).toList();
            String declared = declaredLoss(phase);
            found.add(new Detection(statement.line(), first, phase.at(statement.line()) + ": TRUNCATE emptied "
                    + String.join(", ", named) + lock + ": reads and writes of " + String.join(", ", emptied)
                    + " waited for it, and " + (emptied.size() == 1 ? "its" : "their") + " rows are gone for good,"
                    + " no DOWN can give them back"
                    + (declared == null ? "" : " (declared data loss: " + declared + ")"),
                    "To empty a table the application still uses, DELETE in batches (row locks only); if the rows are"
                            + " meant to go (a cache, a retired table), declare it in the migration with -- migratest:allow"
                            + " data-loss — <why>, which the data check needs as well."));
        }
        return found;
    }

    /** The reason of the migration's {@code -- migratest:allow data-loss}, "declared" without one; {@code null}: none. */
    private static String declaredLoss(PhaseView phase) {
        for (Script script : phase.scripts()) {
            for (AllowDirective directive : script.allowDirectives()) {
                if (directive.ruleIds().contains(DataCheck.DATA_LOSS)) {
                    return directive.reason() != null ? directive.reason() : "no reason given";
                }
            }
        }
        return null;
    }
}
