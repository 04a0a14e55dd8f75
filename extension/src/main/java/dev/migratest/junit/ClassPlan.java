package dev.migratest.junit;

import dev.migratest.migration.LoadedMigrations;

/** What a test class rehearses, read once before any server is needed: its settings and its migrations. */
record ClassPlan(String testClass, Settings settings, LoadedMigrations loaded) {

    boolean severalServers() {
        return settings.postgres().size() > 1;
    }
}
