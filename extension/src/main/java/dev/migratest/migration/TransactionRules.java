package dev.migratest.migration;

import java.util.List;

/** The ways migration tools send a script to PostgreSQL, as {@link TransactionRule}s. */
final class TransactionRules {

    private TransactionRules() {
    }

    /**
     * No tool's rule is modelled: the marker's reason when there is one, else the first statement that cannot run in a
     * transaction makes the whole script run in autocommit, else one transaction.
     */
    static TransactionRule own(String markerReason) {
        return statements -> new TransactionRule.Decision(
                markerReason != null ? markerReason : firstAutocommitReason(statements), ToolRun.NONE);
    }

    /**
     * The tool opens a transaction around the script: a statement that cannot run in one fails there, as in
     * production (PostgreSQL's ERROR 25001).
     *
     * @param reason why the tool does, e.g. {@code "goose runs each migration in a transaction"}
     * @param fix    the tool's marker or setting that would take the statement out of it
     */
    static TransactionRule transaction(String reason, String fix) {
        return statements -> new TransactionRule.Decision(null, ToolRun.inTransaction(reason, fix));
    }

    /** The tool sends each statement on its own, outside any transaction ({@code reason} says why). */
    static TransactionRule eachStatement(String reason) {
        return statements -> new TransactionRule.Decision(reason, ToolRun.NONE);
    }

    /**
     * The tool sends the whole script as one query string outside any transaction (the simple query protocol of libpq
     * and lib/pq). PostgreSQL runs a query of several statements in one implicit transaction, all or nothing, where a
     * statement that cannot run in a transaction fails (ERROR 25001); a lone statement runs on its own. A lone
     * statement that can run in a transaction is still rehearsed in one: for one statement that is the same, and its
     * locks are then read exactly.
     *
     * @param sends how the tool sends it, e.g. {@code "golang-migrate sends 3_idx.up.sql as one query"}
     * @param fix   what would let a statement that cannot run in a transaction run, named for the tool
     */
    static TransactionRule oneQuery(String sends, String fix) {
        return statements -> {
            if (statements.size() == 1 && statements.get(0).kind() == StatementKind.NEEDS_AUTOCOMMIT) {
                Statement alone = statements.get(0);
                return new TransactionRule.Decision(sends + ", and PostgreSQL runs a query of one statement outside"
                        + " any transaction (" + Scripts.firstWords(alone.sql()) + ", line " + alone.line() + ")",
                        ToolRun.NONE);
            }
            return new TransactionRule.Decision(null, ToolRun.inTransaction(sends
                    + ", which PostgreSQL runs in one implicit transaction when it holds several statements", fix));
        };
    }

    /** Why the first statement that cannot run in a transaction needs autocommit, {@code null} when none does. */
    static String firstAutocommitReason(List<Statement> statements) {
        for (Statement statement : statements) {
            if (statement.kind() == StatementKind.NEEDS_AUTOCOMMIT) {
                return Scripts.firstWords(statement.sql()) + " cannot run in a transaction (line " + statement.line()
                        + ")";
            }
        }
        return null;
    }
}
