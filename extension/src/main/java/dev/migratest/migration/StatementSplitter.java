package dev.migratest.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits a PostgreSQL script into the statements the runner sends one at a time.
 *
 * <p>A statement ends at a {@code ;} that is outside every comment, string, quoted identifier, dollar quote and
 * {@code BEGIN ATOMIC … END} routine body. Each statement's text is the source text from its first token to its
 * last, unchanged, so that its line and the server's error positions point into the file. Comments before a
 * statement belong to no statement; comments between its tokens stay in its text.
 *
 * <p>Quotes, comments and routine bodies left open are reported as {@link DefinitionProblem}s at the line where they
 * were opened, all of them rather than the first; the statements of such a script are then incomplete and must not
 * be run.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * Splits one script, or one section of a file (e.g. the up half of a goose file).
     *
     * @param file      path of the file relative to the migrations location, for problems
     * @param text      the script, already decoded
     * @param firstLine the file line on which {@code text} starts (1 for a whole file)
     * @return the statements in order, and every problem met (empty when the script is fine)
     */
    public static SplitResult split(String file, String text, int firstLine) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be 1 or more, was " + firstLine);
        }
        return split(file, SourceWindow.of(text, firstLine), directive -> { });
    }

    /**
     * Splits a script as it is read: only the statement being cut is held, so a file of any size takes the memory of
     * its statements' strings (which the runner needs) and not of its text as well.
     *
     * @param text       the script, read from its start
     * @param directives receives the script's {@code -- migratest:allow} comments, in order
     */
    static SplitResult split(String file, SourceWindow text, Consumer<AllowDirective> directives) {
        List<Statement> statements = new ArrayList<>();
        StatementBoundaries boundaries = new StatementBoundaries(file, text, tokens -> {
            int start = tokens.get(0).start();
            int end = tokens.get(tokens.size() - 1).end();
            StatementKind kind = StatementClassifier.classify(new StatementTokens(text, tokens));
            statements.add(new Statement(text.lineOf(start), text.text(start, end), kind));
        });
        List<DefinitionProblem> lexed = SqlLexer.lex(file, text, boundaries,
                new AllowDirectives(file, text, directives));
        List<DefinitionProblem> bodies = boundaries.finish();

        List<DefinitionProblem> problems = new ArrayList<>(lexed);
        problems.addAll(bodies);
        // The lexer and the body tracker report separately; the user reads the file top to bottom.
        problems.sort(Comparator.comparing(DefinitionProblem::line));
        return new SplitResult(statements, problems);
    }
}
