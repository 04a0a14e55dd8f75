package dev.migratest.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows written with explicit ids (a DOWN copying data back, seed rows, a backfill into an identity column) or a
 * sequence moved back leave the column's sequence behind its values: the application's next INSERT draws a used id
 * and fails on the primary key. Reported by the phase that left it there, once: the runner lists in a phase's
 * aftermath only the sequences that fell behind during that phase, not those an earlier one left behind.
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
            String sequence = behind.substring(0, behind.indexOf(" at "));
            found.add(new Detection(0, sequence, phase.name() + " left sequence " + sequence + " behind its column: "
                    + behind.substring(sequence.length() + 1) + "; the next INSERT that takes its default collides"
                    + " with an existing row, in this migration and in every later one until the sequence is moved",
                    "Move the sequence past the data in the same migration: SELECT setval('" + sequence
                            + "', (SELECT max(<column>) FROM <table>));"));
        }
        return found;
    }
}
