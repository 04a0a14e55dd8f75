package dev.migratest.report;

import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseError;
import dev.migratest.runner.PhaseResult;

import java.util.List;

/**
 * Why a rehearsal failed, read from the result's own fields in the order the runner checks them: a failing
 * statement, then the schema comparison of the failed phase, then the invariants, then the data comparison. A
 * failure none of them explains stopped the rehearsal itself.
 */
final class RehearsalFailure {

    private RehearsalFailure() {
    }

    static FailureReason reasonOf(CycleResult failed) {
        String message = failed.failure() != null ? failed.failure()
                : failed.migration().displayName() + ": the rehearsal failed";
        Phase phase = failed.failedPhase();
        PhaseResult ran = phase == null ? null : failed.phase(phase).orElse(null);
        String file = ran == null ? null : ran.file();
        if (ran != null && !ran.succeeded()) {
            PhaseError e = ran.error();
            return new FailureReason(FailureKind.PHASE_ERROR, message, null, phase, e.file(), e.line(), e.sqlState(),
                    List.of(), List.of());
        }
        List<String> schema = phase == Phase.DOWN ? failed.downVsBefore()
                : phase == Phase.REUP ? failed.reupVsUp() : List.of();
        if (!schema.isEmpty()) return differences(FailureKind.SCHEMA_DIFF, message, phase, file, schema);
        DataCheck data = failed.data();
        if (data != null && !data.invariants().isEmpty()) {
            return differences(FailureKind.INVARIANTS, message, phase, file, data.invariants());
        }
        List<String> lost = data == null || data.declaredLoss() != null ? List.of()
                : phase == Phase.DOWN ? data.downVsBefore() : phase == Phase.REUP ? data.reupVsUp() : List.of();
        if (!lost.isEmpty()) return differences(FailureKind.DATA_DIFF, message, phase, file, lost);
        return new FailureReason(FailureKind.REHEARSAL_ERROR, message, null, phase, file, null, null, List.of(),
                List.of());
    }

    private static FailureReason differences(FailureKind kind, String message, Phase phase, String file,
                                             List<String> lines) {
        return new FailureReason(kind, message, null, phase, file, null, null, lines, List.of());
    }
}
