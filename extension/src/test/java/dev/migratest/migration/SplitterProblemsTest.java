package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the statement splitter finds wrong is passed on as it is, on the real line of the file. */
class SplitterProblemsTest {

    @TempDir
    Path dir;

    @Test
    void aWholeFileScriptPassesTheSplittersProblemsOnUnchanged() {
        String text = "SELECT 1;\nINSERT INTO t VALUES ('oops);\n";
        Folder folder = Folder.at(dir).file("V1__x.sql", "SELECT 1;", "INSERT INTO t VALUES ('oops);");

        MigrationDefinitionException e = folder.fails(Layout.FLYWAY, true);

        assertThat(StatementSplitter.split("V1__x.sql", text, 1).problems()).isNotEmpty()
                .isEqualTo(e.problems());
        assertThat(e).hasMessage(folder.message(e.problems().get(0).describe()));
    }

    @Test
    void aProblemInAMarkerSectionIsOnTheLineOfTheFile() {
        Folder folder = Folder.at(dir).file("00001_x.sql",
                "-- +goose Up",
                "SELECT 1;",
                "-- +goose Down",
                "",
                "INSERT INTO t VALUES ('oops);");

        MigrationDefinitionException e = folder.fails(Layout.GOOSE);

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("00001_x.sql");
            assertThat(problem.line()).isEqualTo(5);
        });
        assertThat(e).hasMessage(folder.message(e.problems().get(0).describe()));
    }
}
