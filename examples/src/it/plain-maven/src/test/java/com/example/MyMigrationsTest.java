package com.example;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;

import static dev.migratest.MigrationAssertions.assertThat;

// README's test class, with rows so that the rehearsal runs on tables that hold data
@MigrationTest(location = "classpath:db/migration", rows = 1000)
class MyMigrationsTest {

    @MigrationCycleTest                       // one test per migration, named "<version> <name>"
    void rehearse(MigrationCycle cycle) {     // the parameter is optional: an empty body still checks everything
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
    }
}
