package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken markers in single-file layouts, each reported on its line. */
class MarkerProblemsTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithoutItsUpMarker() {
        Folder folder = Folder.at(dir).file("1_x.sql", "CREATE TABLE t (id int);", "-- +goose Down", "DROP TABLE t;");

        assertThat(folder.fails(Layout.GOOSE)).hasMessage(folder.message(
                "1_x.sql: found no -- +goose Up line; expected a -- +goose Up line above the up statements; fix: add"
                        + " -- +goose Up above the first statement of the up section"));
    }

    @Test
    void aFileWithoutAnyMarkerInTheUpDownLayout() {
        Folder folder = Folder.at(dir).file("1_x.sql", "CREATE TABLE t (id int);");

        assertThat(folder.fails(Layout.UP_DOWN_MARKERS)).hasMessage(folder.message(
                "1_x.sql: found no -- UP line; expected a -- UP line above the up statements; fix: add -- UP above the"
                        + " first statement of the up section"));
    }

    @Test
    void sqlBeforeTheUpMarker() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- a comment is fine here",
                "SET search_path = app;",
                "-- +migrate Up",
                "SELECT 1;",
                "-- +migrate Down",
                "SELECT 2;");

        assertThat(folder.fails(Layout.SQL_MIGRATE)).hasMessage(folder.message(
                "1_x.sql:2: found SQL before -- +migrate Up; expected statements only in the up and down sections;"
                        + " fix: move it below -- +migrate Up"));
    }

    @Test
    void aSecondUpMarker() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- migrate:up",
                "SELECT 1;",
                "-- migrate:down",
                "SELECT 2;",
                "-- migrate:up transaction:false",
                "SELECT 3;");

        assertThat(folder.fails(Layout.DBMATE)).hasMessage(folder.message(
                "1_x.sql:5: found a second \"-- migrate:up transaction:false\" (the first is on line 1); expected one"
                        + " -- migrate:up per file; fix: merge the two sections"));
    }

    @Test
    void aStatementBeginWithoutEnd() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- +goose Up",
                "-- +goose StatementBegin",
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
                "-- +goose Down",
                "DROP FUNCTION f();");

        assertThat(folder.fails(Layout.GOOSE)).hasMessage(folder.message(
                "1_x.sql:2: found -- +goose StatementBegin without -- +goose StatementEnd; expected -- +goose"
                        + " StatementEnd after the statement; fix: add -- +goose StatementEnd where the statement"
                        + " ends"));
    }

    @Test
    void aStatementBeginWithoutEndAtTheEndOfTheFile() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- +migrate Up",
                "SELECT 1;",
                "-- +migrate Down",
                "-- +migrate StatementBegin",
                "SELECT 2;");

        assertThat(folder.fails(Layout.SQL_MIGRATE).problems()).containsExactly(new DefinitionProblem("1_x.sql", 4,
                "-- +migrate StatementBegin without -- +migrate StatementEnd", "-- +migrate StatementEnd after the"
                + " statement", "add -- +migrate StatementEnd where the statement ends"));
    }

    @Test
    void aStatementEndWithoutBegin() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- +goose Up",
                "SELECT 1;",
                "-- +goose StatementEnd",
                "-- +goose Down",
                "SELECT 2;");

        assertThat(folder.fails(Layout.GOOSE)).hasMessage(folder.message(
                "1_x.sql:3: found \"-- +goose StatementEnd\" without -- +goose StatementBegin; expected -- +goose"
                        + " StatementBegin before it; fix: add the missing -- +goose StatementBegin or delete this"
                        + " line"));
    }

    @Test
    void anUnknownAnnotation() {
        Folder folder = Folder.at(dir).file("1_x.sql",
                "-- +goose Up",
                "SELECT 1;",
                "-- +goose Dwon",
                "SELECT 2;");

        assertThat(folder.fails(Layout.GOOSE, true)).hasMessage(folder.message(
                "1_x.sql:3: found the unknown annotation \"-- +goose Dwon\"; expected one of -- +goose Up, Down, NO"
                        + " TRANSACTION, StatementBegin, StatementEnd, ENVSUB ON, ENVSUB OFF; fix: correct the"
                        + " annotation, or write it as a plain comment"));
    }
}
