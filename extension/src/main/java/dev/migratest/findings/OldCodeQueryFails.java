package dev.migratest.findings;

import dev.migratest.runner.Phase;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' Golden Rule: every migration must be backward compatible with the previous version of the code, which
 * keeps running while the migration is deployed. A query of that version which worked before UP and fails after it
 * (a renamed column, a new NOT NULL column its INSERT does not fill) is an outage during the deploy.
 */
final class OldCodeQueryFails implements Rule {

    @Override
    public String id() {
        return "old-code-query-fails";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean appliesTo(Phase phase) {
        return phase == Phase.UP;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (String failure : phase.aftermath().oldQueriesFailing()) {
            found.add(new Detection(0, null, phase.at(0) + ": the previous application version's query " + failure
                    + " worked before UP and fails after it: while this deploy runs, that code breaks",
                    "Expand-contract: add before you remove or rename (new column next to the old one, kept in sync,"
                            + " old one dropped once no running code uses it); give a new NOT NULL column a default"
                            + " the old INSERTs can live with."));
        }
        return found;
    }
}
