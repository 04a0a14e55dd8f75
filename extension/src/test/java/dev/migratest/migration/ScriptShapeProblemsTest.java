package dev.migratest.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Scripts that split fine but need a second look: an empty up (a no-op), autocommit work inside BEGIN … COMMIT. */
class ScriptShapeProblemsTest {

    @TempDir
    Path dir;

    /**
     * Flyway 11, golang-migrate 4.19, goose 3.27, dbmate 2.35, sqlx 0.8 and sql-migrate 1.8 all run an up without a
     * statement as a no-op (squashed histories keep such migrations): it loads, and says it is a no-op.
     */
    @Test
    void anEmptyOrCommentOnlyUpIsANoOpMigration() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__ok.sql", "CREATE TABLE t (id int);").file("U1__ok.sql", "-- nothing to undo\n")
                .file("V2__squashed.sql", "  \n-- kept after the squash\n").file("U2__squashed.sql", "")
                .file("V3__blank.sql").file("U3__blank.sql", "BEGIN;", "COMMIT;")
                .load(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::displayName, Migration::noOp).containsExactly(
                tuple("1 ok", false), tuple("2 squashed", true), tuple("3 blank", true));
        assertThat(loaded.migrations()).allSatisfy(m -> {
            assertThat(m.up().toolRefusal()).isNull();
            assertThat(m.down().toolRefusal()).isNull();
        });
        assertThat(loaded.migrations().get(2).down().noOp()).as("a script's own BEGIN/COMMIT are not sent").isTrue();
    }

    /**
     * diesel 2.3 stops at a script without a statement in either direction ("Attempted to run an empty migration",
     * or PostgreSQL's empty-query response for comments only): the folder still loads, and the script carries the
     * refusal its phase fails with.
     */
    @Test
    void dieselRefusesAScriptWithoutAStatementAndTheScriptSaysSo() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("2020-01-01-000000_a/up.sql", "CREATE TABLE a (id int);")
                .file("2020-01-01-000000_a/down.sql", "-- Your SQL goes here")
                .file("2020-01-02-000000_b/up.sql")
                .file("2020-01-02-000000_b/down.sql", "SELECT 1;")
                .load(Layout.DIESEL);

        Migration a = loaded.migrations().get(0);
        Migration b = loaded.migrations().get(1);
        assertThat(a.up().toolRefusal()).isNull();
        assertThat(a.down().toolRefusal()).isEqualTo(DieselLayout.EMPTY_REFUSED)
                .contains("Attempted to run an empty migration", "Received an empty query");
        assertThat(b.noOp()).isTrue();
        assertThat(b.up().toolRefusal()).isEqualTo(DieselLayout.EMPTY_REFUSED);
        assertThat(b.down().toolRefusal()).isNull();
    }

    @Test
    void concurrentlyInsideTheScriptsOwnTransactionNamesBothLines() {
        Folder folder = Folder.at(dir)
                .file("V1__t.sql", "CREATE TABLE t (id int);").file("U1__t.sql", "DROP TABLE t;")
                .file("V2__idx.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY t_id ON t (id);\nCOMMIT;\n")
                .file("U2__idx.sql", "DROP INDEX CONCURRENTLY t_id;\n");

        assertThat(folder.fails(Layout.FLYWAY, false)).hasMessage(folder.message(
                "V2__idx.sql:2: found CREATE INDEX CONCURRENTLY inside the script's own BEGIN (line 1); expected"
                        + " statements that cannot run in a transaction block outside any BEGIN … COMMIT (PostgreSQL"
                        + " refuses them there: ERROR 25001); fix: remove the script's BEGIN/COMMIT around line 2, or"
                        + " move the statement into a migration of its own"));
    }

    @Test
    void ownBeginAndCommitAroundOrdinaryStatementsAreFine() {
        Folder folder = Folder.at(dir)
                .file("V1__t.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n")
                .file("U1__t.sql", "START TRANSACTION;\nDROP TABLE t;\nCOMMIT;\n")
                .file("V2__idx.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\n")
                .file("U2__idx.sql", "BEGIN;\nSELECT 1;\nCOMMIT;\nDROP INDEX CONCURRENTLY t_id;\n");

        assertThat(folder.load(Layout.FLYWAY).migrations()).hasSize(2);
    }
}
