package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A single-file migration's sections are split as its lines come, never gathered into strings: with the file handed
 * over a character at a time and blocks of a character or two, markers, blocks, line numbers, directives and problems
 * come out as when the file is read in one go.
 */
class StreamedMarkerFileTest {
    private static final String FILE = "00001_orders.sql";
    private static final String GOOSE = String.join("\r\n",
            "-- migratest:allow table-rewrite — file-wide",
            "-- +goose Up",
            "CREATE TABLE t (id int, name text);",
            "-- +goose StatementBegin",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$",
            "BEGIN RETURN 1; END $$;",
            "-- +goose StatementEnd",
            "INSERT INTO t VALUES (1, 'Zoë 🚀'); -- +goose Down, in a trailing comment, is no marker",
            "   -- +goose ENVSUB ON",
            "-- +goose NO TRANSACTION",
            "-- +goose Down",
            "DROP FUNCTION f();",
            "  -- a comment, then a statement without a line break",
            "DROP TABLE t;");
    private static final String GOOSE_WITH_PROBLEMS = String.join("\n",
            "SELECT 'before the marker';",
            "-- +goose Up",
            "SELECT 'never closed;",
            "-- +goose Bogus",
            "SELECT 2;",
            "-- +goose StatementEnd",
            "-- +goose StatementBegin",
            "SELECT 3;",
            "-- +goose Down",
            "SELECT 4;",
            "-- +goose Up",
            "SELECT 5;",
            "");

    @ParameterizedTest(name = "blocks of {0} chars")
    @ValueSource(ints = {1, 2, 4, 8192})
    void sectionsBlocksAndMarkersCutByEveryEdge(int blockSize) throws IOException {
        MarkerFile.Halves halves = parse(GOOSE, blockSize, new Collected());

        assertThat(halves).isEqualTo(parse(GOOSE, 1 << 16, new Collected()));
        assertThat(halves.up().statements()).extracting(Statement::line, Statement::sql).containsExactly(
                tuple(3, "CREATE TABLE t (id int, name text)"),
                tuple(5, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\r\nBEGIN RETURN 1; END $$"),
                tuple(8, "INSERT INTO t VALUES (1, 'Zoë 🚀')"));
        assertThat(halves.down().statements()).extracting(Statement::line, Statement::sql)
                .containsExactly(tuple(12, "DROP FUNCTION f()"), tuple(14, "DROP TABLE t"));
        assertThat(halves.up().nonTransactionalReason()).isEqualTo("-- +goose NO TRANSACTION (line 10)");
        assertThat(halves.down().allowDirectives()).extracting(AllowDirective::line, AllowDirective::ruleIds)
                .containsExactly(tuple(1, List.of("table-rewrite")));
    }

    @ParameterizedTest(name = "blocks of {0} chars")
    @ValueSource(ints = {1, 2, 4, 8192})
    void problemsComeInTheSameOrderOnTheSameLines(int blockSize) throws IOException {
        Collected streamed = new Collected();
        Collected whole = new Collected();

        parse(GOOSE_WITH_PROBLEMS, blockSize, streamed);
        parse(GOOSE_WITH_PROBLEMS, 1 << 16, whole);

        assertThat(streamed.problems()).isEqualTo(whole.problems());
        // markers inside a run are noted as its lines are read, the run's own problems when it has been split
        assertThat(streamed.problems()).extracting(DefinitionProblem::line, DefinitionProblem::found).containsExactly(
                tuple(4, "the unknown annotation \"-- +goose Bogus\""),
                tuple(6, "\"-- +goose StatementEnd\" without -- +goose StatementBegin"),
                tuple(3, "string '…' opened here and never closed"),
                tuple(7, "-- +goose StatementBegin without -- +goose StatementEnd"),
                tuple(11, "a second \"-- +goose Up\" (the first is on line 2)"),
                tuple(1, "SQL before -- +goose Up"));
    }

    private static MarkerFile.Halves parse(String text, int blockSize, Collected out) throws IOException {
        return MarkerFile.parse(FILE, new OneCharAtATime(new StringReader(text)), new GooseLayout(), blockSize, out);
    }

    /** Hands over one character per read, so that no line arrives whole. */
    private static final class OneCharAtATime extends Reader {
        private final Reader source;

        OneCharAtATime(Reader source) {
            this.source = source;
        }

        @Override
        public int read(char[] into, int offset, int length) throws IOException {
            return source.read(into, offset, Math.min(length, 1));
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
