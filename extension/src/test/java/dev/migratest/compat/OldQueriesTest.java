package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reading old-queries files: splitting, names, parameters and their values. No database. */
class OldQueriesTest {
    private static final String FILE = "app-v1.sql";

    @TempDir
    Path dir;

    private static List<OldQuery> parse(String text) {
        return OldQueries.parse(FILE, text);
    }

    @Test
    void splitsQueriesAndNamesThemByCommentOrLine() {
        List<OldQuery> queries = parse("""
                -- The queries of app v1.
                SELECT 1;

                -- name: insert_user
                -- params: 'ann@example.org', 'Ann'
                INSERT INTO users (email, full_name)
                VALUES ($1, $2);
                """);

        assertThat(queries).extracting(OldQuery::file, OldQuery::line, OldQuery::name, OldQuery::sql)
                .containsExactly(tuple(FILE, 2, "line 2", "SELECT 1"),
                        tuple(FILE, 6, "insert_user", "INSERT INTO users (email, full_name)\nVALUES ($1, $2)"));
        assertThat(queries.get(0).params()).isEmpty();
        assertThat(queries.get(1).params()).containsExactly("'ann@example.org'", "'Ann'");
        assertThat(queries.get(1).where()).isEqualTo("app-v1.sql:6");
    }

    @Test
    void paramsMayStandOnTheQuerysOwnLines() {
        List<OldQuery> queries = parse("""
                SELECT full_name FROM users WHERE id = $1; -- params: 42
                UPDATE users SET full_name = $1
                -- name: rename_user
                WHERE id = $2; -- params: 'Bob', 7
                """);

        assertThat(queries).extracting(OldQuery::name, OldQuery::params)
                .containsExactly(tuple("line 1", List.of("42")), tuple("rename_user", List.of("'Bob'", "7")));
    }

    @Test
    void commasAndCommentMarksInsideQuotesAndParenthesesDoNotSplitValues() {
        List<OldQuery> queries = parse("""
                -- params: 'a, b', E'it\\'s, -- fine', "x"(1, 2), ARRAY[1, 2], '{"k": "v, w"}'::jsonb, NULL
                SELECT $1, $2, $3, $4, $5, $6;
                """);

        assertThat(queries.get(0).params()).containsExactly("'a, b'", "E'it\\'s, -- fine'", "\"x\"(1, 2)",
                "ARRAY[1, 2]", "'{\"k\": \"v, w\"}'::jsonb", "NULL");
    }

    @Test
    void directivesInsideStringsAreNotDirectivesAndDollarsInStringsAreNotParameters() {
        List<OldQuery> queries = parse("""
                SELECT '-- params: 1', '$1', $$ $2 $$;
                """);

        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.params()).isEmpty();
            assertThat(q.name()).isEqualTo("line 1");
        });
    }

    @Test
    void prepareOnlyQueriesNeedNoValues() {
        List<OldQuery> queries = parse("""
                -- prepare-only
                DELETE FROM users WHERE id = $1;
                """);

        assertThat(queries.get(0).prepareOnly()).isTrue();
        assertThat(queries.get(0).params()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineFoundExpectedAndFix() {
        String text = """
                -- name: by_id
                SELECT * FROM users WHERE id = $1;
                -- params: 1
                SELECT 2;
                -- params: 'a', 'b
                INSERT INTO users (email, full_name) VALUES ($1, $2);
                -- params: 1
                UPDATE users SET full_name = 'x' WHERE id = $1 AND email = $2;
                SELECT $1, $3; -- params: 1, 2, 3
                -- params: 1,,2
                SELECT $1, $2, $3;
                COMMIT;
                -- name: by_id
                SELECT 3;
                -- name: left_over
                """;

        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(OldQueriesException.class, e -> {
                    assertThat(e.problems()).extracting(DefinitionProblem::line).containsExactly(
                            2, 3, 5, 7, 9, 10, 12, 14, 15);
                    assertThat(e.getMessage()).startsWith("9 problems in old queries at app-v1.sql:\n");
                })
                .hasMessageContaining("app-v1.sql:2: found parameters $1 but no values for them in SELECT * FROM"
                        + " users WHERE id = $1; expected -- params: followed by one SQL literal")
                .hasMessageContaining("or -- prepare-only")
                .hasMessageContaining("app-v1.sql:3: found -- params: for a query without $1, $2")
                .hasMessageContaining("app-v1.sql:5: found -- params: 'a', 'b with string '…' opened here and never"
                        + " closed")
                .hasMessageContaining("app-v1.sql:7: found 1 value for parameters $1, $2; expected 2 values")
                .hasMessageContaining("app-v1.sql:9: found parameters $1, $3; expected $1 to $n, each used")
                .hasMessageContaining("app-v1.sql:10: found -- params: 1,,2 with an empty value")
                .hasMessageContaining("app-v1.sql:12: found a statement the check cannot run inside its rolled-back"
                        + " transaction: COMMIT")
                .hasMessageContaining("app-v1.sql:14: found -- name: by_id, already the name of the query at line 2")
                .hasMessageContaining("app-v1.sql:15: found -- name: below the last query");
    }

    @Test
    void anUnterminatedQuoteInTheSqlIsReportedWhereItOpened() {
        assertThatThrownBy(() -> parse("SELECT 1;\nSELECT 'oops;\n"))
                .isInstanceOf(OldQueriesException.class)
                .hasMessageContaining("app-v1.sql:2: found string '…' opened here and never closed");
    }

    @Test
    void rollbackAndSavepointAreRefusedBecauseTheyWouldEscapeTheCheck() {
        assertThatThrownBy(() -> parse("SAVEPOINT a;\nROLLBACK;\nSELECT 1;\n"))
                .isInstanceOfSatisfying(OldQueriesException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::line).containsExactly(1, 2));
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertThatThrownBy(() -> parse("-- nothing yet\n"))
                .hasMessageContaining("app-v1.sql: found no queries");
    }

    @Test
    void loadsFromTheFileSystemAndTheClasspath() throws IOException {
        Path file = dir.resolve("old.sql");
        Files.writeString(file, "SELECT 1;\n");

        assertThat(OldQueries.load(file.toString())).extracting(OldQuery::file, OldQuery::sql)
                .containsExactly(tuple("old.sql", "SELECT 1"));
        assertThat(OldQueries.load("filesystem:" + file)).hasSize(1);
        assertThat(OldQueries.load("classpath:compat/old-queries.sql")).extracting(OldQuery::name)
                .containsExactly("select_user", "insert_user");
        assertThat(OldQueries.load("compat/old-queries.sql")).hasSize(2);
    }

    @Test
    void aMissingFileIsOneProblemWithTheFix() {
        assertThatThrownBy(() -> OldQueries.load("classpath:compat/nope.sql"))
                .isInstanceOfSatisfying(OldQueriesException.class, e -> assertThat(e.location())
                        .isEqualTo("classpath:compat/nope.sql"))
                .hasMessage("1 problem in old queries at classpath:compat/nope.sql:\n  nope.sql: found no such"
                        + " resource on the classpath; expected a readable .sql file of the queries the previous"
                        + " application version runs; fix: correct the location, or put the file in"
                        + " src/test/resources/compat/nope.sql");
        assertThatThrownBy(() -> OldQueries.load(dir.resolve("missing.sql").toString()))
                .hasMessageContaining("missing.sql: found no such file");
        assertThatThrownBy(() -> OldQueries.load(dir.toString()))
                .hasMessageContaining("found a directory");
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemNamingTheLine() throws IOException {
        Path file = dir.resolve("latin1.sql");
        Files.write(file, "SELECT 1;\nSELECT 'café';\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> OldQueries.load(file.toString()))
                .hasMessageContaining("latin1.sql:2: found invalid UTF-8 byte 0xE9; expected UTF-8 text");
    }
}
