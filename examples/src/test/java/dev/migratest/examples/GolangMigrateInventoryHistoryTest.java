package dev.migratest.examples;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;

/**
 * An inventory service in golang-migrate's layout ({@code <n>_x.up.sql} / {@code .down.sql}). An empty body is
 * enough: the rehearsal itself fails the test when a phase errors, DOWN does not restore the schema, or the trace
 * finds an ERROR (the default {@code failOn}), e.g. an index built without CONCURRENTLY on a table in use.
 */
@MigrationTest(location = "classpath:db/golang")
class GolangMigrateInventoryHistoryTest {

    @MigrationCycleTest
    void rehearse() {
        // up → down → up, both schema comparisons and the findings are checked by migratest before this body runs
    }
}
