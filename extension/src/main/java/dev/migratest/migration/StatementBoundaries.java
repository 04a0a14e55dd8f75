package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups tokens into statements: a statement ends at a {@code ;} token, except inside the SQL-standard body of
 * {@code CREATE FUNCTION|PROCEDURE … BEGIN ATOMIC … END}, whose own statements end in semicolons too.
 *
 * <p>Inside such a body {@code CASE … END} also ends in END, so the body closes only when every CASE (and any
 * nested BEGIN ATOMIC) has had its END; the same nesting psql tracks. Dollar-quoted bodies need none of this: the
 * lexer has already made each of them a single token.
 */
final class StatementBoundaries {

    /** Token indices {@code [from, to)} of one statement, never empty. */
    record Range(int from, int to) {
    }

    record Found(List<Range> ranges, List<DefinitionProblem> problems) {
    }

    private StatementBoundaries() {
    }

    static Found find(String file, String text, List<SqlToken> tokens, LineIndex lines) {
        List<Range> ranges = new ArrayList<>();
        int from = 0;
        int bodyDepth = 0;
        int bodyOpenedAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.SEMICOLON) {
                if (bodyDepth == 0) {
                    if (i > from) {
                        ranges.add(new Range(from, i));
                    }
                    from = i + 1;
                }
            } else if (opensAtomicBody(text, tokens, i)) {
                if (bodyDepth > 0 || new StatementTokens(text, tokens.subList(from, i)).definesRoutine()) {
                    if (bodyDepth == 0) {
                        bodyOpenedAt = i;
                    }
                    bodyDepth++;
                    i++; // ATOMIC
                }
            } else if (bodyDepth > 0 && token.isKeyword(text, "CASE")) {
                bodyDepth++;
            } else if (bodyDepth > 0 && token.isKeyword(text, "END")) {
                bodyDepth--;
            }
        }
        if (from < tokens.size()) {
            ranges.add(new Range(from, tokens.size()));
        }
        List<DefinitionProblem> problems = bodyDepth > 0
                ? List.of(UnclosedProblems.atomicBody(file, lines.lineOf(tokens.get(bodyOpenedAt).start())))
                : List.of();
        return new Found(ranges, problems);
    }

    private static boolean opensAtomicBody(String text, List<SqlToken> tokens, int i) {
        return tokens.get(i).isKeyword(text, "BEGIN")
                && i + 1 < tokens.size()
                && tokens.get(i + 1).isKeyword(text, "ATOMIC");
    }
}
