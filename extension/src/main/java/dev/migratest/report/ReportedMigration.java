package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.runner.CycleResult;

import java.util.List;
import java.util.Objects;

/**
 * One migration's rehearsal as the reports show it: the measured result, the findings the class's policy drew from
 * it, and the verdict its test decided. Findings and verdict are decided once, by the caller; the reports only read
 * them.
 */
public record ReportedMigration(CycleResult result, List<Finding> findings, Verdict verdict) {
    public ReportedMigration {
        findings = List.copyOf(findings);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The same rehearsal, with the verdict its test decided once the test method had run. */
    public ReportedMigration withVerdict(Verdict decided) {
        return new ReportedMigration(result, findings, decided);
    }

    public MigrationFigures figures() {
        return MigrationFigures.of(this);
    }
}
