package dev.migratest.migration;

import static dev.migratest.migration.StatementKind.NEEDS_AUTOCOMMIT;
import static dev.migratest.migration.StatementKind.ORDINARY;
import static dev.migratest.migration.StatementKind.TRANSACTION_CONTROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {
    private static final String FILE = "V7__add_index.sql";

    private static SplitResult split(String text) {
        return StatementSplitter.split(FILE, text, 1);
    }

    /** The statements' texts of a script that must split without problems. */
    private static List<String> sqlOf(String text) {
        SplitResult result = split(text);
        assertThat(result.problems()).extracting(DefinitionProblem::describe).isEmpty();
        return result.statements().stream().map(Statement::sql).toList();
    }

    private static List<StatementKind> kindsOf(String text) {
        SplitResult result = split(text);
        assertThat(result.problems()).extracting(DefinitionProblem::describe).isEmpty();
        return result.statements().stream().map(Statement::kind).toList();
    }

    private static List<Integer> linesOf(SplitResult result) {
        return result.statements().stream().map(Statement::line).toList();
    }

    @Nested
    class Boundaries {

        @Test
        void splitsAtSemicolonsAndKeepsTheTextExactlyAsWritten() {
            assertThat(sqlOf("create TABLE a (\n\tid  int\n);\n  insert into a values (1);"))
                    .containsExactly("create TABLE a (\n\tid  int\n)", "insert into a values (1)");
        }

        @Test
        void keepsALastStatementThatHasNoSemicolon() {
            assertThat(sqlOf("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void makesNothingOfEmptyStatementsAndACommentOnlyTail() {
            assertThat(sqlOf(";;\nSELECT 1;;\n ; \n-- the end\n/* really */\n")).containsExactly("SELECT 1");
            assertThat(sqlOf("")).isEmpty();
            assertThat(sqlOf("  \n-- only a comment; nothing else\n")).isEmpty();
        }

        @Test
        void leavesCommentsBeforeAStatementOutAndKeepsCommentsInsideIt() {
            SplitResult result = split("-- add a column\n/* ticket 42 */\n"
                    + "ALTER TABLE a /* why */ ADD -- nullable first\n  b int;");

            assertThat(result.statements()).singleElement().satisfies(statement -> {
                assertThat(statement.sql()).isEqualTo("ALTER TABLE a /* why */ ADD -- nullable first\n  b int");
                assertThat(statement.line()).isEqualTo(3);
            });
        }

        @Test
        void endsAStatementAtItsLastTokenSoACommentBeforeTheSemicolonIsLeftOut() {
            assertThat(sqlOf("SELECT 1 -- trailing\n;\nSELECT 2 /* tail */")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void rejectsAFirstLineBelowOne() {
            assertThatThrownBy(() -> StatementSplitter.split(FILE, "SELECT 1", 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("firstLine must be 1 or more, was 0");
        }
    }

    @Nested
    class Quotes {

        @Test
        void semicolonInAPlainStringDoesNotEndTheStatement() {
            assertThat(sqlOf("INSERT INTO t VALUES ('a;b');\nSELECT 2;"))
                    .containsExactly("INSERT INTO t VALUES ('a;b')", "SELECT 2");
        }

        @Test
        void doubledQuoteStaysInsideThePlainString() {
            assertThat(sqlOf("SELECT 'it''s; fine';\nSELECT 2;")).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
        }

        @Test
        @DisplayName("a backslash in a plain string is literal (standard_conforming_strings on)")
        void backslashInAPlainStringIsLiteral() {
            assertThat(sqlOf("SELECT 'C:\\';\nSELECT ';';")).containsExactly("SELECT 'C:\\'", "SELECT ';'");
        }

        @Test
        void backslashEscapesTheNextCharacterInAnEscapeString() {
            assertThat(sqlOf("SELECT E'it\\'s; ok \\\\';\nSELECT e'a\\';b';\nSELECT E'x''y;';"))
                    .containsExactly("SELECT E'it\\'s; ok \\\\'", "SELECT e'a\\';b'", "SELECT E'x''y;'");
        }

        @Test
        void unicodeStringHidesItsSemicolon() {
            assertThat(sqlOf("SELECT U&'d\\0061t;a', u&'x''y;';\nSELECT 2;"))
                    .containsExactly("SELECT U&'d\\0061t;a', u&'x''y;'", "SELECT 2");
        }

        @Test
        void quotedIdentifierWithDoubledQuotesHidesItsSemicolon() {
            assertThat(sqlOf("CREATE TABLE \"odd;name \"\"x\"\"\" (id int);\nSELECT U&\"d\\0061t;a\" FROM t;"))
                    .containsExactly("CREATE TABLE \"odd;name \"\"x\"\"\" (id int)", "SELECT U&\"d\\0061t;a\" FROM t");
        }

        @Test
        void dollarQuotesWithAndWithoutTagHideTheirSemicolons() {
            assertThat(sqlOf("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT ';' $$;\n"
                    + "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'x'; $body$;"))
                    .containsExactly("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT ';' $$",
                            "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'x'; $body$");
        }

        @Test
        void dollarQuoteClosesOnlyAtItsOwnTagSoOtherTagsNestInside() {
            String doBlock = "DO $a$\nBEGIN\n  EXECUTE $b$ CREATE TABLE t (id int); $b$;\n"
                    + "  EXECUTE $$ SELECT 1; $$;\n  RAISE NOTICE 'done; $b$';\nEND\n$a$";

            assertThat(sqlOf(doBlock + ";\nSELECT 2;")).containsExactly(doBlock, "SELECT 2");
        }

        @Test
        void dollarTagsAreCaseSensitive() {
            assertThat(sqlOf("DO $x$ BEGIN PERFORM 1; END $X$ still the body; $x$;\nSELECT 2"))
                    .containsExactly("DO $x$ BEGIN PERFORM 1; END $X$ still the body; $x$", "SELECT 2");
        }

        @Test
        void dollarThatContinuesAnIdentifierOpensNoQuote() {
            assertThat(sqlOf("SELECT a$b$ FROM t;\nSELECT $b$;$b$;"))
                    .containsExactly("SELECT a$b$ FROM t", "SELECT $b$;$b$");
        }

        @Test
        @DisplayName("$1 is a parameter: a tag cannot start with a digit, so $1$2 is two parameters, not a quote")
        void positionalParametersAreNotDollarQuotes() {
            assertThat(sqlOf("PREPARE q(int, int) AS SELECT $1 + $2;\nPREPARE r(int, int) AS SELECT $1$2;\nEXECUTE q(1, 2);"))
                    .containsExactly("PREPARE q(int, int) AS SELECT $1 + $2", "PREPARE r(int, int) AS SELECT $1$2",
                            "EXECUTE q(1, 2)");
        }
    }

    @Nested
    class Comments {

        @Test
        void blockCommentsNest() {
            SplitResult result = split("/* outer /* inner; */ still a comment; */ SELECT 1;\nSELECT 2;");

            assertThat(result.statements()).extracting(Statement::sql).containsExactly("SELECT 1", "SELECT 2");
            assertThat(result.problems()).isEmpty();
        }

        @Test
        void quotesAndSemicolonsInsideCommentsAreIgnored() {
            assertThat(sqlOf("-- don't; stop here\nSELECT 1; /* it's \"odd; $$ E' */ SELECT 2;"))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void commentMarkersInsideStringsStartNoComment() {
            assertThat(sqlOf("SELECT '-- not a comment;' AS a, '/* nor this' AS b;\nSELECT 2;"))
                    .containsExactly("SELECT '-- not a comment;' AS a, '/* nor this' AS b", "SELECT 2");
        }
    }

    @Nested
    class AtomicBodies {

        @Test
        void semicolonsInsideBeginAtomicAndItsCaseEndsDoNotEndTheStatement() {
            String function = "CREATE FUNCTION grade(score int) RETURNS text\nLANGUAGE sql\nBEGIN ATOMIC\n"
                    + "  SELECT CASE WHEN score >= 90 THEN 'A'\n"
                    + "              ELSE CASE WHEN score >= 50 THEN 'B' ELSE 'C' END\n"
                    + "         END;\nEND";

            SplitResult result = split(function + ";\nSELECT grade(95);");

            assertThat(result.problems()).isEmpty();
            assertThat(result.statements()).containsExactly(
                    new Statement(1, function, ORDINARY),
                    new Statement(8, "SELECT grade(95)", ORDINARY));
        }

        @Test
        void createOrReplaceProcedureBodyHoldsSeveralStatements() {
            String procedure = "create or replace procedure archive()\nlanguage sql\nbegin atomic\n"
                    + "  INSERT INTO archive SELECT * FROM live;\n  DELETE FROM live;\nend";

            assertThat(sqlOf(procedure + ";\nCALL archive();")).containsExactly(procedure, "CALL archive()");
        }

        @Test
        void beginAtomicOutsideARoutineDefinitionOpensNoBody() {
            assertThat(sqlOf("SELECT 1 AS begin, 2 AS atomic;\nSELECT 2;"))
                    .containsExactly("SELECT 1 AS begin, 2 AS atomic", "SELECT 2");
        }
    }

    @Nested
    class Kinds {

        @ParameterizedTest
        @ValueSource(strings = {"BEGIN", "begin", "BEGIN TRANSACTION", "Begin Work", "BEGIN ISOLATION LEVEL SERIALIZABLE",
                "START TRANSACTION", "start transaction read write", "COMMIT", "commit work", "COMMIT TRANSACTION",
                "END", "end transaction", "END WORK"})
        void scriptsOwnTransactionControlIsMarkedWithOrWithoutSemicolon(String control) {
            assertThat(kindsOf(control + ";\nCREATE TABLE t (id int);\n" + control))
                    .containsExactly(TRANSACTION_CONTROL, ORDINARY, TRANSACTION_CONTROL);
        }

        @Test
        void beginInsideADoBodyIsNotSeenButTheScriptsOwnBeginAndCommitAre() {
            SplitResult result = split("BEGIN;\nDO $$\nBEGIN\n  RAISE NOTICE 'x;';\nEND\n$$;\nCOMMIT;");

            assertThat(result.problems()).isEmpty();
            assertThat(result.statements()).containsExactly(
                    new Statement(1, "BEGIN", TRANSACTION_CONTROL),
                    new Statement(2, "DO $$\nBEGIN\n  RAISE NOTICE 'x;';\nEND\n$$", ORDINARY),
                    new Statement(7, "COMMIT", TRANSACTION_CONTROL));
        }

        @Test
        void concurrentIndexNeedsAutocommitButConcurrentlyInACommentDoesNotCount() {
            assertThat(kindsOf("-- build it CONCURRENTLY later\nCREATE INDEX idx_a ON t (a);\n"
                    + "CREATE INDEX -- CONCURRENTLY\n idx_b ON t (b);\nCREATE INDEX CONCURRENTLY idx_c ON t (c);"))
                    .containsExactly(ORDINARY, ORDINARY, NEEDS_AUTOCOMMIT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "CREATE INDEX CONCURRENTLY idx ON t (a)",
                "create unique index concurrently if not exists idx on t (a)",
                "DROP INDEX CONCURRENTLY IF EXISTS idx",
                "REINDEX INDEX CONCURRENTLY idx",
                "REINDEX (VERBOSE, CONCURRENTLY) TABLE t",
                "REINDEX SCHEMA public",
                "REINDEX (VERBOSE) DATABASE app",
                "REINDEX SYSTEM app",
                "VACUUM (ANALYZE) t",
                "vacuum",
                "ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY",
                "CREATE DATABASE scratch",
                "DROP DATABASE IF EXISTS scratch",
                "CREATE TABLESPACE fast LOCATION 'tablespaces/fast'",
                "DROP TABLESPACE fast",
                "ALTER SYSTEM SET work_mem = '64MB'",
                "CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub",
                "CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub WITH (create_slot = true)",
                "DROP SUBSCRIPTION sub",
                "COMMIT PREPARED 'tx1'",
                "ROLLBACK PREPARED 'tx1'"})
        void statementsThatPostgresRefusesInATransactionBlockNeedAutocommit(String statement) {
            assertThat(kindsOf("SET lock_timeout = '1s';\n" + statement + ";"))
                    .containsExactly(ORDINARY, NEEDS_AUTOCOMMIT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "CREATE INDEX idx ON t (a)",
                "CREATE INDEX /* CONCURRENTLY */ idx ON t (a)",
                "CREATE INDEX \"concurrently\" ON t (a)",
                "COMMENT ON INDEX idx IS 'built with CREATE INDEX CONCURRENTLY'",
                "SELECT 'VACUUM'",
                "ANALYZE t",
                "REINDEX INDEX idx",
                "ALTER TABLE t DETACH PARTITION p",
                "ALTER TABLE t ADD COLUMN note text DEFAULT 'DETACH PARTITION p CONCURRENTLY'",
                "CREATE TABLE database (id int)",
                "CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub WITH (create_slot = false)",
                "CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub WITH (connect = 'off')",
                "CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub"
                        + " WITH (slot_name = NONE, create_slot = false, enabled = false)",
                "SELECT begin, commit FROM t",
                "ROLLBACK",
                "BEGIN ATOMIC"})
        void keywordsOnlyInCommentsStringsQuotedNamesOrOtherPlacesLeaveAStatementOrdinary(String statement) {
            assertThat(kindsOf(statement + ";")).containsExactly(ORDINARY);
        }
    }

    @Nested
    class Lines {

        @Test
        void linesCountFromFirstLineAndPointAtTheFirstTokenAfterComments() {
            SplitResult result = StatementSplitter.split(FILE,
                    "\n\n  -- note\nSELECT 1;\n\n/* multi\nline */ SELECT\n2; SELECT 3;", 10);

            assertThat(linesOf(result)).containsExactly(13, 16, 17);
        }

        @Test
        void crlfLineEndingsCountOnceAndStayInTheText() {
            SplitResult result = split("SELECT 1;\r\n-- note; still a comment\r\nSELECT\r\n  2;\r\n\r\nSELECT 3");

            assertThat(result.statements()).containsExactly(
                    new Statement(1, "SELECT 1", ORDINARY),
                    new Statement(3, "SELECT\r\n  2", ORDINARY),
                    new Statement(6, "SELECT 3", ORDINARY));
        }

        @Test
        void aLoneCarriageReturnAlsoEndsALine() {
            assertThat(linesOf(split("SELECT 1;\rSELECT 2;"))).containsExactly(1, 2);
        }

        @Test
        void problemLinesCountFromFirstLineWithCrlf() {
            SplitResult result = StatementSplitter.split(FILE, "SELECT 1;\r\n\r\nSELECT 'x;\r\n", 20);

            assertThat(result.problems()).extracting(DefinitionProblem::line).containsExactly(22);
        }
    }

    @Nested
    class Problems {

        static Stream<Arguments> unclosedScripts() {
            return Stream.of(
                    Arguments.of("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n",
                            FILE + ":2: found string '…' opened here and never closed;"
                                    + " expected a closing ' before the end of the file;"
                                    + " fix: close the string with ' (a quote inside a string is written twice: '')"),
                    Arguments.of("SELECT 1;\nSELECT E'C:\\';\n",
                            FILE + ":2: found escape string E'…' opened here and never closed;"
                                    + " expected a closing ' before the end of the file;"
                                    + " fix: close the string with ' (inside E'…' a backslash escapes the next"
                                    + " character: write \\\\ for a backslash and \\' or '' for a quote)"),
                    Arguments.of("SELECT U&'d\\0061t;\n",
                            FILE + ":1: found Unicode string U&'…' opened here and never closed;"
                                    + " expected a closing ' before the end of the file;"
                                    + " fix: close the string with ' (a quote inside a string is written twice: '')"),
                    Arguments.of("\nCREATE TABLE \"users (id int);\n",
                            FILE + ":2: found quoted identifier \"…\" opened here and never closed;"
                                    + " expected a closing \" before the end of the file;"
                                    + " fix: close the identifier with \" (a double quote inside it is written"
                                    + " twice: \"\")"),
                    Arguments.of("SELECT U&\"d\\0061t FROM t;\n",
                            FILE + ":1: found quoted identifier U&\"…\" opened here and never closed;"
                                    + " expected a closing \" before the end of the file;"
                                    + " fix: close the identifier with \" (a double quote inside it is written"
                                    + " twice: \"\")"),
                    Arguments.of("SELECT 1;\n/* outer\n/* inner */\nSELECT 2;\n",
                            FILE + ":2: found block comment /* opened here and never closed;"
                                    + " expected a closing */ before the end of the file;"
                                    + " fix: close the comment with */ (comments nest: each /* inside it needs its"
                                    + " own */)"),
                    Arguments.of("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$\nBEGIN\n  NULL;\nEND;\n",
                            FILE + ":1: found dollar quote $body$ opened here and never closed;"
                                    + " expected a closing $body$ before the end of the file;"
                                    + " fix: close the body with $body$ (the tag is case-sensitive and must match"
                                    + " exactly)"),
                    Arguments.of("SELECT 1;\n\nDO $$\nBEGIN\nEND;\n",
                            FILE + ":3: found dollar quote $$ opened here and never closed;"
                                    + " expected a closing $$ before the end of the file;"
                                    + " fix: close the body with $$ (the tag is case-sensitive and must match"
                                    + " exactly)"),
                    Arguments.of("SELECT 1;\nCREATE FUNCTION one() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n",
                            FILE + ":3: found BEGIN ATOMIC body opened here and never closed;"
                                    + " expected an END closing the body before the end of the file;"
                                    + " fix: end the body with END (each CASE inside it needs its own END too)"));
        }

        @ParameterizedTest
        @MethodSource("unclosedScripts")
        void everythingLeftOpenIsReportedWhereItOpened(String script, String expected) {
            assertThat(split(script).problems()).extracting(DefinitionProblem::describe).containsExactly(expected);
        }

        @Test
        void aStrayQuoteDoesNotHideALaterProblem() {
            SplitResult result = split("UPDATE t SET note = 'it's fine';\nSELECT 2;\nCREATE TABLE \"users (id int);\n");

            assertThat(result.problems()).extracting(DefinitionProblem::line, DefinitionProblem::found).containsExactly(
                    tuple(1, "string '…' opened here and never closed"),
                    tuple(3, "quoted identifier \"…\" opened here and never closed"));
        }

        @Test
        void theRestOfTheOpeningLineIsSkippedSoAnEscapedClosingQuoteIsNotReportedAgain() {
            SplitResult result = split("INSERT INTO paths VALUES (E'C:\\temp\\');\nSELECT \"x;\n");

            assertThat(result.problems()).extracting(DefinitionProblem::line, DefinitionProblem::found).containsExactly(
                    tuple(1, "escape string E'…' opened here and never closed"),
                    tuple(2, "quoted identifier \"…\" opened here and never closed"));
        }

        @Test
        void anUnclosedBlockCommentEndsTheScriptSoItsProseIsNotReadAsSql() {
            SplitResult result = split("SELECT 1;\n/* TODO\n   don't forget the index\n");

            assertThat(result.problems()).extracting(DefinitionProblem::line).containsExactly(2);
            assertThat(result.statements()).extracting(Statement::sql).containsExactly("SELECT 1");
        }

        @Test
        void mismatchedDollarTagsReportBothTags() {
            SplitResult result = split("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$\nBEGIN\nEND\n$BODY$;");

            assertThat(result.problems()).extracting(DefinitionProblem::line, DefinitionProblem::found).containsExactly(
                    tuple(1, "dollar quote $body$ opened here and never closed"),
                    tuple(4, "dollar quote $BODY$ opened here and never closed"));
        }

        @Test
        void problemsFromTheBodyTrackerAndTheLexerComeInFileOrder() {
            SplitResult result = split("CREATE FUNCTION f() RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 'unfinished;\n");

            assertThat(result.problems()).extracting(DefinitionProblem::line, DefinitionProblem::found).containsExactly(
                    tuple(2, "BEGIN ATOMIC body opened here and never closed"),
                    tuple(3, "string '…' opened here and never closed"));
        }

        @Test
        void problemsNameTheFileGiven() {
            SplitResult result = StatementSplitter.split("db/up.sql", "SELECT 'x", 1);

            assertThat(result.problems()).extracting(DefinitionProblem::file).containsExactly("db/up.sql");
        }
    }

    @Nested
    class Speed {

        @Test
        void aLargeScriptSplitsInLinearTime() {
            String statement = "INSERT INTO t (a, b, c) VALUES (1, 'x;y', E'\\'') /* note; */ ;\n"
                    + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 1; END $fn$;\n";
            String script = statement.repeat(20_000); // about 3 MB, more than a whole 300-migration history

            SplitResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> split(script));

            assertThat(result.problems()).isEmpty();
            assertThat(result.statements()).hasSize(40_000);
            assertThat(result.statements().get(39_999).line()).isEqualTo(40_000);
        }

        @Test
        void thousandsOfUnclosedOpenersStopAtTheProblemLimitInsteadOfTakingQuadraticTime() {
            StringBuilder distinctUnclosedTags = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                distinctUnclosedTags.append("$t").append(i).append("$\n");
            }
            String script = distinctUnclosedTags.toString();

            SplitResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> split(script));

            assertThat(result.problems()).hasSize(SqlLexer.MAX_UNCLOSED);
        }
    }
}
