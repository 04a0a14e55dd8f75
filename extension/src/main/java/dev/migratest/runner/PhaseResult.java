package dev.migratest.runner;

import java.util.List;

/**
 * One run of one script.
 *
 * @param phase                  UP, DOWN or REUP
 * @param file                   the script's file relative to the migrations location
 * @param nonTransactionalReason {@code null} when the phase ran in one transaction; otherwise why it ran in autocommit
 * @param statements             statements that ran (the failing one included, with its time until the error)
 * @param durationMs             wall time of the whole phase, commit included
 * @param error                  {@code null} when every statement succeeded
 */
public record PhaseResult(Phase phase, String file, String nonTransactionalReason, List<StatementResult> statements,
                          double durationMs, PhaseError error) {
    public PhaseResult {
        statements = List.copyOf(statements);
    }

    public boolean transactional() {
        return nonTransactionalReason == null;
    }

    public boolean succeeded() {
        return error == null;
    }
}
