package dev.migratest.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows written with explicit ids (a DOWN copying data back, a backfill into an identity column) leave the column's
 * sequence behind its values: the application's next INSERT draws a used id and fails on the primary key.
 */
final class SequenceBehindColumn implements Rule {

    @Override
    public String id() {
        return "sequence-behind-column";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (String behind : phase.aftermath().sequencesBehind()) {
            String sequence = behind.substring(0, behind.indexOf(' '));
            found.add(new Detection(0, sequence, phase.at(0) + ": sequence " + behind + " after " + phase.phase()
                    + ": the next INSERT that takes its default collides with an existing row",
                    "Move the sequence past the data in the same migration: SELECT setval('" + sequence
                            + "', (SELECT max(<column>) FROM <table>));"));
        }
        return found;
    }
}
