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
                + "\n  " + (phase.transactional() ? "the phase ran in one transaction and was rolled back"
                : "the phase ran in autocommit (" + phase.nonTransactionalReason() + "): statements before line "
                + e.line() + " stay applied");
    }

    static String ofDiff(Migration migration, Phase phase, String file, String reference, List<String> diff) {
        String what = phase == Phase.DOWN ? "DOWN did not restore " + reference
                : "the second UP did not reproduce " + reference;
        return migration.displayName() + ": " + what + " (" + file + "), " + diff.size()
                + (diff.size() == 1 ? " difference" : " differences") + ":\n  " + String.join("\n  ", diff);
    }

    private static String firstLines(String sql) {
        String[] lines = sql.split("\\R");
        if (lines.length <= 3) return String.join("\n             ", lines);
        return String.join("\n             ", List.of(lines[0], lines[1], lines[2])) + " …";
    }
}
