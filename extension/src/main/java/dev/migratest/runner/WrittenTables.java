package dev.migratest.runner;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.ObjectKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a phase may have changed, from its trace: every write, create, drop, rename or ALTER takes ROW EXCLUSIVE
 * or stronger on its table; and the sequences it moved (nextval and setval take ROW EXCLUSIVE on theirs, no lock on
 * the table). {@code null} means "any": a statement went untraced, or the phase ran in autocommit,
 * where a fast statement's locks can slip between two polls of the observer.
 */
final class WrittenTables {

    private WrittenTables() {
    }

    static Set<String> of(boolean transactional, String traceIncomplete, List<StatementResult> statements) {
        if (!transactional || traceIncomplete != null) return null;
        Set<String> tables = new HashSet<>();
        for (StatementResult statement : statements) {
            if (statement.trace() == null) return null;
            for (LockHold lock : statement.trace().locks()) {
                if (!lock.mode().isAtLeast(LockMode.ROW_EXCLUSIVE)) continue;
                if (lock.object().table() != null) {
                    tables.add(lock.object().table());
                } else if (lock.object().kind() == ObjectKind.SEQUENCE) {
                    // nextval and setval lock their sequence: a sequence moved back belongs to no table's write
                    tables.add(lock.object().name());
                }
            }
        }
        return tables;
    }
}
