package dev.migratest.report;

import dev.migratest.locks.Blocking;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * When, within one phase, the application's reads or writes were blocked, on the phase's clock. In a transaction a
 * lock is held until COMMIT, so blocking that starts at a statement lasts to the end of the phase; in autocommit it
 * lasts as long as the statement.
 */
public record BlockedIntervals(List<Interval> reads, List<Interval> writes) {

    /** {@code [fromMs, toMs)} from the start of the phase, and the statement line that started it. */
    public record Interval(double fromMs, double toMs, int line) {
        public double lengthMs() {
            return toMs - fromMs;
        }
    }

    public BlockedIntervals {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    public static BlockedIntervals of(PhaseResult phase) {
        return new BlockedIntervals(intervals(phase, Blocking::blockedReads), intervals(phase, Blocking::blockedWrites));
    }

    public double readsMs() {
        return reads.stream().mapToDouble(Interval::lengthMs).sum();
    }

    public double writesMs() {
        return writes.stream().mapToDouble(Interval::lengthMs).sum();
    }

    private static List<Interval> intervals(PhaseResult phase, Predicate<Blocking> blocked) {
        List<Interval> out = new ArrayList<>();
        for (StatementResult s : phase.statements()) {
            if (s.trace() == null || !blocked.test(s.trace().blocked())) continue;
            if (phase.transactional()) {
                // held to COMMIT: the first blocking statement opens the only interval there is
                out.add(new Interval(s.startMs(), Math.max(phase.durationMs(), s.startMs() + s.durationMs()), s.line()));
                break;
            }
            out.add(new Interval(s.startMs(), s.startMs() + s.durationMs(), s.line()));
        }
        return out;
    }
}
