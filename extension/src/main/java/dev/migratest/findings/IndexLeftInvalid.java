package dev.migratest.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * A CREATE INDEX CONCURRENTLY that failed leaves an INVALID index behind: every write maintains it, no query uses it,
 * and a rerun with IF NOT EXISTS keeps it. Read from the catalog after the phase.
 */
final class IndexLeftInvalid implements Rule {

    @Override
    public String id() {
        return "index-left-invalid";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (String index : phase.aftermath().invalidIndexes()) {
            int line = phase.lineNaming(index);
            found.add(new Detection(line, index, phase.at(line) + ": index " + index + " is INVALID after "
                    + phase.phase() + "; writes maintain it but no query can use it",
                    "DROP INDEX CONCURRENTLY " + index + " and create it again; make the migration drop a leftover "
                            + "invalid index first (CREATE INDEX CONCURRENTLY IF NOT EXISTS would keep it)."));
        }
        return found;
    }
}
