package dev.migratest.junit;

import dev.migratest.migration.Migration;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

import java.util.List;

/** One invocation of a {@code @MigrationCycleTest} method: one migration, named {@code <version> <name>}. */
final class CycleInvocationContext implements TestTemplateInvocationContext {
    private final Migration migration;
    private final int index;
    private final ClassRehearsal run;

    CycleInvocationContext(Migration migration, int index, ClassRehearsal run) {
        this.migration = migration;
        this.index = index;
        this.run = run;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return migration.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new CycleInvocation(index, run));
    }
}
