package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;

/** A plain CREATE INDEX holds SHARE on its table for the whole build: writes stop until it is done. */
final class IndexWithoutConcurrently implements Rule {

    @Override
    public String id() {
        return "index-without-concurrently";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (StatementResult statement : phase.statements()) {
            SqlText sql = phase.text(statement);
            if (statement.trace() == null || !sql.startsWith("CREATE\\s+(?:UNIQUE\\s+)?INDEX")
                    || sql.has("\\bCONCURRENTLY\\b")) continue;
            for (LockHold lock : statement.trace().locks()) {
                if (lock.mode() != LockMode.SHARE || !lock.object().preExisting()
                        || !lock.object().kind().holdsRows()) continue;
                String table = lock.relation();
                String blocked = statement.trace().blocked() != null && statement.trace().blocked().blockedWrites()
                        ? "writes to " + table + " were blocked"
                        : "writes to " + table + " wait while it is held";
                found.add(new Detection(statement.line(), table, phase.at(statement.line()) + ": " + sql.verb()
                        + " took ShareLock on " + table + phase.rowsNote(table) + " for " + Facts.ms(lock.heldMs())
                        + "; " + blocked,
                        "Use CREATE INDEX CONCURRENTLY in a migration of its own that runs outside a transaction: "
                                + "it takes SHARE UPDATE EXCLUSIVE, so reads and writes go on during the build "
                                + "(check for an INVALID index if it fails)."));
            }
        }
        return found;
    }
}
