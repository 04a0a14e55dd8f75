package com.example.shop;

import dev.migratest.DisabledWithoutContainerEngine;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.RehearseOn;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * The same migrations on the container the application's Spring tests use, handed over as it is: migratest reads its
 * URL, user and password and works in scratch databases beside the application's.
 */
@MigrationTest(location = "filesystem:src/main/resources/db/migration", tableRows = "orders=5000")
@DisabledWithoutContainerEngine
class ShopMigrationsOnTheAppsContainerTest {
    @RehearseOn
    static PostgreSQLContainer postgres = SharedPostgres.CONTAINER;

    @MigrationCycleTest
    void rehearse(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
    }
}
