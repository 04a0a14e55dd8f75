package dev.migratest.benchmarks.locks;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lock impact of one traced phase as numbers: the longest hold of each dangerous mode on an object that existed
 * before the phase, how long application reads and writes were blocked, whether a table was rewritten, and the phase's
 * own time (tracing pauses taken out).
 */
final class LockMetrics {
    static final LockMode[] DANGEROUS = {LockMode.SHARE, LockMode.SHARE_ROW_EXCLUSIVE, LockMode.EXCLUSIVE,
            LockMode.ACCESS_EXCLUSIVE};

    private LockMetrics() {
    }

    /** Metric name → value in ms (or 0/1 for {@code rewrite}); every name is present, so JSON columns line up. */
    static Map<String, Double> of(PhaseResult phase) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (LockMode mode : DANGEROUS) {
            double longest = 0;
            for (StatementResult s : phase.statements()) {
                if (s.trace() == null) continue;
                for (LockHold hold : s.trace().locks()) {
                    if (hold.mode() == mode && hold.object().preExisting()) longest = Math.max(longest, hold.heldMs());
                }
            }
            metrics.put("lock." + mode.pgName() + ".maxHeldMs", longest);
        }
        metrics.put("blocked.readsMs", blockedMs(phase, true));
        metrics.put("blocked.writesMs", blockedMs(phase, false));
        boolean rewrote = phase.statements().stream().anyMatch(s -> s.trace() != null && !s.trace().rewrites().isEmpty());
        metrics.put("rewrite", rewrote ? 1.0 : 0.0);
        metrics.put("phase.ownMs", phase.durationMs());
        return metrics;
    }

    /**
     * In a transaction, blocking lasts from the first statement that blocked until COMMIT (locks are only released
     * there); in autocommit, each blocking statement blocks for its own duration.
     */
    static double blockedMs(PhaseResult phase, boolean reads) {
        double total = 0;
        for (StatementResult s : phase.statements()) {
            if (s.trace() == null) continue;
            boolean blocked = reads ? s.trace().blocked().blockedReads() : s.trace().blocked().blockedWrites();
            if (!blocked) continue;
            if (phase.transactional()) return Math.max(0, phase.durationMs() - s.startMs());
            total += s.durationMs();
        }
        return total;
    }
}
