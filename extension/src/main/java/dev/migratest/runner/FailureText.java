package dev.migratest.runner;

import dev.migratest.migration.Migration;

import java.util.List;

/** The words of a failed rehearsal: which migration, which phase, which file and line, and what went wrong. */
final class FailureText {

    private FailureText() {
    }

    static String ofError(Migration migration, PhaseResult phase) {
        PhaseError e = phase.error();
        return migration.displayName() + ": " + phase.phase() + " failed at " + e.describe()
                + "\n  statement: " + firstLines(e.sql())
                + "\n  " + aftermath(phase, e);
    }

    /** What the failure left behind: nothing (rolled back), the statements that committed, or an unknown. */
    private static String aftermath(PhaseResult phase, PhaseError e) {
        if (phase.statements().isEmpty()) {
            return "none of its statements ran";
        }
        if (PostgresErrors.connectionLost(e.sqlState())) {
            return "the connection to PostgreSQL was lost (the server stopped, or ended the session): "
                    + (phase.transactional() ? "the phase's transaction went with it"
                    : "statements before line " + e.line() + " had committed" + committed(phase));
        }
        if (phase.transactional()) return "the phase ran in one transaction and was rolled back";
        return "the phase ran in autocommit (" + phase.nonTransactionalReason() + "): "
                + (phase.statements().size() <= 1 ? "no statement before line " + e.line() + " ran, nothing stays applied"
                : "statements before line " + e.line() + " stay applied" + committed(phase));
    }

    /** The statements of an autocommit phase that succeeded before the one that failed, each with its line. */
    private static String committed(PhaseResult phase) {
        List<StatementResult> ran = phase.statements();
        StringBuilder text = new StringBuilder(":");
        for (StatementResult s : ran.subList(0, Math.max(0, ran.size() - 1))) {
            text.append("\n    ").append(phase.file()).append(':').append(s.line()).append(": ")
                    .append(firstLines(s.sql()).replace("\n             ", "\n      "));
        }
        return ran.size() <= 1 ? "" : text.toString();
    }

    static String ofDiff(Migration migration, Phase phase, String file, String reference, List<String> diff) {
        String what = phase == Phase.DOWN ? "DOWN did not restore " + reference
                : "the second UP did not reproduce " + reference;
        return migration.displayName() + ": " + what + " (" + file + "), " + diff.size()
                + (diff.size() == 1 ? " difference" : " differences") + ":\n  " + String.join("\n  ", diff);
    }

    static String ofDataLoss(Migration migration, Phase phase, String file, List<String> lines) {
        String what = phase == Phase.DOWN ? "DOWN did not give back the data UP received"
                : "the second UP did not reproduce the data of the first";
        return migration.displayName() + ": " + what + " (" + file + "), " + lines.size()
                + (lines.size() == 1 ? " difference" : " differences") + ":\n  " + String.join("\n  ", lines)
                + "\n  If this migration cannot give data back by design (a contract step, a lossy type change),"
                + " declare it in its up or down file: -- migratest:allow data-loss — <why>";
    }

    static String ofInvariants(Migration migration, Phase phase, List<String> broken) {
        return migration.displayName() + ": " + broken.size() + (broken.size() == 1 ? " invariant" : " invariants")
                + " broke after " + (phase == Phase.REUP ? "the second UP" : phase.name()) + ":\n  "
                + String.join("\n  ", broken);
    }

    /** Data differences found alongside a schema difference, so one run tells both. */
    static String alsoData(List<String> lines) {
        return lines.isEmpty() ? "" : "\n  and the data: " + String.join("\n  ", lines);
    }

    private static String firstLines(String sql) {
        String[] lines = sql.split("\\R");
        if (lines.length <= 3) return String.join("\n             ", lines);
        return String.join("\n             ", List.of(lines[0], lines[1], lines[2])) + " …";
    }
}
