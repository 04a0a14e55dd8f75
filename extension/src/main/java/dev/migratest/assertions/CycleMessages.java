package dev.migratest.assertions;

import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;

import java.util.List;

/** Failure messages of {@link CycleResultAssert}, in AssertJ's "Expecting … but …" layout. */
final class CycleMessages {

    private CycleMessages() {
    }

    static String outcome(CycleResult actual, Outcome expected) {
        String why = actual.outcome() == Outcome.FAILED ? ":%n  " + Format.escape(actual.failure())
                : actual.outcome() == Outcome.SKIPPED ? ": " + Format.escape(actual.skipReason()) : "";
        return "%nExpecting migration " + Format.escape(actual.migration().displayName()) + " to be " + expected
                + "%nbut it was " + actual.outcome() + why;
    }

    static String diff(CycleResult actual, String what, List<String> lines) {
        return "%nExpecting " + what + " for " + Format.escape(actual.migration().displayName()) + "%nbut found "
                + lines.size() + " difference(s):%n  " + Format.escape(String.join("\n  ", lines));
    }

    static String dataUnchecked(CycleResult actual) {
        return "%nExpecting the data of " + Format.escape(actual.migration().displayName()) + " to be checked"
                + "%nbut it was not (checkData = false, migratest.checkData=false, or the cycle stopped before DOWN)";
    }

    static String transactional(CycleResult actual, Phase phase, boolean expectedTransactional, String reason) {
        return "%nExpecting " + phase + " of " + Format.escape(actual.migration().displayName()) + " to run "
                + (expectedTransactional ? "in one transaction" : "in autocommit") + "%nbut it ran "
                + (expectedTransactional ? "in autocommit because " + Format.escape(reason) : "in one transaction");
    }

    static String statementCount(CycleResult actual, Phase phase, int expected, int found) {
        return "%nExpecting " + phase + " of " + Format.escape(actual.migration().displayName()) + " to run " + expected
                + " statement(s)%nbut it ran " + found;
    }

    static String phaseMissing(CycleResult actual, Phase phase) {
        return "%nExpecting phase " + phase + " of " + Format.escape(actual.migration().displayName())
                + " to have run%nbut the phases that ran were " + actual.phases().stream().map(p -> p.phase().name()).toList();
    }
}
