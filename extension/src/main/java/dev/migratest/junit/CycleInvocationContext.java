package dev.migratest.junit;

import dev.migratest.migration.Migration;
import dev.migratest.postgres.PostgresRequest;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

import java.util.List;

/**
 * One invocation of a {@code @MigrationCycleTest} method: one migration on one requested Postgres, named
 * {@code <version> <name>}, prefixed by {@code [pg 14]} when the class rehearses on several.
 */
final class CycleInvocationContext implements TestTemplateInvocationContext {
    private final ClassPlan plan;
    private final PostgresRequest request;
    private final Migration migration;
    private final int index;

    CycleInvocationContext(ClassPlan plan, PostgresRequest request, Migration migration, int index) {
        this.plan = plan;
        this.request = request;
        this.migration = migration;
        this.index = index;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return plan.severalServers() ? "[pg " + request.label() + "] " + migration.displayName() : migration.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new CycleInvocation(plan, request, index));
    }
}
