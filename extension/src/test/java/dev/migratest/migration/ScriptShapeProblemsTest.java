package dev.migratest.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts that split fine but cannot be what the author meant: an empty up, autocommit work inside BEGIN … COMMIT. */
class ScriptShapeProblemsTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyUpIsAProblemAnEmptyDownIsNot() {
        Folder folder = Folder.at(dir)
                .file("V1__ok.sql", "CREATE TABLE t (id int);").file("U1__ok.sql", "-- nothing to undo\n")
                .file("V2__later.sql", "  \n-- TODO\n").file("U2__later.sql", "");

        assertThat(folder.fails(Layout.FLYWAY, false)).hasMessage(folder.message(
                "V2__later.sql: found no SQL statement (the up script is empty or holds only comments); expected at"
                        + " least one statement in the up script of a migration; fix: write the migration, or delete"
                        + " V2__later.sql and U2__later.sql"));
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
