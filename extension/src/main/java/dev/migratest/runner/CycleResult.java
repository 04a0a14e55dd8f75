package dev.migratest.runner;

import dev.migratest.locks.LockQueueResult;
import dev.migratest.migration.Migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measured rehearsal of one migration: its phases, the schema comparisons and the verdict.
 *
 * @param migration     the migration rehearsed
 * @param outcome       PASSED, FAILED or SKIPPED
 * @param skipReason    why it was skipped, {@code null} otherwise
 * @param failure       the whole failure message (phase, file, line, Postgres error or diff lines), {@code null} unless FAILED
 * @param failedPhase   the phase that failed, {@code null} unless FAILED
 * @param phases        the phases that ran, in order
 * @param downVsBefore  schema after DOWN compared with the schema before UP: one line per difference
 * @param reupVsUp      schema after the second UP compared with the schema after the first UP
 * @param rows          rows present per table ({@code schema.table}) when the migration ran, after data was loaded
 * @param lockQueue     the lock-queue check of UP when it was asked for and UP takes ACCESS EXCLUSIVE on a
 *                      pre-existing table; {@code null} otherwise
 * @param data          the data comparisons; {@code null} when data was not checked (or the cycle stopped before)
 * @param schemaNotes   catalog attributes that differed only by the time they were created (a {@code 'now'} a view
 *                      or default froze into a literal), one line each: explained, not counted as differences
 */
public record CycleResult(Migration migration, Outcome outcome, String skipReason, String failure, Phase failedPhase,
                          List<PhaseResult> phases, List<String> downVsBefore, List<String> reupVsUp,
                          Map<String, Long> rows, LockQueueResult lockQueue, DataCheck data, List<String> schemaNotes) {
    public CycleResult {
        phases = List.copyOf(phases);
        downVsBefore = List.copyOf(downVsBefore);
        reupVsUp = List.copyOf(reupVsUp);
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        schemaNotes = List.copyOf(schemaNotes);
    }

    public CycleResult(Migration migration, Outcome outcome, String skipReason, String failure, Phase failedPhase,
                       List<PhaseResult> phases, List<String> downVsBefore, List<String> reupVsUp,
                       Map<String, Long> rows, LockQueueResult lockQueue, DataCheck data) {
        this(migration, outcome, skipReason, failure, failedPhase, phases, downVsBefore, reupVsUp, rows, lockQueue, data,
                List.of());
    }

    public CycleResult(Migration migration, Outcome outcome, String skipReason, String failure, Phase failedPhase,
                       List<PhaseResult> phases, List<String> downVsBefore, List<String> reupVsUp) {
        this(migration, outcome, skipReason, failure, failedPhase, phases, downVsBefore, reupVsUp, Map.of(), null, null);
    }

    /** The same result, with the rows that were present when it ran. */
    CycleResult withRows(Map<String, Long> present) {
        return new CycleResult(migration, outcome, skipReason, failure, failedPhase, phases, downVsBefore, reupVsUp,
                present, lockQueue, data, schemaNotes);
    }

    /** The same result, with the lock-queue check's answer. */
    CycleResult withLockQueue(LockQueueResult check) {
        return new CycleResult(migration, outcome, skipReason, failure, failedPhase, phases, downVsBefore, reupVsUp,
                rows, check, data, schemaNotes);
    }

    /** The same result, with the schema notes of its comparisons. */
    CycleResult withSchemaNotes(List<String> notes) {
        return new CycleResult(migration, outcome, skipReason, failure, failedPhase, phases, downVsBefore, reupVsUp,
                rows, lockQueue, data, notes);
    }

    static CycleResult skipped(Migration migration, String reason, List<PhaseResult> phases) {
        return new CycleResult(migration, Outcome.SKIPPED, reason, null, null, phases, List.of(), List.of());
    }

    public Optional<PhaseResult> phase(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }
}
