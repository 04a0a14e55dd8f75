package dev.migratest.examples;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ProviderChoice;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * The shop history on two PostgreSQL majors with the embedded provider (no Docker needed): each migration gets one
 * test per version, named {@code [pg 14] 3 create_orders}, and each version its own report
 * ({@code …ShopHistoryOnTwoMajorsTest@14.json}). In CI, {@code -Dmigratest.postgres.version=…} picks other majors.
 */
@MigrationTest(location = "classpath:db/flyway", provider = ProviderChoice.EMBEDDED, postgres = {"14", "17"})
class ShopHistoryOnTwoMajorsTest {

    @MigrationCycleTest
    void reversibleOnEveryMajor(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
    }
}
