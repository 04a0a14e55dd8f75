package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration file is split as it is decoded, through a window of a few blocks, never as one string. With blocks of a
 * character or two and decoding buffers of a few bytes, every quote, tag, multi-byte character and line break of
 * these scripts falls on an edge somewhere; the statements, lines, problems and directives must be those of the whole
 * text read at once.
 */
class StreamedSplittingTest {
    private static final String FILE = "V1__streamed.sql";
    private static final int[] BLOCK_SIZES = {1, 2, 4, 16, 64};
    private static final int[] BYTE_BUFFERS = {4, 5, 7};

    private static final String DOLLAR_QUOTE = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n"
            + "  RETURN 1; -- $body is not the tag\nEND\n$body$;\nSELECT f();\n";
    private static final String MULTI_BYTE = "INSERT INTO t VALUES ('Zoë Ångström', '山田 太郎', '🚀 שלום');"
            + "\n" + "SELECT 'naïve café' AS \"ünï;code\";";
    private static final String LINE_BREAKS = "SELECT 1;\r\n\r\nSELECT\r\n  2;\rSELECT 3;\r\n";
    private static final String QUOTES_AND_COMMENTS = "SELECT E'it\\'s; ok', U&'d\\0061t', 'a''b;';\n"
            + "/* outer /* inner; */ still; */ SELECT 2; -- trailing; comment\n";
    private static final String ATOMIC_BODY = "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
            + "  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2;\nEND;\nCREATE INDEX CONCURRENTLY i ON t (x);\n";
    private static final String DIRECTIVES = "-- migratest:allow table-rewrite — small table\n"
            + "ALTER TABLE t ALTER COLUMN x TYPE bigint; -- note -- migratest:allow lock-timeout-missing\n"
            + "INSERT INTO n VALUES ('-- migratest:allow data-loss');\n";
    private static final String UNCLOSED = "SELECT 'it's';\nSELECT 1;\nDO $x$ BEGIN NULL; END $y$;\nSELECT \"a;\n";
    private static final String UNCLOSED_COMMENT_AND_BODY = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1;\n"
            + "/* never closed\nSELECT 'x';\n";

    /** What one split produced. */
    private record Split(SplitResult result, List<AllowDirective> directives) {
    }

    static Stream<Arguments> everyScriptThroughEveryWindow() {
        List<Arguments> cases = new ArrayList<>();
        for (String script : List.of(DOLLAR_QUOTE, MULTI_BYTE, LINE_BREAKS, QUOTES_AND_COMMENTS, ATOMIC_BODY,
                DIRECTIVES, UNCLOSED, UNCLOSED_COMMENT_AND_BODY)) {
            for (int blockSize : BLOCK_SIZES) {
                for (int byteBuffer : BYTE_BUFFERS) {
                    cases.add(Arguments.of(script, blockSize, byteBuffer));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] blocks of {1} chars, {2}-byte decoding buffer")
    @MethodSource
    void everyScriptThroughEveryWindow(String script, int blockSize, int byteBuffer) {
        Split whole = split(new StringReader(script), 1 << 16);

        Split streamed = split(utf8(script, byteBuffer), blockSize);

        assertThat(streamed.result().statements()).isEqualTo(whole.result().statements());
        assertThat(streamed.result().problems()).isEqualTo(whole.result().problems());
        assertThat(streamed.directives()).isEqualTo(whole.directives());
    }

    @ParameterizedTest(name = "blocks of {0} chars")
    @ValueSource(ints = {1, 2, 4, 16})
    void whatTheTextHoldsIsFoundAcrossEveryEdge(int blockSize) {
        assertThat(split(utf8(DOLLAR_QUOTE, 4), blockSize).result().statements())
                .extracting(Statement::line, Statement::sql)
                .containsExactly(tuple(1, DOLLAR_QUOTE.substring(0, DOLLAR_QUOTE.indexOf("$;") + 1)),
                        tuple(6, "SELECT f()"));
        assertThat(split(utf8(MULTI_BYTE, 4), blockSize).result().statements()).extracting(Statement::sql)
                .containsExactly("INSERT INTO t VALUES ('Zoë Ångström', '山田 太郎', '🚀 שלום')",
                        "SELECT 'naïve café' AS \"ünï;code\"");
        assertThat(split(utf8(LINE_BREAKS, 4), blockSize).result().statements())
                .extracting(Statement::line, Statement::sql)
                .containsExactly(tuple(1, "SELECT 1"), tuple(3, "SELECT\r\n  2"), tuple(5, "SELECT 3"));
        assertThat(split(utf8(DIRECTIVES, 4), blockSize).directives())
                .extracting(AllowDirective::line, AllowDirective::ruleIds)
                .containsExactly(tuple(1, List.of("table-rewrite")), tuple(2, List.of("lock-timeout-missing")));
        assertThat(split(utf8(UNCLOSED, 4), blockSize).result().problems())
                .extracting(DefinitionProblem::line, DefinitionProblem::found)
                .containsExactly(tuple(1, "string '…' opened here and never closed"),
                        tuple(3, "dollar quote $x$ opened here and never closed"),
                        tuple(4, "quoted identifier \"…\" opened here and never closed"));
    }

    @Test
    void aStatementLongerThanTheWholeWindowComesOutWhole() {
        String values = IntStream.range(0, 2_000).mapToObj(i -> "(" + i + ", 'Zoë;" + i + "')")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String insert = "INSERT INTO t VALUES " + values;

        Split split = split(utf8(insert + ";\nSELECT 1;", 7), 16);

        assertThat(split.result().statements()).extracting(Statement::line, Statement::sql)
                .containsExactly(tuple(1, insert), tuple(2, "SELECT 1"));
    }

    @Test
    void theWindowHoldsAboutOneStatementNotTheFile() throws IOException {
        // 52 characters; the comment is looked at for a directive without reading on to the next "m" of the file
        String statement = "INSERT INTO t VALUES (1, 'Łukasz Żółć'); -- a note\n";
        String script = statement.repeat(20_000);
        Sampling source = new Sampling(utf8(script, Utf8Reader.DEFAULT_BUFFER_SIZE));
        SourceWindow window = new SourceWindow(source, 1, 64);
        source.window = window;

        SplitResult result = StatementSplitter.split(FILE, window, directive -> { });

        assertThat(result.statements()).hasSize(20_000);
        assertThat(result.statements().get(19_999).line()).isEqualTo(20_000);
        // the statement being cut spans at most two blocks, and one more is being read
        assertThat(source.mostHeld).isLessThanOrEqualTo(3 * 64);
        assertThatThrownBy(() -> window.at(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offset 0 was released");
    }

    @Test
    void aBlockCommentBetweenStatementsIsLetGoOfAsItIsSkipped() throws IOException {
        String script = "SELECT 1;\n/*" + " prose;".repeat(10_000) + " */\nSELECT 2;";
        Sampling source = new Sampling(new StringReader(script));
        SourceWindow window = new SourceWindow(source, 1, 64);
        source.window = window;

        SplitResult result = StatementSplitter.split(FILE, window, directive -> { });

        assertThat(result.statements()).extracting(Statement::line, Statement::sql)
                .containsExactly(tuple(1, "SELECT 1"), tuple(3, "SELECT 2"));
        assertThat(source.mostHeld).isLessThanOrEqualTo(3 * 64);
    }

    @Test
    void anUnclosedQuoteKeepsTheRestOfTheTextToResumeOnTheNextLine() {
        String script = "SELECT 'stray;\n" + "SELECT 1;\n".repeat(100) + "SELECT 2;";

        Split split = split(utf8(script, 5), 4);

        assertThat(split.result().problems()).extracting(DefinitionProblem::line).containsExactly(1);
        // the stray quote's statement runs on into the next line, as when the file was one string
        assertThat(split.result().statements()).extracting(Statement::line).startsWith(1, 3).endsWith(102);
        assertThat(split.result().statements().get(0).sql()).isEqualTo("SELECT 'stray;\nSELECT 1");
    }

    @Test
    void aGolangNoTransactionMarkerIsReadBeforeTheStartIsLetGo() {
        SourceWindow window = new SourceWindow(utf8("-- no-transaction\nVACUUM;", 4), 1, 2);

        assertThat(window.matches(0, "-- no-transaction")).isTrue();
        assertThat(StatementSplitter.split(FILE, window, directive -> { }).statements())
                .extracting(Statement::line, Statement::sql).containsExactly(tuple(2, "VACUUM"));
    }

    @Test
    void blockSizesThatAreNotPowersOfTwoAreRefused() {
        assertThatThrownBy(() -> new SourceWindow(new StringReader(""), 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("blockSize must be a power of two, was 3");
    }

    private static Split split(Reader text, int blockSize) {
        List<AllowDirective> directives = new ArrayList<>();
        SplitResult result = StatementSplitter.split(FILE, new SourceWindow(text, 1, blockSize), directives::add);
        return new Split(result, directives);
    }

    private static Reader utf8(String text, int byteBuffer) {
        return new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), byteBuffer);
    }

    /** A reader that notes, each time the window reads on, how many characters the window holds. */
    private static final class Sampling extends Reader {
        private final Reader source;
        private SourceWindow window;
        private int mostHeld;

        Sampling(Reader source) {
            this.source = source;
        }

        @Override
        public int read(char[] into, int offset, int length) throws IOException {
            mostHeld = Math.max(mostHeld, window.held());
            return source.read(into, offset, length);
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
