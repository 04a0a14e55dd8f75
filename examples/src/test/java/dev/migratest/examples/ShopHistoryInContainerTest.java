package dev.migratest.examples;

import dev.migratest.DisabledWithoutContainerEngine;
import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ProviderChoice;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * The shop history in a Postgres container started by Testcontainers. Skipped, with the reason, where no Docker API
 * answers; CI prepares a podman engine (.ci/container-engine.sh) so that it runs there.
 */
@DisabledWithoutContainerEngine
@MigrationTest(location = "classpath:db/flyway", provider = ProviderChoice.CONTAINER)
class ShopHistoryInContainerTest {

    @MigrationCycleTest
    void reversibleInAContainer(MigrationCycle cycle) {
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
    }
}
