package dev.migratest.findings;

import dev.migratest.runner.Phase;

import java.util.ArrayList;
import java.util.List;

/**
 * A constraint left NOT VALID checks new rows only: old rows may still break it, and the planner cannot rely on it.
 * An expand step may do this on purpose, with its VALIDATE in a later migration; then it says so with an allow
 * comment. DOWN is exempt: giving back a NOT VALID constraint that UP validated restores what was there.
 */
final class NotValidConstraintLeft implements Rule {

    @Override
    public String id() {
        return "not-valid-constraint-left";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean appliesTo(Phase phase) {
        return phase != Phase.DOWN;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (String constraint : phase.aftermath().notValidConstraints()) {
            String name = constraint.substring(0, constraint.indexOf(' '));
            String table = constraint.substring(constraint.lastIndexOf(' ') + 1);
            int line = phase.lineNaming(name);
            found.add(new Detection(line, table, phase.at(line) + ": constraint " + constraint + " is still NOT VALID"
                    + " after " + phase.phase() + ": rows that existed before are not checked",
                    "VALIDATE CONSTRAINT " + name + " in the next migration (SHARE UPDATE EXCLUSIVE: reads and writes"
                            + " go on); if this migration is that expand step, say so: -- migratest:allow "
                            + id() + " — validated in <next migration>"));
        }
        return found;
    }
}
