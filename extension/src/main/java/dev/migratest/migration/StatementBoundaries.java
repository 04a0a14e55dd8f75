package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups tokens into statements as the lexer hands them over: a statement ends at a {@code ;} token, except inside
 * the SQL-standard body of {@code CREATE FUNCTION|PROCEDURE … BEGIN ATOMIC … END}, whose own statements end in
 * semicolons too. Only the tokens of the statement being read are held, never those of the whole script.
 *
 * <p>Inside such a body {@code CASE … END} also ends in END, so the body closes only when every CASE (and any
 * nested BEGIN ATOMIC) has had its END; the same nesting psql tracks. Dollar-quoted bodies need none of this: the
 * lexer has already made each of them a single token.
 *
 * <p>The window keeps the text of the statement being read (it is pinned at the statement's first token), so that
 * the receiver can still read it; nothing before that is kept.
 */
final class StatementBoundaries implements Consumer<SqlToken> {
    private final String file;
    private final SourceWindow text;
    private final Consumer<List<SqlToken>> statements;
    private final List<SqlToken> current = new ArrayList<>();
    private int bodyDepth;
    private int bodyOpenedLine;

    /**
     * @param statements receives the tokens of each statement, never empty, in order, while the window still holds
     *                   the statement's text; the list is reused once the call returns
     */
    StatementBoundaries(String file, SourceWindow text, Consumer<List<SqlToken>> statements) {
        this.file = file;
        this.text = text;
        this.statements = statements;
    }

    @Override
    public void accept(SqlToken token) {
        if (token.kind() == SqlToken.Kind.SEMICOLON && bodyDepth == 0) {
            endStatement();
            return;
        }
        if (token.kind() == SqlToken.Kind.SEMICOLON) {
            // a statement of the body: part of the routine's text
        } else if (token.isKeyword(text, "ATOMIC") && endsWithBegin()) {
            SqlToken begin = current.get(current.size() - 1);
            if (bodyDepth > 0 || new StatementTokens(text, current.subList(0, current.size() - 1)).definesRoutine()) {
                if (bodyDepth == 0) {
                    bodyOpenedLine = text.lineOf(begin.start());
                }
                bodyDepth++;
            }
        } else if (bodyDepth > 0 && token.isKeyword(text, "CASE")) {
            bodyDepth++;
        } else if (bodyDepth > 0 && token.isKeyword(text, "END")) {
            bodyDepth--;
        }
        if (current.isEmpty()) {
            text.pin(token.start());
        }
        current.add(token);
    }

    /** Ends the last statement, which may lack its semicolon; returns the problem of a body left open, if any. */
    List<DefinitionProblem> finish() {
        endStatement();
        return bodyDepth > 0 ? List.of(UnclosedProblems.atomicBody(file, bodyOpenedLine)) : List.of();
    }

    private boolean endsWithBegin() {
        return !current.isEmpty() && current.get(current.size() - 1).isKeyword(text, "BEGIN");
    }

    private void endStatement() {
        if (!current.isEmpty()) {
            statements.accept(current);
            current.clear();
            text.unpin();
        }
    }
}
