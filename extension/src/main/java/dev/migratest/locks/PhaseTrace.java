package dev.migratest.locks;

import java.util.List;

/**
 * The trace of one phase.
 *
 * @param statements       one trace per statement that ran, in order; an entry is {@code null} for a statement whose
 *                         effects could not be read (it failed and took its transaction with it)
 * @param incompleteReason {@code null} when every statement was traced; otherwise what went wrong on migratest's side
 *                         (the migration's own verdict is never affected)
 */
public record PhaseTrace(List<StatementTrace> statements, String incompleteReason) {

    public PhaseTrace {
        statements = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(statements));
    }

    public boolean complete() {
        return incompleteReason == null;
    }
}
