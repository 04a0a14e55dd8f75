package dev.migratest.runner;

import dev.migratest.locks.PhaseAftermath;

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
 * @param traceIncomplete        {@code null} when the phase was traced completely (or not at all); otherwise what kept
 *                               migratest from tracing every statement
 * @param aftermath              invalid indexes and unindexed foreign keys the phase introduced; {@code null} untraced
 */
public record PhaseResult(Phase phase, String file, String nonTransactionalReason, List<StatementResult> statements,
                          double durationMs, PhaseError error, String traceIncomplete, PhaseAftermath aftermath) {
    public PhaseResult {
        statements = List.copyOf(statements);
    }

    public PhaseResult(Phase phase, String file, String nonTransactionalReason, List<StatementResult> statements,
                       double durationMs, PhaseError error) {
        this(phase, file, nonTransactionalReason, statements, durationMs, error, null, null);
    }

    /** The same phase, with the previous application's queries it broke recorded in its aftermath. */
    PhaseResult withOldQueriesFailing(List<String> failing) {
        PhaseAftermath left = (aftermath == null ? PhaseAftermath.NONE : aftermath).withOldQueriesFailing(failing);
        return new PhaseResult(phase, file, nonTransactionalReason, statements, durationMs, error, traceIncomplete, left);
    }

    /** The same phase, with {@code behind} as the sequences it left behind (those earlier phases left are theirs). */
    PhaseResult withSequencesBehind(List<String> behind) {
        return new PhaseResult(phase, file, nonTransactionalReason, statements, durationMs, error, traceIncomplete,
                aftermath.withSequencesBehind(behind));
    }

    public boolean transactional() {
        return nonTransactionalReason == null;
    }

    public boolean succeeded() {
        return error == null;
    }
}
