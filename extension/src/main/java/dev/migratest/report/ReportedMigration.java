package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.runner.CycleResult;

import java.util.List;

/**
 * One migration's rehearsal as the reports show it: the measured result and the findings the class's policy drew
 * from it (findings are a function of the result and the policy, so they are computed once, by the caller).
 */
public record ReportedMigration(CycleResult result, List<Finding> findings) {
    public ReportedMigration {
        findings = List.copyOf(findings);
    }

    public MigrationFigures figures() {
        return MigrationFigures.of(result, findings);
    }
}
