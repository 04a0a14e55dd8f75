package com.example.shop;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * The application's migrations, where Spring Boot keeps them, on whatever PostgreSQL migratest finds: a container
 * when a Docker API answers (Testcontainers at the version Boot manages), the embedded one otherwise.
 */
@MigrationTest(location = "filesystem:src/main/resources/db/migration", tableRows = "orders=5000")
class ShopMigrationsTest {

    @MigrationCycleTest
    void rehearse(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
    }
}
