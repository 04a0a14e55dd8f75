package dev.migratest.junit;

import dev.migratest.findings.Finding;
import dev.migratest.report.MigrationFigures;
import dev.migratest.report.ReportedMigration;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Phase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The key figures of one migration as JUnit report entries ({@code TestReporter}): IDEs show them next to the test,
 * Surefire and Gradle write them into their XML. Keys are stable, prefixed {@code migratest.}; values are plain.
 */
final class ReportEntries {

    private ReportEntries() {
    }

    static Map<String, String> of(ReportedMigration migration) {
        CycleResult result = migration.result();
        List<Finding> findings = migration.findings();
        MigrationFigures f = migration.figures();
        Map<String, String> entries = new LinkedHashMap<>();
        // the rehearsal's outcome and the test's verdict, as the JSON report has them
        entries.put("migratest.outcome", result.outcome().name());
        entries.put("migratest.verdict", f.verdict().name());
        entries.put("migratest.verdict.reason", orNone(migration.verdict().headline()));
        for (Phase phase : Phase.values()) {
            f.durationMs(phase).ifPresent(ms -> entries.put("migratest." + phase.name().toLowerCase(Locale.ROOT) + ".ms",
                    String.format(Locale.ROOT, "%.3f", ms)));
        }
        f.strongestLock().ifPresent(l -> {
            entries.put("migratest.up.strongestLock", l.mode().pgName() + " on " + l.relation());
            entries.put("migratest.up.strongestLock.heldMs", String.format(Locale.ROOT, "%.3f", l.heldMs()));
        });
        entries.put("migratest.up.readsBlockedMs", String.format(Locale.ROOT, "%.3f", f.readsBlockedMs()));
        entries.put("migratest.up.writesBlockedMs", String.format(Locale.ROOT, "%.3f", f.writesBlockedMs()));
        entries.put("migratest.up.rewrites", orNone(String.join(", ", f.rewrites())));
        entries.put("migratest.findings", orNone(findings.stream().filter(Finding::counts)
                .map(x -> x.severity() + " " + x.rule()).distinct().collect(Collectors.joining(", "))));
        entries.put("migratest.data", result.data() == null ? "not checked"
                : f.dataLost() ? (f.dataLossDeclared() ? "lost (declared)" : "lost") : "restored");
        return entries;
    }

    /** JUnit refuses blank values. */
    private static String orNone(String value) {
        return value.isEmpty() ? "none" : value;
    }
}
