package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingTest {

    @TempDir
    Path dir;

    @Test
    void invalidUtf8NamesTheLineAndTheByte() {
        Folder folder = Folder.at(dir).bytes("V1__latin1.sql", Utf8Bytes.of("SELECT 1;\n\nINSERT INTO t VALUES ('caf", 0xE9,
                "');\n"));

        assertThat(folder.fails(Layout.FLYWAY, true)).hasMessage(folder.message(
                "V1__latin1.sql:3: found invalid UTF-8 byte 0xE9; expected UTF-8 text; fix: re-save the file as"
                        + " UTF-8"));
    }

    @Test
    void aTruncatedSequenceAtTheEndOfTheFile() {
        Folder folder = Folder.at(dir).bytes("1_x.up.sql", Utf8Bytes.of("SELECT 1;\nSELECT '", 0xE2, 0x82));

        assertThat(folder.fails(Layout.GOLANG_MIGRATE, true).problems()).containsExactly(new DefinitionProblem(
                "1_x.up.sql", 2, "invalid UTF-8 bytes 0xE2 0x82", "UTF-8 text", "re-save the file as UTF-8"));
    }

    @Test
    void invalidUtf8InASideFileIsReportedToo() {
        Folder folder = Folder.at(dir)
                .file("2020-01-01-000000_a/up.sql", "SELECT 1;")
                .file("2020-01-01-000000_a/down.sql", "SELECT 2;")
                .bytes("2020-01-01-000000_a/metadata.toml", Utf8Bytes.of("# ", 0xFF, "\nrun_in_transaction = false\n"));

        assertThat(folder.fails(Layout.DIESEL).problems()).containsExactly(new DefinitionProblem(
                "2020-01-01-000000_a/metadata.toml", 1, "invalid UTF-8 byte 0xFF", "UTF-8 text",
                "re-save the file as UTF-8"));
    }

    @Test
    void anUnreadableFileStillCountsAsPresentSoOnlyItsEncodingIsReported() {
        Folder golang = Folder.at(dir.resolve("golang"))
                .bytes("1_x.up.sql", Utf8Bytes.of("SELECT '", 0xFF, "';\n"))
                .file("1_x.down.sql", "SELECT 1;");
        Folder goose = Folder.at(dir.resolve("goose"))
                .bytes("00002_y.sql", Utf8Bytes.of("-- +goose Up\nSELECT '", 0xC0, "';\n"));

        assertThat(golang.fails(Layout.GOLANG_MIGRATE).problems()).extracting(DefinitionProblem::describe)
                .containsExactly("1_x.up.sql:1: found invalid UTF-8 byte 0xFF; expected UTF-8 text; fix: re-save the"
                        + " file as UTF-8");
        assertThat(goose.fails(Layout.GOOSE).problems()).extracting(DefinitionProblem::describe)
                .containsExactly("00002_y.sql:2: found invalid UTF-8 byte 0xC0; expected UTF-8 text; fix: re-save the"
                        + " file as UTF-8");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        LoadedMigrations loaded = Folder.at(dir)
                .bytes("00001_bom.sql", Utf8Bytes.of(0xEF, 0xBB, 0xBF, "-- +goose Up\nCREATE TABLE t (id int);\n"))
                .loadForwardOnly(Layout.GOOSE);

        assertThat(loaded.migrations().get(0).up().statements())
                .containsExactly(new Statement(2, "CREATE TABLE t (id int)", StatementKind.ORDINARY));
    }

    @Test
    void aByteOrderMarkHidesTheSqlxNoTransactionMarkerAsItDoesFromSqlx() {
        // sqlx-core's source.rs tests sql.starts_with("-- no-transaction") on the text as read, mark included
        LoadedMigrations loaded = Folder.at(dir)
                .bytes("1_x.sql", Utf8Bytes.of(0xEF, 0xBB, 0xBF, "-- no-transaction\nVACUUM;\n"))
                .file("2_y.sql", "-- no-transaction", "VACUUM;")
                .loadForwardOnly(Layout.SQLX);

        Script marked = loaded.migrations().get(0).up();
        assertThat(marked.transactional()).isTrue();
        assertThat(marked.toolRun().fix()).contains("not even the byte order mark the file begins with");
        assertThat(loaded.migrations().get(1).up().nonTransactionalReason()).isEqualTo("-- no-transaction (line 1):"
                + " sqlx sends 2_y.sql as one query, and PostgreSQL runs a query of one statement outside any"
                + " transaction (VACUUM, line 2)");
    }

    @Test
    void nonAsciiUtf8IsReadAsWritten() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V1__unicode.sql", "INSERT INTO t VALUES ('café 🚀 שלום');")
                .loadForwardOnly(Layout.FLYWAY);

        assertThat(loaded.migrations().get(0).up().statements().get(0).sql())
                .isEqualTo("INSERT INTO t VALUES ('café 🚀 שלום')");
    }
}
