package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.report.ReportedMigration;
import dev.migratest.report.RunLine;
import dev.migratest.report.Verdict;
import dev.migratest.runner.CycleResult;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.sql.SQLException;

/**
 * Rehearses the invocation's migration before the method body runs, and hands the result to a
 * {@link MigrationCycle} parameter. A rehearsal whose verdict is already FAILED (the rehearsal failed, or findings
 * reached {@code failOn}) fails the invocation, a skipped one aborts it, both with the reason, and the body does not
 * run. Once the body has run, the migration's verdict is decided — what the body threw counts too — and recorded
 * for the class's reports; its console line and report entries follow.
 */
final class CycleInvocation implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {
    /** The invocation's rehearsal with its verdict before the body, in the invocation's Store. */
    private static final String REHEARSED = "rehearsed";

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
        ReportedMigration rehearsed = rehearsal(context).rehearsed(result(context));
        context.getStore(MigrationExtension.NAMESPACE).put(REHEARSED, rehearsed);
        Verdict verdict = rehearsed.verdict();
        switch (verdict.status()) {
            case FAILED:
                throw new MigrationFailure(verdict.explanation());
            case SKIPPED:
                throw new TestAbortedException(rehearsed.result().migration().displayName() + " skipped: "
                        + verdict.skippedBecause());
            default:
                break;
        }
    }

    /**
     * Runs after the body, and also when the callback above threw. Without a rehearsal (Postgres could not be
     * reached) there is no migration to judge: the test fails with what went wrong, and nothing is recorded.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        ReportedMigration rehearsed = context.getStore(MigrationExtension.NAMESPACE).get(REHEARSED,
                ReportedMigration.class);
        if (rehearsed == null) return;
        Verdict verdict = TestVerdict.of(rehearsed.verdict(), context.getRequiredTestMethod().getName(),
                context.getExecutionException());
        rehearsal(context).verdicts().record(index, verdict);
        ReportedMigration tested = rehearsed.withVerdict(verdict);
        Console.print(RunLine.of(tested, Console.charset()));
        for (String note : tested.result().schemaNotes()) Console.print("  note: " + note);
        context.publishReportEntry(ReportEntries.of(tested));
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
