package dev.migratest.runner;

import dev.migratest.locks.PhaseAftermath;
import dev.migratest.locks.SequenceBehind;
import dev.migratest.locks.SequencesBehind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequences left behind their column on one scratch database, so that each is reported by the phase that left it
 * there and not by every later phase that writes its table while it stays behind. A sequence moved past its column
 * again (setval, its table dropped) is forgotten: falling behind once more is news again.
 */
final class SequencesLeftBehind {
    private final Map<String, SequenceBehind> known = new LinkedHashMap<>();

    /**
     * The database was built or changed outside the traced phases (a replay after a failure, the lock-queue check):
     * whatever is behind now was reported when it happened, or happened where no phase could report it.
     */
    void resync(Connection connection) throws SQLException {
        remember(SequencesBehind.among(connection, null));
    }

    /** {@code phase} with only the sequences it left behind; call it right after the phase ran. */
    PhaseResult settle(PhaseResult phase, Connection connection) throws SQLException {
        PhaseAftermath left = phase.aftermath();
        if (left == null) return phase; // untraced: nothing was read, nothing is reported
        Set<String> written = DataGuard.written(phase);
        // only a write to its table or a move of the sequence itself (both in the trace) can change a known one
        boolean knownMayHaveMoved = written == null || known.values().stream()
                .anyMatch(s -> written.contains(s.table()) || written.contains(s.sequence()));
        if (left.sequencesBehind().isEmpty() && !knownMayHaveMoved) return phase;
        Set<String> relations = null;
        if (written != null) {
            relations = new HashSet<>(written);
            for (SequenceBehind s : known.values()) {
                relations.add(s.table());
                relations.add(s.sequence());
            }
        }
        List<SequenceBehind> now = SequencesBehind.among(connection, relations);
        List<String> newlyBehind = now.stream().filter(s -> !known.containsKey(s.sequence()))
                .map(SequenceBehind::describe).toList();
        remember(now);
        return phase.withSequencesBehind(newlyBehind);
    }

    private void remember(List<SequenceBehind> behind) {
        known.clear();
        for (SequenceBehind s : behind) known.put(s.sequence(), s);
    }
}
