package dev.migratest.report;

import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line per migration, as the console prints it while the run goes on:
 * {@code ✓ V3 add_email_index  up 12.0 ms · down 3.10 ms · reup 11.0 ms · AccessExclusive 2.10 ms}.
 */
public final class RunLine {

    private RunLine() {
    }

    /**
     * The line of a migration's verdict, with ✓ ✗ – when the output can encode them, {@code ok FAIL skip} otherwise (a
     * C-locale CI log); a failed or skipped one ends with why.
     */
    public static String of(ReportedMigration migration, Charset output) {
        MigrationFigures f = migration.figures();
        boolean symbols = output.newEncoder().canEncode("✓✗–·");
        String mark = switch (f.verdict()) {
            case PASSED -> symbols ? "✓" : "ok  ";
            case FAILED -> symbols ? "✗" : "FAIL";
            case SKIPPED -> symbols ? "–" : "skip";
        };
        String line = mark + " " + migration.result().migration().displayName() + "  " + figures(f);
        for (String note : MigrationNotes.of(migration.result().migration())) line += " · " + note;
        if (f.verdict() == Outcome.SKIPPED) line += " · skipped: " + migration.verdict().skippedBecause();
        if (f.verdict() == Outcome.FAILED) line += " · " + withoutName(migration.verdict().headline(), migration);
        return symbols ? line : line.replace(" · ", " | ");
    }

    /** The line starts with the migration's name already: a reason that starts with it too need not repeat it. */
    private static String withoutName(String reason, ReportedMigration migration) {
        String name = migration.result().migration().displayName() + ": ";
        return reason.startsWith(name) ? reason.substring(name.length()) : reason;
    }

    /** {@code up 12.0 ms · down 3.10 ms · reup 11.0 ms · AccessExclusive 2.10 ms · writes blocked 2.10 ms · 1 ERROR}. */
    static String figures(MigrationFigures f) {
        List<String> parts = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            f.durationMs(phase).ifPresent(ms -> parts.add(phase.name().toLowerCase(Locale.ROOT) + " "
                    + Numbers.duration(ms)));
        }
        f.strongestLock().ifPresent(l -> parts.add(Numbers.mode(l.mode()) + " " + Numbers.duration(l.heldMs())
                + " on " + (l.object().kind().holdsRows() ? "" : l.object().kind().label() + " ") + l.relation()));
        if (f.readsBlockedMs() > 0) parts.add("reads blocked " + Numbers.duration(f.readsBlockedMs()));
        else if (f.writesBlockedMs() > 0) parts.add("writes blocked " + Numbers.duration(f.writesBlockedMs()));
        if (f.errors() > 0) parts.add(f.errors() + " ERROR");
        if (f.warnings() > 0) parts.add(f.warnings() + " WARNING");
        f.worstFinding().ifPresent(w -> parts.add(w.rule()));
        if (f.dataLost()) parts.add(f.dataLossDeclared() ? "data loss declared" : "DATA LOST");
        return String.join(" · ", parts);
    }
}
