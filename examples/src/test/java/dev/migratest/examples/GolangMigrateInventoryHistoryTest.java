package dev.migratest.examples;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;

/**
 * An inventory service in golang-migrate's layout ({@code <n>_x.up.sql} / {@code .down.sql}). An empty body is
 * enough: the rehearsal itself fails the test when a phase errors or DOWN does not restore the schema.
 */
@MigrationTest(location = "classpath:db/golang")
class GolangMigrateInventoryHistoryTest {

    @MigrationCycleTest
    void rehearse() {
        // up → down → up and both schema comparisons are checked by migratest before this body runs
    }
}
