package dev.migratest;

import dev.migratest.assertions.CycleResultAssert;

/** Entry point for AssertJ-style assertions on a {@link MigrationCycle}. */
public final class MigrationAssertions {

    private MigrationAssertions() {
    }

    public static CycleResultAssert assertThat(MigrationCycle cycle) {
        return new CycleResultAssert(cycle.result(), cycle.findings());
    }
}
