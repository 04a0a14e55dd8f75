package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void readsUpAndDownSections() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20151129054053_create_users.sql",
                        "-- migrate:up",
                        "create table users (id integer, name varchar(255));",
                        "",
                        "-- migrate:down",
                        "drop table users;")
                .load(Layout.DBMATE);

        Migration migration = loaded.migrations().get(0);
        assertThat(migration.version()).isEqualTo("20151129054053");
        assertThat(migration.name()).isEqualTo("create_users");
        assertThat(migration.up()).usingRecursiveComparison().ignoringFields("toolRun").isEqualTo(new Script("20151129054053_create_users.sql", List.of(
                new Statement(2, "create table users (id integer, name varchar(255))", StatementKind.ORDINARY)), null));
        assertThat(migration.down()).usingRecursiveComparison().ignoringFields("toolRun").isEqualTo(new Script("20151129054053_create_users.sql",
                List.of(new Statement(5, "drop table users", StatementKind.ORDINARY)), null));
    }
}
