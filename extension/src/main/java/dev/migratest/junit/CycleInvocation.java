package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.runner.CycleResult;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.sql.SQLException;

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
        switch (result.outcome()) {
            case FAILED:
                throw new MigrationFailure(result.failure());
            case SKIPPED:
                throw new TestAbortedException(result.migration().displayName() + " skipped: " + result.skipReason());
            default:
                break;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationCycle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return new MigrationCycle(result(context));
        } catch (SQLException e) {
            throw new MigrationFailure("the rehearsal could not reach Postgres: " + e.getMessage());
        }
    }

    private CycleResult result(ExtensionContext context) throws SQLException {
        return MigrationExtension.rehearsal(context, plan, request).rehearsal().rehearse(index);
    }
}
