package dev.migratest.examples;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.runner.Phase;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * A shop's history in Flyway's layout ({@code V<n>__x.sql} with {@code U<n>__x.sql} undo), walking through the safe
 * patterns: nullable-first column, batched backfill, expand-contract rename, CHECK NOT VALID + VALIDATE before SET NOT
 * NULL, FK NOT VALID + VALIDATE, a type change through a parallel column, CREATE INDEX CONCURRENTLY and an enum value
 * appended. Each migration is rehearsed up → down → up; the body adds what this history promises on top.
 */
@MigrationTest(location = "classpath:db/flyway")
class FlywayShopHistoryTest {

    @MigrationCycleTest
    void everyMigrationIsReversible(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        if (cycle.name().endsWith("_concurrently")) {
            // CONCURRENTLY cannot run in a transaction: migratest noticed and ran both directions in autocommit.
            assertThat(cycle).ranInAutocommit(Phase.UP).ranInAutocommit(Phase.DOWN);
        } else {
            assertThat(cycle).ranInOneTransaction(Phase.UP).ranInOneTransaction(Phase.DOWN);
        }
    }
}
