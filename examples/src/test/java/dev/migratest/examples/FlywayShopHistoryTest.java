package dev.migratest.examples;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.runner.Phase;

import java.util.Set;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * A shop's history in Flyway's layout ({@code V<n>__x.sql} with {@code U<n>__x.sql} undo), walking through the safe
 * patterns one step per migration, so that no lock is held across other work: nullable-first columns, an
 * expand-contract rename (column, sync trigger, batched backfill), CHECK NOT VALID → backfill → VALIDATE → SET NOT
 * NULL → drop the CHECK, FK NOT VALID → VALIDATE, a type change through a parallel column, CREATE INDEX CONCURRENTLY
 * and an enum value appended. Every statement that takes SHARE or a stronger lock on an existing table runs under
 * {@code lock_timeout}. Each migration is rehearsed up → down → up; the body adds what this history promises on top.
 */
// app-v1-queries.sql: the application before the expand-contract rename; every UP must keep its queries working
@MigrationTest(location = "classpath:db/flyway", previousVersionQueries = "classpath:db/app-v1-queries.sql")
class FlywayShopHistoryTest {

    /** DOWN scripts marked non-transactional although their UP is not (see the comment in each script). */
    private static final Set<String> AUTOCOMMIT_DOWN_ONLY = Set.of("drop_products_sku_check");

    @MigrationCycleTest
    void everyMigrationIsReversible(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp()
                // measured, not linted: no step of this history holds a lock the seeds warn against
                .hasNoFindings(Severity.ERROR);
        assertTransactionMode(cycle, Phase.UP, autocommit(cycle.name()));
        assertTransactionMode(cycle, Phase.DOWN,
                autocommit(cycle.name()) || AUTOCOMMIT_DOWN_ONLY.contains(cycle.name()));
    }

    /**
     * {@code *_concurrently}: CONCURRENTLY cannot run in a transaction; alone in its script, Flyway recognises it and
     * runs the script outside one, and so does the rehearsal.
     * {@code backfill_*}: batches that COMMIT inside a DO block, marked {@code executeInTransaction=false} in the
     * script's {@code .sql.conf}. Everything else runs in one transaction, so a failure leaves nothing half-done.
     */
    private static boolean autocommit(String name) {
        return name.endsWith("_concurrently") || name.startsWith("backfill_");
    }

    private static void assertTransactionMode(MigrationCycle cycle, Phase phase, boolean autocommit) {
        if (autocommit) {
            assertThat(cycle).ranInAutocommit(phase);
        } else {
            assertThat(cycle).ranInOneTransaction(phase);
        }
    }
}
