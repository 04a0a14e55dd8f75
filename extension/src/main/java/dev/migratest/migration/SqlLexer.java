package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a script into {@link SqlToken}s the way PostgreSQL's own lexer would, as far as finding statement ends needs:
 * comments ({@code --}, nested {@code /* *}{@code /}), {@code '…'} (backslash literal, as with the default
 * {@code standard_conforming_strings = on}), {@code E'…'} (backslash escapes), {@code U&'…'}, {@code "…"},
 * {@code U&"…"} and dollar quotes {@code $tag$…$tag$}. A well-formed script is read in one pass, each character a
 * bounded number of times.
 *
 * <p>A quote still open at the end is reported where it opened, and lexing resumes at the start of the next line, so
 * that a stray quote (the usual cause) does not hide the problems after it. The rest of the opening line is skipped
 * because it usually holds the other half of the mistake: the closing quote that {@code E'C:\'} escaped, or the
 * {@code ';} after {@code 'it's'}; read as SQL it would be reported as a second, misleading, unclosed string. A block
 * comment left open ends lexing: what follows it is more often prose than SQL, and its apostrophes would be reported
 * as strings.
 *
 * <p>The text comes from a {@link SourceWindow}, read as the lexer goes: the lexer releases what lies behind its
 * position, except while it looks for the end of a quote, whose opener it may have to come back to.
 */
final class SqlLexer {
    /**
     * Each resumption rescans the rest of the text, so a file made of thousands of unclosed openers would take
     * quadratic time. After this many problems the rest of the text is left unread; the user has enough to fix.
     */
    static final int MAX_UNCLOSED = 100;

    record Lexed(List<SqlToken> tokens, List<DefinitionProblem> problems) {
    }

    /** Hears of each {@code --} comment outside quotes and block comments, while the window still holds it. */
    @FunctionalInterface
    interface LineComments {
        LineComments NONE = (start, end) -> { };

        /** @param start offset of the first dash; @param end offset of the line break, or of the end of the text */
        void comment(int start, int end);
    }

    private final String file;
    private final SourceWindow text;
    private final Consumer<SqlToken> tokens;
    private final LineComments comments;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private int pos;

    private SqlLexer(String file, SourceWindow text, Consumer<SqlToken> tokens, LineComments comments) {
        this.file = file;
        this.text = text;
        this.tokens = tokens;
        this.comments = comments;
    }

    /** Every token of a text in hand, in a list; the window must hold the whole text (see SourceWindow#holding). */
    static Lexed lex(String file, SourceWindow text) {
        List<SqlToken> tokens = new ArrayList<>();
        return new Lexed(tokens, lex(file, text, tokens::add, LineComments.NONE));
    }

    /**
     * Hands each token to {@code tokens} as it is found, so that a caller that needs only a few at a time (one
     * statement's) does not hold every token of a large file: a 100 MB seed has tens of millions.
     *
     * @return the problems met
     */
    static List<DefinitionProblem> lex(String file, SourceWindow text, Consumer<SqlToken> tokens,
                                       LineComments comments) {
        SqlLexer lexer = new SqlLexer(file, text, tokens, comments);
        lexer.run();
        return lexer.problems;
    }

    private void run() {
        while (problems.size() < MAX_UNCLOSED) {
            // Between tokens: nothing behind is read again, unless a statement being cut pinned its start. Let go of it
            // before reading on, so that the window holds one statement and the block being read.
            text.release(pos);
            int c = text.at(pos);
            if (c < 0) {
                break;
            }
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && next(pos) == '-') {
                skipLineComment();
            } else if (c == '/' && next(pos) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                standardString(pos, pos + 1, false);
            } else if (c == '"') {
                quotedIdentifier(pos, pos + 1);
            } else if (c == '$') {
                dollar();
            } else if (c == ';') {
                emit(SqlToken.Kind.SEMICOLON, pos + 1);
            } else if (isIdentifierStart(c)) {
                wordOrPrefixedQuote();
            } else if (isDigit(c)) {
                number();
            } else {
                emit(SqlToken.Kind.OTHER, pos + 1);
            }
        }
    }

    private void skipLineComment() {
        int i = pos + 2;
        for (int c = text.at(i); c >= 0 && c != '\n' && c != '\r'; c = text.at(++i)) {
            // the comment's text
        }
        comments.comment(pos, i);
        pos = i;
    }

    private void skipBlockComment() {
        int opened = pos;
        int openedLine = text.lineOf(opened);
        int depth = 1;
        int i = pos + 2;
        int c;
        while ((c = text.at(i)) >= 0) {
            if (c == '/' && next(i) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && next(i) == '/') {
                i += 2;
                if (--depth == 0) {
                    pos = i;
                    return;
                }
            } else {
                i++;
            }
            // A comment is never read again: a long one between statements need not stay in memory.
            text.release(i);
        }
        problems.add(UnclosedProblems.blockComment(file, openedLine));
        pos = i;
    }

    /** {@code '…'} and {@code U&'…'}: a quote is doubled, a backslash is an ordinary character. */
    private void standardString(int opened, int contentStart, boolean unicode) {
        int i = contentStart;
        while (true) {
            int quote = text.indexOf('\'', i);
            if (quote < 0) {
                unclosed(opened, contentStart, unicode
                        ? UnclosedProblems.unicodeString(file, text.lineOf(opened))
                        : UnclosedProblems.string(file, text.lineOf(opened)));
                return;
            }
            if (next(quote) == '\'') {
                i = quote + 2;
            } else {
                emitFrom(opened, SqlToken.Kind.QUOTED, quote + 1);
                return;
            }
        }
    }

    /** {@code E'…'}: a backslash escapes whatever follows it, a quote may also be doubled. */
    private void escapeString(int opened, int contentStart) {
        int i = contentStart;
        int c;
        while ((c = text.at(i)) >= 0) {
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && next(i) == '\'') {
                i += 2;
            } else if (c == '\'') {
                emitFrom(opened, SqlToken.Kind.QUOTED, i + 1);
                return;
            } else {
                i++;
            }
        }
        unclosed(opened, contentStart, UnclosedProblems.escapeString(file, text.lineOf(opened)));
    }

    /** {@code "…"} and {@code U&"…"}: a double quote is doubled. */
    private void quotedIdentifier(int opened, int contentStart) {
        int i = contentStart;
        while (true) {
            int quote = text.indexOf('"', i);
            if (quote < 0) {
                String opener = text.text(opened, contentStart);
                unclosed(opened, contentStart, UnclosedProblems.quotedIdentifier(file, text.lineOf(opened), opener));
                return;
            }
            if (next(quote) == '"') {
                i = quote + 2;
            } else {
                emitFrom(opened, SqlToken.Kind.QUOTED, quote + 1);
                return;
            }
        }
    }

    /**
     * A {@code $} that does not continue an identifier: a parameter ({@code $1}), a dollar quote ({@code $$} or
     * {@code $tag$}, the tag made of identifier characters and not starting with a digit), or a lone character.
     */
    private void dollar() {
        int opened = pos;
        int i = pos + 1;
        if (isDigit(text.at(i))) {
            while (isDigit(text.at(i))) {
                i++;
            }
            emit(SqlToken.Kind.OTHER, i);
            return;
        }
        if (isDollarTagStart(text.at(i))) {
            i++;
            while (isDollarTagPart(text.at(i))) {
                i++;
            }
        }
        if (text.at(i) != '$') {
            emit(SqlToken.Kind.OTHER, opened + 1);
            return;
        }
        int bodyStart = i + 1;
        String tag = text.text(opened, bodyStart);
        // The first exact occurrence closes the quote: a tag cannot contain $, so no occurrence can overlap another.
        int close = text.indexOf(tag, bodyStart, Integer.MAX_VALUE);
        if (close < 0) {
            unclosed(opened, bodyStart, UnclosedProblems.dollarQuote(file, text.lineOf(opened), tag));
        } else {
            emitFrom(opened, SqlToken.Kind.QUOTED, close + tag.length());
        }
    }

    /** An identifier or keyword, unless it is the one-letter prefix of {@code E'…'}, {@code U&'…'} or {@code U&"…"}. */
    private void wordOrPrefixedQuote() {
        int start = pos;
        int i = pos + 1;
        while (isIdentifierPart(text.at(i))) {
            i++;
        }
        if (i == start + 1) {
            int letter = text.at(start);
            if ((letter == 'e' || letter == 'E') && text.at(i) == '\'') {
                escapeString(start, i + 1);
                return;
            }
            if ((letter == 'u' || letter == 'U') && text.at(i) == '&') {
                if (next(i) == '\'') {
                    standardString(start, i + 2, true);
                    return;
                }
                if (next(i) == '"') {
                    quotedIdentifier(start, i + 2);
                    return;
                }
            }
        }
        emit(SqlToken.Kind.WORD, i);
    }

    /** Digits and what may follow them in a numeric constant ({@code 1.5e3}, {@code 0x1F}, {@code 1_000}). */
    private void number() {
        int i = pos + 1;
        for (int c = text.at(i); isDigit(c) || isAsciiLetter(c) || c == '_' || c == '.'; c = text.at(++i)) {
            // part of the number
        }
        emit(SqlToken.Kind.OTHER, i);
    }

    private void unclosed(int opened, int openerEnd, DefinitionProblem problem) {
        problems.add(problem);
        emitFrom(opened, SqlToken.Kind.OTHER, openerEnd);
        pos = startOfNextLine(openerEnd);
    }

    /** The offset after the line break that ends the line of {@code from}, or the end of the text. */
    private int startOfNextLine(int from) {
        int i = from;
        for (int c = text.at(i); c >= 0; c = text.at(++i)) {
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return next(i) == '\n' ? i + 2 : i + 1;
            }
        }
        return i;
    }

    private void emit(SqlToken.Kind kind, int end) {
        emitFrom(pos, kind, end);
    }

    private void emitFrom(int start, SqlToken.Kind kind, int end) {
        tokens.accept(new SqlToken(kind, start, end));
        pos = end;
    }

    /** The character after {@code i}, or -1 at the end; -1 never matches anything the callers look for. */
    private int next(int i) {
        return text.at(i + 1);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** PostgreSQL takes every non-ASCII character as an identifier character. */
    private static boolean isIdentifierStart(int c) {
        return isAsciiLetter(c) || c == '_' || c >= 0x80;
    }

    /** {@code $} continues an identifier, so {@code a$b$} is one name and not a dollar quote. */
    private static boolean isIdentifierPart(int c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagStart(int c) {
        return isIdentifierStart(c);
    }

    private static boolean isDollarTagPart(int c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
