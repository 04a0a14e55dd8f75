package dev.migratest.migration;

import java.util.List;

/**
 * How one migration tool decides whether a script runs in one transaction, from its markers, its settings and the
 * script's statements. Each layout hands its tool's rule to {@link Scripts}.
 */
interface TransactionRule {

    Decision decide(List<Statement> statements);

    /**
     * @param nonTransactionalReason {@code null} when the script runs in one transaction; otherwise why it does not
     * @param toolRun                what else the tool does with the script
     */
    record Decision(String nonTransactionalReason, ToolRun toolRun) {
    }
}
