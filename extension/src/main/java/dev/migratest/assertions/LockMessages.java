package dev.migratest.assertions;

import dev.migratest.locks.LockHold;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.List;
import java.util.Locale;

/** Failure messages of {@link PhaseAssert}: each offender with its statement, line, relation, mode and time. */
final class LockMessages {
    private static final int SQL_PREVIEW = 80;

    private LockMessages() {
    }

    static String offenders(CycleResult cycle, PhaseResult phase, String expectation, List<String> offenders) {
        return Format.escape("\nExpecting " + phase.phase() + " of " + cycle.migration().displayName() + " (" + phase.file()
                + ") " + expectation + "\nbut:\n  " + String.join("\n  ", offenders));
    }

    static String untraced(CycleResult cycle, PhaseResult phase) {
        return Format.escape("\nExpecting " + phase.phase() + " of " + cycle.migration().displayName()
                + " to have been traced\nbut it ran without tracing (system property migratest.trace=false?)"
                + (phase.traceIncomplete() == null ? "" : ": " + phase.traceIncomplete()));
    }

    static String lock(StatementResult s, LockHold l) {
        return statement(s) + " took " + l.mode().pgName() + " on " + l.object().kind().label() + " " + l.relation()
                + ", held " + ms(l.heldMs()) + (l.observed() ? " (observed)" : "");
    }

    static String statement(StatementResult s) {
        String sql = s.sql().replaceAll("\\s+", " ").trim();
        if (sql.length() > SQL_PREVIEW) sql = sql.substring(0, SQL_PREVIEW - 1) + "…";
        return "line " + s.line() + " `" + sql + "`";
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
