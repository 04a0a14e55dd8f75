package dev.migratest.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The invariants file is read like the other query files: every problem with its line, all at once. */
class InvariantQueriesTest {

    @TempDir
    Path dir;

    @Test
    void annotatedQueriesComeFirstThenTheFilesStatements() throws Exception {
        Path file = Files.writeString(dir.resolve("inv.sql"), "SELECT count(*) FROM users;\nSELECT 'a;b';\n");

        assertThat(InvariantQueries.of(List.of("SELECT 1", " "), file.toString()))
                .containsExactly("SELECT 1", "SELECT count(*) FROM users", "SELECT 'a;b'");
    }

    @Test
    void invalidUtf8NamesTheLineAndTheByte() throws Exception {
        Path file = Files.write(dir.resolve("inv.sql"),
                "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));

        MigrationFailure failure = catchThrowableOfType(MigrationFailure.class,
                () -> InvariantQueries.of(List.of(), file.toString()));
        assertThat(failure).hasMessage("1 problem in the invariants file at " + file + ":\n"
                + "  inv.sql:2: found invalid UTF-8 byte 0xE9; expected UTF-8 text; fix: re-save the file as UTF-8");
    }
}
