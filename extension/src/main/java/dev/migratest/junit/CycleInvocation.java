package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.report.RunLine;
import dev.migratest.runner.CycleResult;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.sql.SQLException;
import java.util.List;

/**
 * Rehearses the invocation's migration before the method body runs, and hands the result to a
 * {@link MigrationCycle} parameter. A failed rehearsal fails the invocation; a skipped one aborts it with the reason.
 */
final class CycleInvocation implements BeforeTestExecutionCallback, ParameterResolver {
    private final ClassPlan plan;
    private final PostgresRequest request;
    private final int index;

    CycleInvocation(ClassPlan plan, PostgresRequest request, int index) {
        this.plan = plan;
        this.request = request;
        this.index = index;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) throws Exception {
        CycleResult result = result(context);
        List<Finding> findings = rehearsal(context).findings(result);
        Console.print(RunLine.of(result, findings, Console.charset()));
        context.publishReportEntry(ReportEntries.of(result, findings));
        switch (result.outcome()) {
            case FAILED:
                throw new MigrationFailure(result.failure());
            case SKIPPED:
                throw new TestAbortedException(result.migration().displayName() + " skipped: " + result.skipReason());
            default:
                break;
        }
        failOnFindings(result, findings);
    }

    /** Findings at or above the class's {@code failOn} severity fail the test, each with its advice. */
    private void failOnFindings(CycleResult result, List<Finding> findings) {
        Severity failOn = plan.settings().failOn();
        if (failOn == Severity.OFF) return;
        List<Finding> failing = findings.stream()
                .filter(f -> f.counts() && f.severity().compareTo(failOn) <= 0).toList();
        if (failing.isEmpty()) return;
        StringBuilder text = new StringBuilder(result.migration().displayName() + " is reversible, but has "
                + failing.size() + " finding(s) at " + failOn + " or worse:");
        for (Finding f : failing) {
            text.append("\n  ").append(f.severity()).append(' ').append(f.rule()).append(" (").append(f.phase())
                    .append(' ').append(f.file()).append(':').append(f.line()).append("): ").append(f.message())
                    .append("\n    fix: ").append(f.advice());
        }
        text.append("\nSilence one with a comment in the migration: -- migratest:allow <rule-id> — reason;"
                + " or change its severity with @MigrationTest(findings = \"<rule-id>=WARNING\").");
        throw new MigrationFailure(text.toString());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationCycle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            CycleResult result = result(context);
            return new MigrationCycle(result, rehearsal(context).findings(result));
        } catch (SQLException e) {
            throw new MigrationFailure("the rehearsal could not reach Postgres: " + e.getMessage());
        }
    }

    private CycleResult result(ExtensionContext context) throws SQLException {
        return rehearsal(context).rehearsal().rehearse(index);
    }

    private ClassRehearsal rehearsal(ExtensionContext context) {
        return MigrationExtension.rehearsal(context, plan, request);
    }
}
